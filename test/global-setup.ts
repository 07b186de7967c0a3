import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { seedDatabases } from '../src/cli/seed-databases.ts';
import { SUBGRAPH_NAMES, type SubgraphName } from '../src/subgraph-names.ts';
import { openDatabase } from '../src/db/open-database.ts';
import { sql } from 'kysely';
import { copyDataSet, createPostgresDatabase, dropPostgresDatabases, postgresUrl, testConfig, TEST_POSTGRES_VARIABLE, type TestDataSet } from './test-data-set.ts';

/**
 * Seeds one data set at scale 1 for the whole run and hands it to the test files, which read it
 * through their own servers and copy it before changing rows. With IVO_TEST_POSTGRES_URL set the
 * seed goes into PostgreSQL template databases, and the shared set is a copy of them.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // The T-SQL check after the suite reads only what this run captured.
  const captureDir = process.env.IVO_TSQL_CAPTURE_DIR ?? project.config.env?.IVO_TSQL_CAPTURE_DIR;
  if (captureDir) fs.rmSync(captureDir, { recursive: true, force: true });

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ivo-graf-test-'));
  // Read from the run's configuration only, so a variable left in the shell cannot move the
  // SQLite run onto PostgreSQL (test/postgres/vitest.config.ts sets it for the second run).
  const serverUrl = project.config.env?.[TEST_POSTGRES_VARIABLE];
  if (!serverUrl) {
    const dataSet: TestDataSet = { dataDir, databaseEnv: {}, postgres: null };
    await seedDatabases(testConfig(dataSet), { scale: 1, force: false });
    project.provide('seededDataSet', dataSet);
    return async () => fs.rmSync(dataDir, { recursive: true, force: true });
  }

  await assertPostgresReachable(serverUrl);
  const run = `ivo_test_${randomBytes(4).toString('hex')}`;
  const templates = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, `${run}_template_${name.replace('-', '_')}`])) as Record<SubgraphName, string>;
  const templateEnv: Record<string, string> = {};
  for (const name of SUBGRAPH_NAMES) {
    await createPostgresDatabase(serverUrl, templates[name]);
    templateEnv[`IVO_${name.replace('-', '_').toUpperCase()}_DATABASE_URL`] = postgresUrl(serverUrl, templates[name]);
  }
  await seedDatabases(testConfig({ dataDir, databaseEnv: templateEnv, postgres: null }), { scale: 1, force: false });

  const shared = await copyDataSet({ dataDir, databaseEnv: templateEnv, postgres: { serverUrl, runPrefix: run, templates } });
  project.provide('seededDataSet', { dataDir: shared.dataDir, databaseEnv: shared.databaseEnv, postgres: shared.postgres });
  return async () => {
    await shared.remove();
    await dropPostgresDatabases(serverUrl, await listDatabases(serverUrl, run));
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}

async function assertPostgresReachable(serverUrl: string): Promise<void> {
  const server = openDatabase(serverUrl);
  try {
    await sql`select 1`.execute(server.db);
  } catch (error) {
    throw new Error(
      `${TEST_POSTGRES_VARIABLE} is set but the PostgreSQL server cannot be reached (${(error as Error).message}). ` +
        'Start it with "bash scripts/start-test-services.sh" or unset the variable to test on SQLite only.',
    );
  } finally {
    await server.close();
  }
}

async function listDatabases(serverUrl: string, prefix: string): Promise<string[]> {
  const server = openDatabase(serverUrl);
  try {
    const result = await sql<{ datname: string }>`select datname from pg_database where datname like ${`${prefix}%`}`.execute(server.db);
    return result.rows.map((row) => row.datname);
  } finally {
    await server.close();
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    seededDataSet: TestDataSet;
  }
}
