import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';
import { TSQL_CAPTURE_DIR } from '../../vitest.config.ts';

const require = createRequire(import.meta.url);

// Runs after the main suite (see `npm test`) and checks the statements it captured.
export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/tsql/**/*.test.ts'],
    env: { IVO_TSQL_CAPTURE_DIR: TSQL_CAPTURE_DIR },
    testTimeout: 300_000,
  },
});
