import { describe, expect, it } from 'vitest';
import { exceedsNestingDepth } from './exceeds-nesting-depth.ts';

/** Builds `levels` arrays nested inside each other, `[[[]]]` for 3. */
function nestedArrays(levels: number): unknown {
  let value: unknown = [];
  for (let level = 1; level < levels; level += 1) value = [value];
  return value;
}

describe('exceedsNestingDepth', () => {
  it('accepts a value at the limit', () => {
    expect(exceedsNestingDepth(nestedArrays(32), 32)).toBe(false);
  });

  it('rejects a value one level over', () => {
    expect(exceedsNestingDepth(nestedArrays(33), 32)).toBe(true);
  });

  it('counts objects and arrays alike', () => {
    expect(exceedsNestingDepth({ a: [{ b: [] }] }, 4)).toBe(false);
    expect(exceedsNestingDepth({ a: [{ b: [] }] }, 3)).toBe(true);
  });

  it('ignores scalars and null', () => {
    expect(exceedsNestingDepth('text', 0)).toBe(false);
    expect(exceedsNestingDepth(null, 0)).toBe(false);
    expect(exceedsNestingDepth({ a: 1, b: null, c: 'x' }, 1)).toBe(false);
  });

  it('walks 100000 levels without overflowing the stack', () => {
    expect(exceedsNestingDepth(nestedArrays(100_000), 32)).toBe(true);
  });
});
