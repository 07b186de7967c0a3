import fs from 'node:fs';
import path from 'node:path';
import { Kysely, MssqlDialect, PostgresDialect, type Dialect, type LogEvent } from 'kysely';
import pg from 'pg';
import * as Tarn from 'tarn';
import * as Tedious from 'tedious';
import { parseDatabaseUrl, type DatabaseUrl, type MssqlUrl, type PostgresUrl } from './database-url.ts';
import { NormalizeValuesPlugin } from './normalize-values-plugin.ts';
import { ReopeningSqliteDialect } from './reopening-sqlite-dialect.ts';
import { StatementLog } from './statement-log.ts';
import { captureForTsqlCheck } from './tsql-capture.ts';

/** A subgraph's database handle with the log of statements sent through it. */
export interface Database<Schema> {
  db: Kysely<Schema>;
  statements: StatementLog;
  dialect: DatabaseUrl['dialect'];
  close(): Promise<void>;
}

/**
 * Opens the database a URL names. `sqlite:<file>` opens an embedded file and creates it and its
 * folder when missing. `mssql://…` connects to SQL Server through a tarn pool of tedious
 * connections, and `postgres://…` to PostgreSQL through a pg pool. Rows come back in the same
 * shapes from all three (see NormalizeValuesPlugin and POSTGRES_TYPES).
 */
export function openDatabase<Schema>(url: string): Database<Schema> {
  const parsed = parseDatabaseUrl(url);
  let dialect: Dialect;
  if (parsed.dialect === 'sqlite') dialect = sqliteDialect(parsed.file);
  else if (parsed.dialect === 'mssql') dialect = mssqlDialect(parsed);
  else dialect = postgresDialect(parsed);

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
    // SOURCE_UNAVAILABLE error. Not verified against a real SQL Server.
    validateConnections: false,
  });
}

// PostgreSQL's text results are parsed here rather than in NormalizeValuesPlugin, because pg
// turns a `date` into a local-time `Date` before any plugin receives the row: a `date` stays the
// `YYYY-MM-DD` text SQLite returns, and `count(*)`'s `bigint` becomes a number when it fits.
const POSTGRES_DATE = 1082;
const POSTGRES_BIGINT = 20;
const POSTGRES_TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === POSTGRES_DATE) return (value: string) => value;
    if (oid === POSTGRES_BIGINT) return (value: string) => (Number.isSafeInteger(Number(value)) ? Number(value) : value);
    return pg.types.getTypeParser(oid, format);
  }) as typeof pg.types.getTypeParser,
};

function postgresDialect(url: PostgresUrl): Dialect {
  const pool = new pg.Pool({
    host: url.host,
    port: url.port,
    database: url.database,
    user: url.user,
    password: url.password,
    min: url.poolMin,
    max: url.poolMax,
    connectionTimeoutMillis: url.connectTimeoutMs,
    statement_timeout: url.requestTimeoutMs,
    types: POSTGRES_TYPES,
  });
  // A connection the server ends emits an error: on the pool while idle, on the client while
  // checked out. Without a listener either would end the process. The next statement on a broken
  // client fails as unavailable, and the pool drops that client when it is released.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  return new PostgresDialect({ pool });
}
