import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildPersistedDocuments, documentHash, formatPersistedDocuments, PERSISTED_DOCUMENTS_FILE } from '../router/persisted-documents.ts';
import { httpPost } from './http-post.ts';
import { startStack, type Stack } from './start-stack.ts';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack(inject('seededDataSet'), { env: { IVO_PERSISTED_ONLY_ANONYMOUS: 'true' } });
});

afterAll(async () => {
  await stack?.close();
});

// Variables a statistik.ivo.se page would send with each persisted operation.
const VARIABLES: Record<string, Record<string, unknown>> = {
  AntalIKommun: { kommunKod: '1480' },
  LanOchKommuner: {},
  TillsynsobjektILan: { lanKod: '14', verksamhetsomrade: ['SOL_IFO'] },
};

function byHash(hash: string, variables: Record<string, unknown> = {}) {
  return { variables, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } };
}

describe('persisted documents', () => {
  it('has a committed manifest built from the current files', () => {
    expect(fs.readFileSync(PERSISTED_DOCUMENTS_FILE, 'utf8')).toBe(formatPersistedDocuments(buildPersistedDocuments()));
  });

  it('runs every persisted document for an anonymous caller', async () => {
    const manifest = buildPersistedDocuments();
    const names = Object.values(manifest).map((document) => /query (\w+)/.exec(document)![1]!);
    expect(names.sort()).toEqual(Object.keys(VARIABLES).sort());

    for (const [hash, document] of Object.entries(manifest)) {
      const name = /query (\w+)/.exec(document)![1]!;
      const result = await httpPost(stack.routerUrl, byHash(hash, VARIABLES[name]));

      expect(result.status, name).toBe(200);
      expect(result.body.errors, name).toBeUndefined();
      expect(result.body.data, name).toBeTruthy();
    }
  });

  it('answers a persisted count query with the seed values', async () => {
    const [hash] = Object.entries(buildPersistedDocuments()).find(([, document]) => document.includes('query AntalIKommun'))!;
    const result = await httpPost(stack.routerUrl, byHash(hash, { kommunKod: '1480' }));

    expect(result.body).toEqual({
      data: {
        kommun: {
          kod: '1480',
          namn: 'Göteborg',
          lan: { kod: '14', namn: 'Västra Götalands län' },
          hvb: { totalCount: expect.any(Number) },
          stodboende: { totalCount: expect.any(Number) },
        },
      },
    });
    expect(result.body.data.kommun.hvb.totalCount).toBeGreaterThan(0);
  });

  it('rejects a document from an anonymous caller', async () => {
    const result = await httpPost(stack.routerUrl, { query: '{ allaLan { kod } }' });

    expect(result.status).toBe(400);
    expect(result.body).toEqual({
      errors: [
        {
          message: 'Anonyma anrop får bara skicka hashen för ett sparat dokument, inte en egen fråga. Logga in för att skicka egna frågor.',
          extensions: { code: 'PERSISTED_QUERY_REQUIRED' },
        },
      ],
    });
  });

  it('rejects an unknown hash', async () => {
    const result = await httpPost(stack.routerUrl, byHash(documentHash('{ allaLan { kod } }')));

    expect(result.status).toBe(400);
    expect(result.body).toEqual({
      errors: [{ message: 'Det finns inget sparat dokument med den hashen. Använd en hash ur persisted-documents.json.', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }],
    });
  });

  it('accepts any document from a logged-in caller', async () => {
    const result = await stack.query('{ lan(kod: "14") { namn } }', undefined, 'A-00003');

    expect(result).toEqual({ data: { lan: { namn: 'Västra Götalands län' } } });
  });

  it('keeps the anonymous limits on persisted documents', async () => {
    const [hash] = Object.entries(buildPersistedDocuments()).find(([, document]) => document.includes('query TillsynsobjektILan'))!;
    const result = await httpPost(stack.routerUrl, byHash(hash, { lanKod: '14', first: 1000 }));

    expect(result.body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'QUERY_TOO_COMPLEX', limit: 'maxCost' }) })]);
  });
});

describe('buildPersistedDocuments', () => {
  function folderWith(files: Record<string, string>): string {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ivo-persisted-'));
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(folder, name), text);
    return folder;
  }

  it('keys each document by the SHA-256 of its text', () => {
    const text = 'query Lan { allaLan { kod } }\n';

    expect(buildPersistedDocuments(folderWith({ 'lan.graphql': text, 'notes.txt': 'ignored' }))).toEqual({ [documentHash(text)]: text });
    expect(documentHash(text)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('rejects a file without exactly one named operation', () => {
    expect(() => buildPersistedDocuments(folderWith({ 'two.graphql': 'query A { allaLan { kod } } query B { allaLan { kod } }' }))).toThrow(
      'two.graphql must hold exactly one named operation.',
    );
    expect(() => buildPersistedDocuments(folderWith({ 'anonymous.graphql': '{ allaLan { kod } }' }))).toThrow('anonymous.graphql must hold exactly one named operation.');
  });

  it('rejects two files with the same operation name', () => {
    expect(() => buildPersistedDocuments(folderWith({ 'a.graphql': 'query Lan { allaLan { kod } }', 'b.graphql': 'query Lan { allaLan { namn } }' }))).toThrow(
      'b.graphql and a.graphql both name their operation Lan; operation names must be unique.',
    );
  });
});
