import { defineConfig, mergeConfig } from 'vitest/config';
import base from '../../vitest.config.ts';

/** The PostgreSQL server the suite's second run uses; .ci/run and scripts/start-test-services.sh set it up. */
const DEFAULT_TEST_POSTGRES_URL = 'postgres://ivo_test:ivo_test@127.0.0.1:5432/postgres';

// Runs the main suite again with every subgraph and the audit store on PostgreSQL (see
// test/global-setup.ts). The T-SQL capture is left to the first run, and the benchmark harness,
// which measures the embedded default, to the first run as well.
export default mergeConfig(
  base,
  defineConfig({
    test: {
      root: new URL('../..', import.meta.url).pathname,
      exclude: ['test/tsql/**', 'bench/**', 'node_modules/**'],
      env: { IVO_TSQL_CAPTURE_DIR: '', IVO_TEST_POSTGRES_URL: process.env.IVO_TEST_POSTGRES_URL ?? DEFAULT_TEST_POSTGRES_URL },
    },
  }),
);
