import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './create-logger.ts';

function captureLines(): { stream: Writable; lines: () => Record<string, any>[]; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      chunks.push(String(chunk));
      callback();
    },
  });
  return { stream, text: () => chunks.join(''), lines: () => chunks.join('').trim().split('\n').map((line) => JSON.parse(line)) };
}

const PERSONNUMMER = '199001012385';
const HSA_ID = 'SE2321000131-E000000012345';
const TOKEN = 'eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiIxOTkwMDEwMTIzODUifQ.c2lnbmF0dXJl';

describe('createLogger', () => {
  it('redacts identities and tokens at known paths', () => {
    const capture = captureLines();
    const log = createLogger('test', 'info', capture.stream);

    log.info({ headers: { authorization: `Bearer ${TOKEN}` }, variables: { identitet: PERSONNUMMER, input: { identitet: HSA_ID } }, hsaId: HSA_ID }, 'request');

    expect(capture.lines()[0]).toMatchObject({
      headers: { authorization: '[redacted]' },
      variables: { identitet: '[redacted]', input: { identitet: '[redacted]' } },
      hsaId: '[redacted]',
      msg: 'request',
    });
  });

  it('scrubs identities and tokens from any string', () => {
    const capture = captureLines();
    const log = createLogger('test', 'info', capture.stream);

    log.warn({ note: `login ${PERSONNUMMER} and 900101-2385`, nested: { deep: [{ value: `by ${HSA_ID}` }] }, err: new Error(`no user ${PERSONNUMMER}`) }, `token ${TOKEN} for %s`, HSA_ID);

    const line = capture.lines()[0]!;
    expect(line.msg).toBe('token [redacted] for [redacted]');
    expect(line.note).toBe('login [redacted] and [redacted]');
    expect(line.nested).toEqual({ deep: [{ value: 'by [redacted]' }] });
    expect(line.err.message).toBe('no user [redacted]');
    expect(capture.text()).not.toContain(PERSONNUMMER);
    expect(capture.text()).not.toContain(HSA_ID);
    expect(capture.text()).not.toContain(TOKEN);
  });

  it('scrubs a personnummer that letters touch', () => {
    const capture = captureLines();
    const log = createLogger('test', 'info', capture.stream);

    log.info({ operationName: 'Sok199001012385', clientName: 'kommunX199001012385x' }, 'request completed');

    expect(capture.lines()[0]).toMatchObject({ operationName: 'Sok[redacted]', clientName: 'kommunX[redacted]x' });
  });

  it('keeps case numbers, dates and organisation numbers', () => {
    const capture = captureLines();
    const log = createLogger('test', 'info', capture.stream);

    log.info({ diarienummer: '3.1.2-12345/2023', datum: '2026-01-31', organisationsnummer: '556677-8899', requestId: '5f0c1a2e-0b7d-4c1e-9a57-1d2f3e4a5b6c' }, 'kept');

    expect(capture.lines()[0]).toMatchObject({ diarienummer: '3.1.2-12345/2023', datum: '2026-01-31', organisationsnummer: '556677-8899', requestId: '5f0c1a2e-0b7d-4c1e-9a57-1d2f3e4a5b6c' });
  });
});
