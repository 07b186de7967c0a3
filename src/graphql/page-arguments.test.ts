import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, readPageArguments } from './page-arguments.ts';

const badUserInput = (argument: string) => expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argument }) });

describe('readPageArguments', () => {
  it('defaults first to 20 and after to the first page', () => {
    expect(readPageArguments({})).toEqual({ first: 20, after: null });
  });

  it('accepts 0 and 100', () => {
    expect(readPageArguments({ first: 0 }).first).toBe(0);
    expect(readPageArguments({ first: 100 }).first).toBe(100);
  });

  it('rejects first above 100 naming the limit', () => {
    expect(() => readPageArguments({ first: 101 })).toThrow('Argumentet first får vara högst 100 (fick 101). Hämta fler rader sida för sida med after.');
    expect(() => readPageArguments({ first: 101 })).toThrow(badUserInput('first'));
  });

  it('rejects a negative first', () => {
    expect(() => readPageArguments({ first: -1 })).toThrow('Argumentet first ska vara ett heltal från 0 till 100 (fick -1).');
  });
});

describe('cursors', () => {
  it('round-trip sort key values', () => {
    expect(decodeCursor(encodeCursor(['HVB Björkbacken', 'TO-000001']))).toEqual(['HVB Björkbacken', 'TO-000001']);
  });

  it.each([['not base64!'], [Buffer.from('{"a":1}').toString('base64url')], [Buffer.from('[]').toString('base64url')], [Buffer.from('[{"x":1}]').toString('base64url')], ['x'.repeat(600)]])(
    'rejects %s as BAD_USER_INPUT',
    (cursor) => {
      expect(() => decodeCursor(cursor)).toThrow(badUserInput('after'));
    },
  );
});
