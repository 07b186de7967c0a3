import { describe, expect, it } from 'vitest';
import { createByteLimitedCache } from './create-byte-limited-cache.ts';

/** Builds a response whose JSON is exactly `bytes` UTF-8 bytes long. */
function responseOfSize(bytes: number): { data: { text: string } } {
  const overhead = JSON.stringify({ data: { text: '' } }).length;
  return { data: { text: 'x'.repeat(bytes - overhead) } };
}

function cacheWithClock(maxBytes: number, maxEntryBytes: number) {
  const clock = { time: 1_000_000 };
  const cache = createByteLimitedCache({ maxBytes, maxEntryBytes, now: () => clock.time });
  return { cache, clock };
}

describe('createByteLimitedCache', () => {
  it('returns a stored response', async () => {
    const { cache } = cacheWithClock(1000, 500);
    const response = { data: { lan: { namn: 'Västra Götalands län' } } };

    await cache.set('a', response, [], 60_000);

    expect(await cache.get('a')).toEqual(response);
    expect(await cache.get('b')).toBeUndefined();
  });

  it('evicts the least recently used entry over the byte budget', async () => {
    const { cache } = cacheWithClock(300, 100);

    await cache.set('a', responseOfSize(100), [], 60_000);
    await cache.set('b', responseOfSize(100), [], 60_000);
    await cache.set('c', responseOfSize(100), [], 60_000);
    // Reading `a` makes `b` the least recently used entry.
    await cache.get('a');
    await cache.set('d', responseOfSize(100), [], 60_000);

    expect(await cache.get('a')).toEqual(responseOfSize(100));
    expect(await cache.get('b')).toBeUndefined();
    expect(await cache.get('c')).toEqual(responseOfSize(100));
    expect(await cache.get('d')).toEqual(responseOfSize(100));
  });

  it('evicts as many entries as a large one needs', async () => {
    const { cache } = cacheWithClock(300, 300);

    await cache.set('a', responseOfSize(100), [], 60_000);
    await cache.set('b', responseOfSize(100), [], 60_000);
    await cache.set('c', responseOfSize(250), [], 60_000);

    expect(await cache.get('a')).toBeUndefined();
    expect(await cache.get('b')).toBeUndefined();
    expect(await cache.get('c')).toEqual(responseOfSize(250));
  });

  it('counts multi-byte characters in UTF-8', async () => {
    const { cache } = cacheWithClock(1000, 100);
    // 60 characters of "å" are 120 bytes in UTF-8.
    const response = { data: { text: 'å'.repeat(60) } };

    await cache.set('a', response, [], 60_000);

    expect(await cache.get('a')).toBeUndefined();
  });

  it('does not store a response over the entry cap', async () => {
    const { cache } = cacheWithClock(10_000, 100);

    await cache.set('small', responseOfSize(100), [], 60_000);
    await cache.set('big', responseOfSize(101), [], 60_000);

    expect(await cache.get('small')).toEqual(responseOfSize(100));
    expect(await cache.get('big')).toBeUndefined();
  });

  it('drops the old entry when an oversized response replaces it', async () => {
    const { cache } = cacheWithClock(10_000, 100);

    await cache.set('a', responseOfSize(50), [], 60_000);
    await cache.set('a', responseOfSize(200), [], 60_000);

    expect(await cache.get('a')).toBeUndefined();
  });

  it('expires an entry after its TTL in milliseconds', async () => {
    const { cache, clock } = cacheWithClock(1000, 500);

    await cache.set('a', responseOfSize(50), [], 30_000);
    clock.time += 29_999;
    expect(await cache.get('a')).toEqual(responseOfSize(50));

    clock.time += 1;
    expect(await cache.get('a')).toBeUndefined();
  });

  it('keeps an entry with an infinite TTL', async () => {
    const { cache, clock } = cacheWithClock(1000, 500);

    await cache.set('a', responseOfSize(50), [], Infinity);
    clock.time += 365 * 24 * 3600 * 1000;

    expect(await cache.get('a')).toEqual(responseOfSize(50));
  });

  it('does not store a response with a TTL of zero', async () => {
    const { cache } = cacheWithClock(1000, 500);

    await cache.set('a', responseOfSize(50), [], 0);

    expect(await cache.get('a')).toBeUndefined();
  });

  it('invalidates by type name and by type and id', async () => {
    const { cache } = cacheWithClock(10_000, 500);

    await cache.set('lan14', responseOfSize(50), [{ typename: 'Lan', id: '14' }], 60_000);
    await cache.set('lan01', responseOfSize(50), [{ typename: 'Lan', id: '01' }], 60_000);
    await cache.set('kommun', responseOfSize(50), [{ typename: 'Kommun', id: '1480' }], 60_000);

    await cache.invalidate([{ typename: 'Lan', id: '14' }]);
    expect(await cache.get('lan14')).toBeUndefined();
    expect(await cache.get('lan01')).toEqual(responseOfSize(50));
    expect(await cache.get('kommun')).toEqual(responseOfSize(50));

    await cache.invalidate([{ typename: 'Lan' }]);
    expect(await cache.get('lan01')).toBeUndefined();
    expect(await cache.get('kommun')).toEqual(responseOfSize(50));
  });

  it('frees the bytes of invalidated entries', async () => {
    const { cache } = cacheWithClock(200, 100);

    await cache.set('a', responseOfSize(100), [{ typename: 'Lan', id: '14' }], 60_000);
    await cache.set('b', responseOfSize(100), [], 60_000);
    await cache.invalidate([{ typename: 'Lan', id: '14' }]);
    await cache.set('c', responseOfSize(100), [], 60_000);

    expect(await cache.get('b')).toEqual(responseOfSize(100));
    expect(await cache.get('c')).toEqual(responseOfSize(100));
  });
});
