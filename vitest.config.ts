import { createRequire } from 'node:module';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/** Folder of the SQL statements the suite collects, compiled for SQL Server, for the T-SQL check after it. */
export const TSQL_CAPTURE_DIR = path.resolve(import.meta.dirname, '.data/tsql-capture');

export default defineConfig({
  resolve: {
    // Apollo Server and graphql-shield load graphql's CommonJS build; without this alias the
    // project's own modules would get the ES module build under vitest, and a GraphQLError from
    // one copy would not be an instance of the other's class.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['src/**/*.test.ts', 'subgraphs/**/*.test.ts', 'router/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts'],
    exclude: ['test/tsql/**', 'node_modules/**'],
    env: { IVO_TSQL_CAPTURE_DIR: TSQL_CAPTURE_DIR, IVO_TEST_POSTGRES_URL: '' },
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
