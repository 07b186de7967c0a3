import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '../src/config/load-config.ts';
import { createLogger, type Logger } from '../src/log/create-logger.ts';
import { SUBGRAPH_NAMES, type SubgraphName } from '../src/subgraph-names.ts';
import { createGateway } from './create-gateway.ts';
import { serveGraphiqlAsset } from './graphiql-page.ts';

/** The committed supergraph the router serves. */
export const SUPERGRAPH_FILE = new URL('../schema/supergraph.graphql', import.meta.url).pathname;

/** A router running in this process. */
export interface RunningRouter {
  url: string;
  close(): Promise<void>;
}

/** Options of `startRouter`; tests pass port 0 and the addresses of subgraphs they started. */
export interface StartRouterOptions {
  port?: number;
  subgraphUrls?: Record<SubgraphName, string>;
  log?: Logger;
}

/** Starts the router: GraphQL and GraphiQL at `/graphql`, health at `/health/live` and `/health/ready`. */
export async function startRouter(config: Config, options: StartRouterOptions = {}): Promise<RunningRouter> {
  const log = options.log ?? createLogger('router', config.logLevel);
  const subgraphUrls =
    options.subgraphUrls ??
    (Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, `http://${config.host}:${config.subgraphPorts[name]}/graphql`])) as Record<SubgraphName, string>);
  const gateway = createGateway({ supergraphFile: SUPERGRAPH_FILE, subgraphUrls, logLevel: config.logLevel });

  const server = http.createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://router').pathname;
    if (serveGraphiqlAsset(pathname, response)) return;
    void gateway(request, response);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? config.routerPort, config.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}/graphql`;
  log.info({ url }, 'router listening');

  return {
    url,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await gateway.dispose();
      log.info('router stopped');
    },
  };
}
