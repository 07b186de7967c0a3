import http from 'node:http';
import { loadInternalPublicKey } from '../src/access/internal-keys.ts';
import { loadSubgraphModule } from '../src/cli/subgraph-modules.ts';
import type { Config } from '../src/config/load-config.ts';
import { openDatabase } from '../src/db/open-database.ts';
import type { Logger } from '../src/log/create-logger.ts';
import { listen } from '../src/net/listen.ts';
import { buildGuardedSchema } from '../src/subgraph/build-guarded-schema.ts';
import { createSubgraphServer } from '../src/subgraph/create-subgraph-server.ts';
import { SUBGRAPH_NAMES, type SubgraphName } from '../src/subgraph-names.ts';
import { startRouter } from '../router/start-router.ts';
import { createInProcessTransport, type InProcessSubgraph } from './in-process-transport.ts';
import type { RunningVariantRouter } from './start-apollo-router.ts';

/**
 * Starts the floor variant: the shipped router's front door and query planner, with the
 * four subgraphs executed in this process (graphql-shield and DataLoaders included) instead of
 * over HTTP. The users subgraph also listens on a free loopback port, only for the router's
 * access context lookups, which are cached. `countersPort` serves each subgraph's counters at
 * `/benchmark/counters/<subgraph>`.
 *
 * NOTE: router and subgraphs share one core in this process, so under concurrent load the floor
 * can be slower than separate processes. It bounds latency, not throughput.
 */
export async function startInProcessRouter(config: Config, log: Logger, countersPort: number): Promise<RunningVariantRouter> {
  const subgraphs = {} as Record<SubgraphName, InProcessSubgraph>;
  for (const name of SUBGRAPH_NAMES) {
    const module = await loadSubgraphModule(name);
    const database = openDatabase<unknown>(config.databaseUrls[name]);
    subgraphs[name] = { module, database, schema: buildGuardedSchema(module, { shield: !config.benchmark.disableShield }), counters: { requests: 0, busyMs: 0 } };
  }
  const usersServer = await createSubgraphServer(subgraphs.users.module, subgraphs.users.database, log, {
    host: config.host,
    port: 0,
    internalPublicKey: loadInternalPublicKey(config),
    metrics: { host: config.host, port: 0 },
  });

  const subgraphUrls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, name === 'users' ? usersServer.url : `http://in-process.invalid/${name}`])) as Record<SubgraphName, string>;
  const router = await startRouter(config, { log, subgraphUrls, gateway: { transports: { http: createInProcessTransport(subgraphs, log) } } });

  const countersServer = http.createServer((request, response) => {
    const name = (request.url ?? '').replace('/benchmark/counters/', '') as SubgraphName;
    const subgraph = subgraphs[name];
    response.writeHead(subgraph ? 200 : 404, { 'content-type': 'application/json' });
    response.end(JSON.stringify(subgraph ? { ...subgraph.counters, statements: subgraph.database.statements.total, sqlMs: subgraph.database.statements.totalDurationMs } : { error: 'not found' }));
  });
  await listen(countersServer, { host: config.host, port: countersPort, portVariable: '--port' });

  return {
    url: router.url,
    close: async () => {
      await new Promise<void>((resolve) => countersServer.close(() => resolve()));
      await router.close();
      await usersServer.close();
      for (const subgraph of Object.values(subgraphs)) await subgraph.database.close();
    },
  };
}
