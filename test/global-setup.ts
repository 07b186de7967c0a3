import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../src/config/load-config.ts';
import { seedDatabases } from '../src/cli/seed-databases.ts';

/**
 * Seeds one set of embedded databases at scale 1 for the whole run, in a temporary folder, and
 * hands its path to the test files, which open it read-only through their own servers.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  // The T-SQL check after the suite reads only what this run captured.
  const captureDir = process.env.IVO_TSQL_CAPTURE_DIR ?? project.config.env?.IVO_TSQL_CAPTURE_DIR;
  if (captureDir) fs.rmSync(captureDir, { recursive: true, force: true });

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ivo-graf-test-'));
  await seedDatabases(loadConfig({ IVO_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), { scale: 1, force: false });
  project.provide('seededDataDir', dataDir);
  return () => fs.rmSync(dataDir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    seededDataDir: string;
  }
}
