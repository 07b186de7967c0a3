import fs from 'node:fs';
import { createGatewayRuntime, type GatewayConfigSupergraph, type GatewayRuntime } from '@graphql-hive/gateway-runtime';
import { Logger as HiveLogger } from '@graphql-hive/logger';
import { PinoLogWriter } from '@graphql-hive/logger/writers/pino';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import httpTransport from '@graphql-mesh/transport-http';
import type { KeyObject } from 'node:crypto';
import { ANONYMOUS_ACCESS } from '../src/access/access-context.ts';
import { signInternalToken } from '../src/access/internal-token.ts';
import type { AuditStore } from '../src/audit/audit-store.ts';
import type { Logger } from '../src/log/create-logger.ts';
import type { AccessContextClient } from './access-context-client.ts';
import { useAccessChangeInvalidation } from './access-change-plugin.ts';
import { useAuditLog, type RouterContext } from './audit-plugin.ts';
import type { LogLevel } from '../src/config/load-config.ts';
import type { SubgraphName } from '../src/subgraph-names.ts';
import { useCodedErrors } from './coded-errors-plugin.ts';
import { useIntrospectionAlone } from './introspection-alone-plugin.ts';
import { useKnownOperationTypes } from './known-operation-types-plugin.ts';
import { useNullDataOnExecutionError } from './null-data-plugin.ts';
import { renderGraphiqlPage } from './graphiql-page.ts';
import { EXAMPLE_QUERY } from './example-query.ts';
import type { RouterMetrics } from '../src/metrics/metrics-registry.ts';
import type { RequestRecorder } from '../src/log/request-recorder.ts';
import { useSourceUnavailable } from './source-unavailable-plugin.ts';
import { useSubgraphMetrics } from './subgraph-metrics-plugin.ts';
import { useRequestSummary } from './request-summary-plugin.ts';
import type { RouterProtection } from './router-protection.ts';

/** Gateway settings: the composed supergraph, each subgraph's address, the signing key and the audit store. */
export interface GatewayOptions {
  supergraphFile: string;
  subgraphUrls: Record<SubgraphName, string>;
  logLevel: LogLevel;
  internalPrivateKey: KeyObject;
  auditStore: AuditStore;
  log: Logger;
  devIdentityProviderUrl: string | null;
  accessContexts: AccessContextClient;
  /** Time one subgraph call may take, in milliseconds, before its fields get SOURCE_UNAVAILABLE. */
  subgraphTimeoutMs: number;
  metrics: RouterMetrics;
  recordRequest: RequestRecorder;
  /** The benchmark's router variants: another query planner, or subgraphs executed in this process. */
  overrides?: GatewayOverrides;
  protection: RouterProtection;
  /** Browser origins allowed to call the router from another site. */
  corsOrigins: string[];
}

/** Gateway settings a benchmark variant may replace; the shipped router replaces none. */
export type GatewayOverrides = Pick<GatewayConfigSupergraph, 'unifiedGraphHandler' | 'transports'>;

// Hive Gateway's logger has four levels and false, so pino's finer levels map onto them.
// The gateway's debug level writes whole subgraph requests and responses, restricted data
// included, so the project's debug and trace levels stop at the gateway's info level.
const GATEWAY_LOG_LEVELS: Record<LogLevel, 'info' | 'warn' | 'error' | false> = {
  trace: 'info',
  debug: 'info',
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
    renderGraphiQL: () => renderGraphiqlPage({ endpoint: '/graphql', defaultQuery: EXAMPLE_QUERY, devIdentityProviderUrl: options.devIdentityProviderUrl }),
    healthCheckEndpoint: '/health/live',
    readinessCheckEndpoint: '/health/ready',
    // The gateway's own log lines go through the router's pino logger, so they are JSON and scrubbed too.
    // No cross-origin access unless origins are configured: the gateway's default would allow
    // any page in a browser to call the graph with the browser's credentials.
    cors: options.corsOrigins.length > 0 ? { origin: options.corsOrigins, methods: ['GET', 'POST'], credentials: false } : false,
    logging: new HiveLogger({ level: GATEWAY_LOG_LEVELS[options.logLevel], writers: [new PinoLogWriter(options.log)] }),
    upstreamTimeout: options.subgraphTimeoutMs,
    propagateHeaders: {
      // Every subgraph request carries the caller's access context, signed for that subgraph alone.
      fromClientToSubgraphs: async ({ context, subgraphName }) => {
        const access = (context as Partial<RouterContext>).access ?? ANONYMOUS_ACCESS;
        return { authorization: `Bearer ${await signInternalToken(options.internalPrivateKey, subgraphName, { access, purpose: null })}` };
      },
    },
    ...options.protection.gatewayOptions,
    plugins: () => [
      // Limits, rate limit and cache first, so a rejected or cached request costs nothing more.
      ...options.protection.plugins(),
      useKnownOperationTypes(),
      useIntrospectionAlone(),
      useCodedErrors(),
      useNullDataOnExecutionError(),
      useAuditLog(options.auditStore, options.log),
      useAccessChangeInvalidation(options.accessContexts, options.log),
      // After the built-in timeout plugin, which `upstreamTimeout` adds, so it also catches timeouts.
      useSourceUnavailable({ timeoutMs: options.subgraphTimeoutMs, log: options.log }),
      useSubgraphMetrics(options.metrics),
      useRequestSummary(options.recordRequest),
    ],
    // The query planner of Hive Router, compiled to native code inside the npm package: in this
    // project's benchmark it served about three times the requests of the default JavaScript planner.
    unifiedGraphHandler,
    ...options.overrides,
  });
}
