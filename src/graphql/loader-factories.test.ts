import { describe, expect, it } from 'vitest';
import { MAX_BATCH_SIZE, parentLoader, rowListLoader, rowLoader } from './loader-factories.ts';

/** Returns a fetch that records the keys of every batch and returns a row per known key. */
function recordingFetch(known: (key: string) => boolean) {
  const batches: string[][] = [];
  const fetch = async (keys: readonly string[]) => {
    batches.push([...keys]);
    return keys.filter(known).map((key) => ({ id: key, parent: key.split(':')[0] as string }));
  };
  return { batches, fetch };
}

describe('rowLoader', () => {
  it('returns one row per key in key order', async () => {
    const { batches, fetch } = recordingFetch((key) => key !== 'b');
    const loader = rowLoader(fetch, (row) => row.id);

    const rows = await Promise.all(['c', 'a', 'b'].map((key) => loader.load(key)));

    expect(rows).toEqual([{ id: 'c', parent: 'c' }, { id: 'a', parent: 'a' }, null]);
    expect(batches).toEqual([['c', 'a', 'b']]);
  });

  it('splits keys below SQL Server’s parameter limit', async () => {
    const { batches, fetch } = recordingFetch(() => true);
    const loader = rowLoader(fetch, (row) => row.id);
    const keys = Array.from({ length: 2500 }, (_, index) => `k${index}`);

    await loader.loadMany(keys);

    expect(MAX_BATCH_SIZE).toBeLessThan(2100);
    expect(batches.map((batch) => batch.length)).toEqual([1000, 1000, 500]);
  });

  it('loads a guarded row as the guard’s error', async () => {
    const { fetch } = recordingFetch(() => true);
    const loader = rowLoader(fetch, (row) => row.id, (row) => (row.id === 'secret' ? new Error('nekad') : null));

    await expect(loader.load('secret')).rejects.toThrow('nekad');
    await expect(loader.load('open')).resolves.toEqual({ id: 'open', parent: 'open' });
  });
});

describe('rowListLoader', () => {
  it('groups rows by key and gives an empty list for none', async () => {
    const loader = rowListLoader(async () => [{ id: 'x1', parent: 'x' }, { id: 'x2', parent: 'x' }], (row) => row.parent);

    expect(await Promise.all([loader.load('x'), loader.load('y')])).toEqual([[{ id: 'x1', parent: 'x' }, { id: 'x2', parent: 'x' }], []]);
  });
});

describe('parentLoader', () => {
  it('fetches once per distinct arguments', async () => {
    const calls: { parents: string[]; args: { first: number } }[] = [];
    const loader = parentLoader<{ first: number }, number>(async (parents, args) => {
      calls.push({ parents, args });
      return new Map(parents.map((parent) => [parent, args.first * 10]));
    }, 0);

    const values = await Promise.all([
      loader.load({ parentId: 'a', args: { first: 5 } }),
      loader.load({ parentId: 'b', args: { first: 5 } }),
      loader.load({ parentId: 'a', args: { first: 2 } }),
    ]);

    expect(values).toEqual([50, 50, 20]);
    expect(calls).toEqual([
      { parents: ['a', 'b'], args: { first: 5 } },
      { parents: ['a'], args: { first: 2 } },
    ]);
  });
});
