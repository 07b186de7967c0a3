import DataLoader from 'dataloader';

/**
 * Keys per batch. SQL Server accepts 2,100 parameters per statement, so one `IN` list of keys
 * stays well below it with room for the other parameters of the statement.
 */
export const MAX_BATCH_SIZE = 1000;

/**
 * Creates a loader of one row per key; a key without a row loads as null. With a guard, each row
 * is checked as it is loaded and a row the caller may not see loads as the guard's error, so an
 * object restricted as a whole cannot be fetched by key, `_entities` included.
 */
export function rowLoader<Row>(
  fetchRows: (keys: readonly string[]) => Promise<Row[]>,
  keyOf: (row: Row) => string,
  guard: (row: Row) => Error | null = () => null,
): DataLoader<string, Row | null> {
  return new DataLoader(
    async (keys) => {
      const rows = new Map((await fetchRows(keys)).map((row) => [keyOf(row), row]));
      return keys.map((key) => {
        const row = rows.get(key);
        if (row === undefined) return null;
        return guard(row) ?? row;
      });
    },
    { maxBatchSize: MAX_BATCH_SIZE },
  );
}

/** Creates a loader of all rows per key, in the order the fetch returned them; no rows loads as []. */
export function rowListLoader<Row>(fetchRows: (keys: readonly string[]) => Promise<Row[]>, keyOf: (row: Row) => string): DataLoader<string, Row[]> {
  return new DataLoader(
    async (keys) => {
      const groups = new Map<string, Row[]>(keys.map((key) => [key, []]));
      for (const row of await fetchRows(keys)) groups.get(keyOf(row))?.push(row);
      return keys.map((key) => groups.get(key) ?? []);
    },
    { maxBatchSize: MAX_BATCH_SIZE },
  );
}

/** The key of a per-parent loader that also depends on field arguments (filters, page). */
export interface ParentKey<Args> {
  parentId: string;
  args: Args;
}

/**
 * Creates a loader for a per-parent value that depends on arguments, such as one page of a
 * unit's cases. Keys with equal arguments share one fetch, so a list of 100 units with the same
 * `arenden(first: 5)` selection costs one statement.
 */
export function parentLoader<Args, Value>(fetchByParent: (parentIds: string[], args: Args) => Promise<Map<string, Value>>, missing: Value): DataLoader<ParentKey<Args>, Value, string> {
  return new DataLoader(
    async (keys) => {
      const groups = new Map<string, { args: Args; parentIds: Set<string> }>();
      for (const key of keys) {
        const argsKey = JSON.stringify(key.args);
        const group = groups.get(argsKey) ?? { args: key.args, parentIds: new Set<string>() };
        group.parentIds.add(key.parentId);
        groups.set(argsKey, group);
      }

      const results = new Map<string, Value>();
      for (const [argsKey, group] of groups) {
        const values = await fetchByParent([...group.parentIds], group.args);
        for (const [parentId, value] of values) results.set(`${argsKey}\u0000${parentId}`, value);
      }
      return keys.map((key) => results.get(`${JSON.stringify(key.args)}\u0000${key.parentId}`) ?? missing);
    },
    { maxBatchSize: MAX_BATCH_SIZE, cacheKeyFn: (key) => `${JSON.stringify(key.args)}\u0000${key.parentId}` },
  );
}
