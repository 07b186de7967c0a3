import { sql, type Expression, type Kysely, type SelectQueryBuilder, type SqlBool } from 'kysely';
import { badUserInput } from '../errors/coded-error.ts';
import { databaseDialect } from './database-dialect.ts';
import type { PageArguments } from '../graphql/page-arguments.ts';

/** One column of a keyset sort order; the last key must be unique so the order is total. */
export interface SortKey {
  column: string;
  direction: 'asc' | 'desc';
}

// Kysely's builder types track every table and column. The helpers here work on any query of a
// subgraph, so they take the loosely typed builder and return rows typed by the caller.
type AnySelect = SelectQueryBuilder<any, any, any>;

/**
 * Returns the condition "row comes after these sort key values" as
 * `(k1 > v1) OR (k1 = v1 AND k2 > v2) OR …`, with `<` for descending keys.
 */
export function keysetAfter(keys: readonly SortKey[], values: readonly unknown[]): Expression<SqlBool> {
  const branches = keys.map((key, index) => {
    const equalities = keys.slice(0, index).map((previous, i) => sql`${sql.ref(previous.column)} = ${values[i]}`);
    const comparison = key.direction === 'asc' ? sql`>` : sql`<`;
    const strict = sql`${sql.ref(key.column)} ${comparison} ${values[index]}`;
    return sql.join([...equalities, strict], sql` and `);
  });
  return sql<SqlBool>`(${sql.join(branches.map((branch) => sql`(${branch})`), sql` or `)})`;
}

/** Adds the keyset order to a query. */
export function orderByKeys<Query extends AnySelect>(query: Query, keys: readonly SortKey[]): Query {
  let ordered = query;
  for (const key of keys) ordered = ordered.orderBy(sql.ref(key.column), key.direction) as Query;
  return ordered;
}

/**
 * Fetches one page of a query by keyset: rows after `page.after` in key order, one more than
 * `page.first` so the caller can tell whether a next page exists. SQL Server takes `TOP`, since
 * Kysely compiles `.limit()` there into invalid T-SQL without an error; SQLite takes `LIMIT`.
 */
export async function fetchPage<Row>(db: Kysely<any>, query: AnySelect, keys: readonly SortKey[], page: PageArguments): Promise<Row[]> {
  assertCursorFits(keys, page);
  let paged = page.after ? query.where(keysetAfter(keys, page.after)) : query;
  paged = orderByKeys(paged, keys);
  paged = isSqlServer(db) ? paged.top(page.first + 1) : paged.limit(page.first + 1);
  return (await paged.execute()) as Row[];
}

/** Returns whether a Kysely instance talks to SQL Server. */
export function isSqlServer(db: Kysely<any>): boolean {
  return databaseDialect(db) === 'mssql';
}

/**
 * Fetches the same page of a child list for many parents in one statement: the rows are
 * numbered per parent with `ROW_NUMBER()` and cut at `page.first + 1` per parent. The query must
 * select the parent column under the name `parentColumn`.
 */
export async function fetchPagesByParent<Row extends Record<string, unknown>>(
  db: Kysely<any>,
  query: AnySelect,
  parentColumn: string,
  parentIds: readonly string[],
  keys: readonly SortKey[],
  page: PageArguments,
): Promise<Map<string, Row[]>> {
  assertCursorFits(keys, page);
  const pages = new Map<string, Row[]>(parentIds.map((id) => [id, []]));
  if (parentIds.length === 0) return pages;

  let inner = query.where(sql.ref(parentColumn), 'in', parentIds);
  if (page.after) inner = inner.where(keysetAfter(keys, page.after));
  const order = sql.join(keys.map((key) => sql`${sql.ref(key.column)} ${sql.raw(key.direction)}`));
  inner = inner.select(sql<number>`row_number() over (partition by ${sql.ref(parentColumn)} order by ${order})`.as('rad_nummer'));

  const rows = (await db
    .selectFrom(inner.as('numrerade'))
    .selectAll()
    .where('rad_nummer', '<=', page.first + 1)
    .orderBy('rad_nummer')
    .execute()) as (Row & { rad_nummer?: number })[];

  const parentName = parentColumn.split('.').at(-1) as string;
  for (const row of rows) {
    delete row.rad_nummer;
    pages.get(String(row[parentName]))?.push(row);
  }
  return pages;
}

/** Counts the rows a query would return, ignoring its order and selection. */
export async function countRows(query: AnySelect): Promise<number> {
  const row = await query
    .clearSelect()
    .clearOrderBy()
    .select(sql<number>`count(*)`.as('antal'))
    .executeTakeFirstOrThrow();
  return Number(row.antal);
}

/** Counts a child list for many parents in one grouped statement; parents without rows get 0. */
export async function countRowsByParent(query: AnySelect, parentColumn: string, parentIds: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>(parentIds.map((id) => [id, 0]));
  if (parentIds.length === 0) return counts;

  const rows = await query
    .clearSelect()
    .clearOrderBy()
    .where(sql.ref(parentColumn), 'in', parentIds)
    .select([sql.ref(parentColumn).as('parent_id'), sql<number>`count(*)`.as('antal')])
    .groupBy(sql.ref(parentColumn))
    .execute();
  for (const row of rows) counts.set(String(row.parent_id), Number(row.antal));
  return counts;
}

function assertCursorFits(keys: readonly SortKey[], page: PageArguments): void {
  if (page.after && page.after.length !== keys.length) {
    throw badUserInput('after', 'Argumentet after hör till en annan lista. Använd endCursor från en sida av samma lista.');
  }
}
