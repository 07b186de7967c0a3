import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import { databaseDialect } from './database-dialect.ts';

/**
 * Adds an integer primary key that the database numbers in insert order, written the way each
 * dialect spells it: SQLite's `autoincrement`, PostgreSQL's identity column, SQL Server's `identity`.
 */
export function addIdentityColumn<Table extends string>(db: Kysely<any>, table: CreateTableBuilder<Table, never>, column: string): CreateTableBuilder<Table, string> {
  const dialect = databaseDialect(db);
  if (dialect === 'sqlite') return table.addColumn(column, 'integer', (definition) => definition.primaryKey().autoIncrement());
  if (dialect === 'postgres') return table.addColumn(column, 'integer', (definition) => definition.primaryKey().generatedByDefaultAsIdentity());
  return table.addColumn(column, sql`int`, (definition) => definition.primaryKey().identity());
}
