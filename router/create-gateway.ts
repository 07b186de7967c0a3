import fs from 'node:fs';
import { createGatewayRuntime, type GatewayRuntime } from '@graphql-hive/gateway-runtime';
import httpTransport from '@graphql-mesh/transport-http';
import type { LogLevel } from '../src/config/load-config.ts';
import type { SubgraphName } from '../src/subgraph-names.ts';
import { renderGraphiqlPage } from './graphiql-page.ts';
import { EXAMPLE_QUERY } from './example-query.ts';

/** What the gateway needs: the composed supergraph and where each subgraph listens. */
export interface GatewayOptions {
  supergraphFile: string;
  subgraphUrls: Record<SubgraphName, string>;
  logLevel: LogLevel;
}

// Hive Gateway's logger knows four levels and false; pino's finer levels map onto them.
const GATEWAY_LOG_LEVELS: Record<LogLevel, 'debug' | 'info' | 'warn' | 'error' | false> = {
  trace: 'debug',
  debug: 'debug',
  info: 'info',
  warn: 'warn',
  error: 'error',
  fatal: 'error',
  silent: false,
};

/**
 * Creates the Hive Gateway runtime over the committed supergraph. Subgraph addresses come from
 * the configuration, not from the routing URLs in the supergraph file, so ports can change
 * without composing again.
 */
export function createGateway(options: GatewayOptions): GatewayRuntime {
  const supergraph = fs.readFileSync(options.supergraphFile, 'utf8');
  const transportEntries = Object.fromEntries(Object.entries(options.subgraphUrls).map(([name, url]) => [name, { location: url }]));

  return createGatewayRuntime({
    supergraph,
    transports: { http: httpTransport },
    transportEntries,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: { defaultQuery: EXAMPLE_QUERY },
    renderGraphiQL: () => renderGraphiqlPage({ endpoint: '/graphql', defaultQuery: EXAMPLE_QUERY }),
    healthCheckEndpoint: '/health/live',
    readinessCheckEndpoint: '/health/ready',
    logging: GATEWAY_LOG_LEVELS[options.logLevel],
  });
}
