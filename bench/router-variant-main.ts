import { loadConfig } from '../src/config/load-config.ts';
import { createLogger } from '../src/log/create-logger.ts';
import { stopOnSignals } from '../src/cli/stop-on-signals.ts';
import { startRouter } from '../router/start-router.ts';
import { startApolloRouter } from './start-apollo-router.ts';
import { startInProcessRouter } from './start-in-process-router.ts';
import { ROUTER_KINDS, type RouterKind } from './variants.ts';

/**
 * Entry point of one benchmark router process: `router-variant-main.ts <kind> <counters port>`.
 * The configuration comes from the environment, as for `npm start`.
 */
async function main(kind: string, countersPort: number): Promise<void> {
  if (!(ROUTER_KINDS as readonly string[]).includes(kind)) throw new Error(`Unknown router variant "${kind}"; expected one of ${ROUTER_KINDS.join(', ')}.`);
  const config = loadConfig();
  const log = createLogger(`bench-${kind}`, config.logLevel);
  const running = await startVariant(kind as RouterKind);
  log.info({ url: running.url, kind }, 'benchmark router listening');
  stopOnSignals(() => running.close());

  async function startVariant(variant: RouterKind) {
    switch (variant) {
      case 'hive-gateway':
        // Without a handler Hive Gateway falls back to its default JavaScript planner.
        return startRouter(config, { log, gateway: { unifiedGraphHandler: undefined } });
      case 'hive-router-runtime':
        return startRouter(config, { log });
      case 'apollo-gateway':
        return startApolloRouter(config, log);
      case 'in-process':
        return startInProcessRouter(config, log, countersPort);
    }
  }
}

main(process.argv[2] ?? '', Number(process.argv[3] ?? 0)).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
