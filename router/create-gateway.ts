import fs from 'node:fs';
import { createGatewayRuntime, type GatewayRuntime } from '@graphql-hive/gateway-runtime';
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
import { renderGraphiqlPage } from './graphiql-page.ts';
import { EXAMPLE_QUERY } from './example-query.ts';
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
  protection: RouterProtection;
}

// Hive Gateway's logger has four levels and false, so pino's finer levels map onto them.
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
    renderGraphiQL: () => renderGraphiqlPage({ endpoint: '/graphql', defaultQuery: EXAMPLE_QUERY, devIdentityProviderUrl: options.devIdentityProviderUrl }),
    healthCheckEndpoint: '/health/live',
    readinessCheckEndpoint: '/health/ready',
    logging: GATEWAY_LOG_LEVELS[options.logLevel],
    propagateHeaders: {
      // Every subgraph request carries the caller's access context, signed for that subgraph alone.
      fromClientToSubgraphs: async ({ context, subgraphName }) => {
        const access = (context as Partial<RouterContext>).access ?? ANONYMOUS_ACCESS;
        return { authorization: `Bearer ${await signInternalToken(options.internalPrivateKey, subgraphName, { access, purpose: null })}` };
      },
    },
    ...options.protection.gatewayOptions,
    plugins: () => [...options.protection.plugins(), useAuditLog(options.auditStore, options.log), useAccessChangeInvalidation(options.accessContexts, options.log)],
  });
}
