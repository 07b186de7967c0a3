import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { setTimeout } from 'node:timers/promises';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../src/config/load-config.ts';
import { parseDatabaseUrl } from '../src/db/database-url.ts';
import { openDatabase, type Database } from '../src/db/open-database.ts';
import { SUBGRAPH_NAMES, type SubgraphName } from '../src/subgraph-names.ts';

/** Set to a PostgreSQL URL to run the suite on PostgreSQL; its database is only used to create others. */
export const TEST_POSTGRES_VARIABLE = 'IVO_TEST_POSTGRES_URL';

/**
 * The databases one group of tests runs on. On SQLite they are files in `dataDir`; on PostgreSQL
 * they are databases named in `databaseEnv`. `dataDir` contains the key files in both cases.
 */
export interface TestDataSet {
  dataDir: string;
  /** IVO_<SUBGRAPH>_DATABASE_URL and IVO_AUDIT_DATABASE_URL settings; empty on SQLite. */
  databaseEnv: Record<string, string>;
  /**
   * Where copies come from on PostgreSQL: the server, the seeded template databases, and the
   * prefix of every database the run creates, so the run's end can drop them all.
   */
  postgres: { serverUrl: string; runPrefix: string; templates: Record<SubgraphName, string> } | null;
}

/** A copy of a data set that the test may change, removed with `remove()`. */
export interface TestDataSetCopy extends TestDataSet {
  remove(): Promise<void>;
}

/** Loads the configuration that points at a data set, with further settings. */
export function testConfig(dataSet: TestDataSet, env: Record<string, string> = {}): Config {
  return loadConfig({ IVO_DATA_DIR: dataSet.dataDir, LOG_LEVEL: 'silent', ...dataSet.databaseEnv, ...env });
}

/** Opens one subgraph's database of a data set, for a test that reads or changes rows directly. */
export function openTestDatabase<Schema = any>(dataSet: TestDataSet, name: SubgraphName | 'audit'): Database<Schema> {
  const config = testConfig(dataSet);
  return openDatabase<Schema>(name === 'audit' ? config.auditDatabaseUrl : config.databaseUrls[name]);
}

/**
 * Copies a seeded data set, so a test can change rows without touching the databases other test
 * files read. The copy has the given subgraphs' databases, the key files, and an empty audit
 * database. SQLite copies each file with `VACUUM INTO`, which is consistent even while other
 * connections have the source open; PostgreSQL creates each database from its seeded template.
 */
export async function copyDataSet(source: TestDataSet, subgraphs: readonly SubgraphName[] = SUBGRAPH_NAMES): Promise<TestDataSetCopy> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ivo-graf-copy-'));
  // Keys are made on first use, so a set that has not started a server yet has none to copy.
  if (fs.existsSync(path.join(source.dataDir, 'keys'))) fs.cpSync(path.join(source.dataDir, 'keys'), path.join(dataDir, 'keys'), { recursive: true });

  if (!source.postgres) {
    const from = testConfig(source);
    const to = testConfig({ dataDir, databaseEnv: {}, postgres: null });
    for (const name of subgraphs) {
      const connection = new SqliteDatabase(parseSqliteFile(from.databaseUrls[name]), { readonly: true });
      try {
        connection.prepare('vacuum into ?').run(parseSqliteFile(to.databaseUrls[name]));
      } finally {
        connection.close();
      }
    }
    return { dataDir, databaseEnv: {}, postgres: null, remove: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }

  const { serverUrl, runPrefix, templates } = source.postgres;
  const prefix = `${runPrefix}_copy_${randomBytes(5).toString('hex')}`;
  const created: string[] = [];
  const databaseEnv: Record<string, string> = {};
  for (const name of subgraphs) {
    const database = `${prefix}_${name.replace('-', '_')}`;
    await createPostgresDatabase(serverUrl, database, templates[name]);
    created.push(database);
    databaseEnv[`IVO_${name.replace('-', '_').toUpperCase()}_DATABASE_URL`] = postgresUrl(serverUrl, database);
  }
  await createPostgresDatabase(serverUrl, `${prefix}_audit`);
  created.push(`${prefix}_audit`);
  databaseEnv.IVO_AUDIT_DATABASE_URL = postgresUrl(serverUrl, `${prefix}_audit`);

  return {
    dataDir,
    databaseEnv,
    postgres: source.postgres,
    remove: async () => {
      await dropPostgresDatabases(serverUrl, created);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Creates a database owned by the server URL's user, empty or as a copy of a template. The C
 * collation sorts text by code point, as SQLite's default binary collation does, so key order
 * and cursors agree with the embedded database.
 */
export async function createPostgresDatabase(serverUrl: string, database: string, template = 'template0'): Promise<void> {
  const server = openDatabase(serverUrl);
  const owner = parsePostgresUser(serverUrl);
  try {
    await sql
      .raw(`create database ${database} owner ${owner} template ${template} encoding 'UTF8' lc_collate 'C' lc_ctype 'C'`)
      .execute(server.db);
  } finally {
    await server.close();
  }
}

/** Opens the run's PostgreSQL server database, for statements about other databases. */
export function openTestServer(): Database<unknown> {
  const serverUrl = inject('seededDataSet').postgres?.serverUrl;
  if (!serverUrl) throw new Error('The suite runs on SQLite; no PostgreSQL server is configured.');
  return openDatabase(serverUrl);
}

/** Drops databases, closing any connection still open to them. */
export async function dropPostgresDatabases(serverUrl: string, databases: readonly string[]): Promise<void> {
  const server = openDatabase(serverUrl);
  try {
    for (const database of databases) await dropWithRetry(server, database);
  } finally {
    await server.close();
  }
}

// An autovacuum worker may still be connected to a database the test has just written; a role
// without superuser rights cannot end it, so the drop waits for the worker instead.
async function dropWithRetry(server: Database<unknown>, database: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await sql.raw(`drop database if exists ${database} with (force)`).execute(server.db);
      return;
    } catch (error) {
      if (attempt >= 50) throw error;
      await setTimeout(200);
    }
  }
}

/** Returns the server URL with another database name and a small pool, so parallel test files stay under the server's connection limit. */
export function postgresUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  url.search = '?poolMax=4';
  return url.toString();
}

function parsePostgresUser(serverUrl: string): string {
  const parsed = parseDatabaseUrl(serverUrl);
  if (parsed.dialect !== 'postgres') throw new Error(`${TEST_POSTGRES_VARIABLE} must be a postgres:// URL`);
  return parsed.user;
}

function parseSqliteFile(url: string): string {
  const parsed = parseDatabaseUrl(url);
  if (parsed.dialect !== 'sqlite') throw new Error(`Expected a sqlite: URL, got ${parsed.dialect}`);
  return parsed.file;
}
