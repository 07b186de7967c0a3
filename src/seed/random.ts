import { fromEpochDay, toEpochDay } from './dates.ts';

/**
 * Seeded pseudo-random numbers: sfc32, the 32-bit variant of Chris Doty-Humphrey's Small Fast
 * Chaotic generator from PractRand, started from four 32-bit words hashed from a seed string.
 * The same seed always yields the same sequence on every platform, so the generated world is
 * reproducible. Not suitable for anything secret.
 */
export class Random {
  readonly seed: string;
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: string) {
    this.seed = seed;
    [this.a, this.b, this.c, this.d] = hashSeed(seed);
    // The first outputs after seeding are poorly mixed, so they are discarded.
    for (let i = 0; i < 16; i++) this.nextUint32();
  }

  /**
   * Returns an independent generator for one part of the work. Its sequence depends only on
   * this generator's seed and the label, not on how many numbers this one has produced, so
   * adding draws to one step does not change the output of the others.
   */
  fork(label: string): Random {
    return new Random(`${this.seed}/${label}`);
  }

  /** Returns the next 32-bit unsigned integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Returns a float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4_294_967_296;
  }

  /** Returns an integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
      throw new RangeError(`Invalid integer range [${min}, ${max}].`);
    }
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Returns a float in [min, max). */
  float(min = 0, max = 1): number {
    return min + this.next() * (max - min);
  }

  /** Returns true with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Returns one element, each with the same probability. Throws on an empty array. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) {
      throw new RangeError('Cannot pick from an empty array.');
    }
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Returns one value, chosen with probability proportional to its weight. */
  weighted<T>(pairs: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, weight] of pairs) total += weight;
    if (!(total > 0)) {
      throw new RangeError('Cannot choose from weights that do not sum to a positive number.');
    }
    let target = this.next() * total;
    for (const [value, weight] of pairs) {
      target -= weight;
      if (target < 0) return value;
    }
    // Rounding can leave target at a tiny positive value after the loop.
    return (pairs[pairs.length - 1] as readonly [T, number])[0];
  }

  /** Returns n distinct elements in random order (all of them if n exceeds the length). */
  sample<T>(items: readonly T[], n: number): T[] {
    const copy = items.slice();
    const count = Math.min(Math.max(0, n), copy.length);
    for (let i = 0; i < count; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      const chosen = copy[j] as T;
      copy[j] = copy[i] as T;
      copy[i] = chosen;
    }
    return copy.slice(0, count);
  }

  /** Returns a random date in [fromIso, toIso] as `YYYY-MM-DD`. */
  dateBetween(fromIso: string, toIso: string): string {
    return fromEpochDay(this.int(toEpochDay(fromIso), toEpochDay(toIso)));
  }

  /** Returns a string of `length` random decimal digits. */
  digits(length: number): string {
    let result = '';
    for (let i = 0; i < length; i++) result += String(Math.floor(this.next() * 10));
    return result;
  }
}

/**
 * A fixed set of weighted choices that is drawn from many times. Binary search over the running
 * totals makes a draw O(log n), where Random.weighted scans all pairs.
 */
export class WeightedTable<T> {
  private readonly values: T[];
  private readonly cumulative: number[];
  private readonly total: number;

  constructor(pairs: readonly (readonly [T, number])[]) {
    this.values = [];
    this.cumulative = [];
    let total = 0;
    for (const [value, weight] of pairs) {
      if (!(weight > 0)) continue;
      total += weight;
      this.values.push(value);
      this.cumulative.push(total);
    }
    if (this.values.length === 0) {
      throw new RangeError('A weighted table needs at least one positive weight.');
    }
    this.total = total;
  }

  get size(): number {
    return this.values.length;
  }

  /** Returns one value, chosen with probability proportional to its weight. */
  draw(random: Random): T {
    const target = random.next() * this.total;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.cumulative[middle] as number) > target) high = middle;
      else low = middle + 1;
    }
    return this.values[low] as T;
  }
}

/** Hashes a string into four 32-bit words with separate FNV-1a style lanes and a final mix. */
function hashSeed(seed: string): [number, number, number, number] {
  const lanes = [0x811c9dc5, 0x9e3779b9, 0x85ebca6b, 0xc2b2ae35];
  const primes = [0x01000193, 0x0100019d, 0x010001a3, 0x010001b7];
  for (let i = 0; i < seed.length; i++) {
    const code = seed.charCodeAt(i);
    for (let lane = 0; lane < 4; lane++) {
      lanes[lane] = Math.imul((lanes[lane] as number) ^ code, primes[lane] as number);
    }
  }
  return [mix32(lanes[0] as number), mix32(lanes[1] as number), mix32(lanes[2] as number), mix32(lanes[3] as number)];
}

/** Mixes a 32-bit value with the finalizer of MurmurHash3, so that every input bit affects every output bit. */
function mix32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
