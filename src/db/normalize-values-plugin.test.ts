import { describe, expect, it } from 'vitest';
import { normalizeValue } from './normalize-values-plugin.ts';

describe('normalizeValue', () => {
  it.each([
    ['a SQL Server date', new Date('2024-03-01T00:00:00.000Z'), '2024-03-01'],
    ['a timestamp', new Date('2024-03-01T12:34:56.789Z'), '2024-03-01T12:34:56.789Z'],
    ['bit true', true, 1],
    ['bit false', false, 0],
    ['a safe bigint', 42n, 42],
    ['a huge bigint', 2n ** 63n - 1n, '9223372036854775807'],
    ['a string', 'TO-000001', 'TO-000001'],
    ['null', null, null],
  ])('gives %s the embedded database’s shape', (_name, value, expected) => {
    expect(normalizeValue(value)).toEqual(expected);
  });
});
