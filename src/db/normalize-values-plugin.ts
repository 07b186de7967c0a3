import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';

/**
 * Gives every dialect's rows the shapes the embedded SQLite database returns, in one place.
 * A date (tedious returns `Date` at UTC midnight) becomes `YYYY-MM-DD` and any other `Date` an
 * ISO timestamp. A boolean (SQL Server's `bit`) becomes 1 or 0, a `bigint` a number when it fits.
 */
export class NormalizeValuesPlugin implements KyselyPlugin {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return { ...args.result, rows: args.result.rows.map(normalizeRow) };
  }
}

function normalizeRow(row: UnknownRow): UnknownRow {
  const normalized: UnknownRow = {};
  for (const [key, value] of Object.entries(row)) normalized[key] = normalizeValue(value);
  return normalized;
}

/** Converts one column value to the embedded database's shape. */
export function normalizeValue(value: unknown): unknown {
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  return value;
}
