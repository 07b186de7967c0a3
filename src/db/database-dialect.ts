import { MssqlAdapter, PostgresAdapter, type Kysely } from 'kysely';

/** The SQL dialects the project runs on. */
export const DATABASE_DIALECTS = ['sqlite', 'mssql', 'postgres'] as const;
export type DatabaseDialect = (typeof DATABASE_DIALECTS)[number];

/** Returns the dialect a Kysely instance (or transaction) talks to, read from its adapter. */
export function databaseDialect(db: Kysely<any>): DatabaseDialect {
  const adapter = db.getExecutor().adapter;
  if (adapter instanceof MssqlAdapter) return 'mssql';
  if (adapter instanceof PostgresAdapter) return 'postgres';
  return 'sqlite';
}
