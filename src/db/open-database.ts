import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect, type LogEvent } from 'kysely';
import { StatementLog } from './statement-log.ts';

/** A subgraph's database handle with the log of statements sent through it. */
export interface Database<Schema> {
  db: Kysely<Schema>;
  statements: StatementLog;
  dialect: 'sqlite';
  close(): Promise<void>;
}

/**
 * Opens the database a URL names. `sqlite:<file>` opens (and creates) an embedded file; the
 * folder is created when missing.
 */
export function openDatabase<Schema>(url: string): Database<Schema> {
  if (!url.startsWith('sqlite:')) {
    throw new Error(`Unsupported database URL scheme in "${url.split(':')[0]}:"; expected sqlite:<file>.`);
  }

  const file = url.slice('sqlite:'.length);
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');

  const statements = new StatementLog();
  const db = new Kysely<Schema>({
    dialect: new SqliteDialect({ database: sqlite }),
    log: (event: LogEvent) => {
      statements.add({
        sql: event.query.sql,
        parameters: event.query.parameters,
        durationMs: event.queryDurationMillis,
      });
    },
  });

  return { db, statements, dialect: 'sqlite', close: () => db.destroy() };
}
