import { describe, expect, it } from 'vitest';
import { Random, WeightedTable } from './random.ts';

describe('Random', () => {
  it('repeats the sequence of a seed', () => {
    const first = new Random('seed');
    const second = new Random('seed');
    const draws = Array.from({ length: 5 }, () => first.nextUint32());
    expect(Array.from({ length: 5 }, () => second.nextUint32())).toEqual(draws);
    expect(Array.from({ length: 5 }, () => new Random('other').nextUint32())).not.toEqual(draws);
  });

  it('forks independently of earlier draws', () => {
    const used = new Random('seed');
    used.next();
    used.next();
    expect(used.fork('step').next()).toBe(new Random('seed').fork('step').next());
  });

  it('keeps int within inclusive bounds', () => {
    const random = new Random('int');
    const values = new Set(Array.from({ length: 2000 }, () => random.int(3, 6)));
    expect([...values].sort()).toEqual([3, 4, 5, 6]);
    expect(() => random.int(5, 4)).toThrow(RangeError);
  });

  it('samples distinct elements', () => {
    const sample = new Random('sample').sample([1, 2, 3, 4, 5, 6], 4);
    expect(sample).toHaveLength(4);
    expect(new Set(sample).size).toBe(4);
  });

  it('draws dates within the range', () => {
    const random = new Random('dates');
    const dates = Array.from({ length: 500 }, () => random.dateBetween('2024-02-27', '2024-03-02'));
    expect(dates.filter((date) => date < '2024-02-27' || date > '2024-03-02')).toEqual([]);
    expect(new Set(dates)).toContain('2024-02-29');
  });

  it('follows weights roughly', () => {
    const random = new Random('weights');
    const table = new WeightedTable([['a', 1], ['b', 3], ['never', 0]] as const);
    const draws = Array.from({ length: 4000 }, () => table.draw(random));
    const shareB = draws.filter((value) => value === 'b').length / draws.length;
    expect(shareB).toBeGreaterThan(0.7);
    expect(shareB).toBeLessThan(0.8);
    expect(draws).not.toContain('never');
    expect(new Random('weights').weighted([['x', 0], ['y', 1]])).toBe('y');
  });
});
