import type { Kysely } from 'kysely';

// SQL Server accepts at most 2,100 parameters per statement; staying under it keeps one seed path
// for every dialect.
const MAX_PARAMETERS_PER_STATEMENT = 2000;

/** Inserts rows into a table in statements of as many rows as the parameter limit allows. */
export async function insertRows(db: Kysely<any>, table: string, rows: readonly Record<string, unknown>[], onRows?: (count: number) => void): Promise<void> {
  if (rows.length === 0) return;
  const columnCount = Object.keys(rows[0] as object).length;
  const rowsPerStatement = Math.max(1, Math.floor(MAX_PARAMETERS_PER_STATEMENT / columnCount));

  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const chunk = rows.slice(start, start + rowsPerStatement);
    await db.insertInto(table).values(chunk as Record<string, unknown>[]).execute();
    onRows?.(chunk.length);
  }
}

/** Inserts several tables' rows in order, reporting progress per table. */
export async function insertTables(
  db: Kysely<any>,
  tables: readonly (readonly [string, readonly Record<string, unknown>[]])[],
  progress: (table: string, done: number, total: number) => void,
): Promise<void> {
  for (const [table, rows] of tables) {
    let done = 0;
    progress(table, 0, rows.length);
    await insertRows(db, table, rows, (count) => progress(table, (done += count), rows.length));
  }
}
