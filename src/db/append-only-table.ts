import { sql, type Kysely } from 'kysely';
import { databaseDialect } from './database-dialect.ts';

/**
 * Adds triggers that make the database itself reject every update and delete on a table, with
 * the message "<table> is append-only", in the dialect the migration runs on.
 */
export async function makeTableAppendOnly(db: Kysely<any>, table: string): Promise<void> {
  const message = `${table} is append-only`;
  const dialect = databaseDialect(db);

  if (dialect === 'sqlite') {
    for (const action of ['update', 'delete']) {
      await sql.raw(`create trigger ${table}_no_${action} before ${action} on ${table} begin select raise(abort, '${message}'); end`).execute(db);
    }
    return;
  }

  if (dialect === 'postgres') {
    await sql.raw(`create function ${table}_reject_change() returns trigger language plpgsql as $$ begin raise exception '${message}'; end $$`).execute(db);
    await sql.raw(`create trigger ${table}_no_change before update or delete on ${table} for each row execute function ${table}_reject_change()`).execute(db);
    return;
  }

  await sql.raw(`create trigger ${table}_no_change on ${table} instead of update, delete as throw 51000, '${message}', 1;`).execute(db);
}
