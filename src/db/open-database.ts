import fs from 'node:fs';
import path from 'node:path';
import { Kysely, MssqlDialect, type Dialect, type LogEvent } from 'kysely';
import * as Tarn from 'tarn';
import * as Tedious from 'tedious';
import { parseDatabaseUrl, type MssqlUrl } from './database-url.ts';
import { NormalizeValuesPlugin } from './normalize-values-plugin.ts';
import { ReopeningSqliteDialect } from './reopening-sqlite-dialect.ts';
import { StatementLog } from './statement-log.ts';
import { captureForTsqlCheck } from './tsql-capture.ts';

/** A subgraph's database handle with the log of statements sent through it. */
export interface Database<Schema> {
  db: Kysely<Schema>;
  statements: StatementLog;
  dialect: 'sqlite' | 'mssql';
  close(): Promise<void>;
}

/**
 * Opens the database a URL names. `sqlite:<file>` opens an embedded file and creates it and its
 * folder when missing. `mssql://…` connects to SQL Server through a tarn pool of tedious
 * connections. Rows come back in the same shapes from both (see NormalizeValuesPlugin).
 */
export function openDatabase<Schema>(url: string): Database<Schema> {
  const parsed = parseDatabaseUrl(url);
  const dialect = parsed.dialect === 'sqlite' ? sqliteDialect(parsed.file) : mssqlDialect(parsed);

  const statements = new StatementLog();
  const db = new Kysely<Schema>({
    dialect,
    plugins: [new NormalizeValuesPlugin()],
    log: (event: LogEvent) => {
      statements.add({
        sql: event.query.sql,
        parameters: event.query.parameters,
        durationMs: event.queryDurationMillis,
        node: event.query.query,
        failed: event.level === 'error',
      });
      captureForTsqlCheck(event.query.query);
    },
  });

  return { db, statements, dialect: parsed.dialect, close: () => db.destroy() };
}

function sqliteDialect(file: string): Dialect {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  return new ReopeningSqliteDialect(file);
}

function mssqlDialect(url: MssqlUrl): Dialect {
  return new MssqlDialect({
    tarn: { ...Tarn, options: { min: url.poolMin, max: url.poolMax } },
    tedious: {
      ...Tedious,
      connectionFactory: () =>
        new Tedious.Connection({
          server: url.host,
          authentication: { type: 'default', options: { userName: url.user, password: url.password } },
          options: {
            port: url.port,
            database: url.database,
            encrypt: url.encrypt,
            trustServerCertificate: url.trustServerCertificate,
            connectTimeout: url.connectTimeoutMs,
            requestTimeout: url.requestTimeoutMs,
          },
        }),
    },
    // A validation query before every checkout doubles the round trips, so it is off.
    // NOTE: with validation off, Kysely 0.28 does not check a connection's socket on checkout, so a
    // connection that lost its socket may be handed out again and fail its statement with a
    // SOURCE_UNAVAILABLE answer. Not verified against a real SQL Server.
    validateConnections: false,
  });
}
