import { randomUUID } from 'node:crypto';
import type { Transport } from '@graphql-mesh/transport-common';
import { execute, type GraphQLSchema } from 'graphql';
import { ANONYMOUS_ACCESS, type AccessContext } from '../src/access/access-context.ts';
import { AUDIT_EXTENSION, AuditCollector } from '../src/audit/audit-collector.ts';
import type { Database } from '../src/db/open-database.ts';
import type { Logger } from '../src/log/create-logger.ts';
import type { SubgraphContext, SubgraphModule } from '../src/subgraph/subgraph-module.ts';
import { isSubgraphName, type SubgraphName } from '../src/subgraph-names.ts';

/** One subgraph executed in the router's process: its guarded schema, module and database. */
export interface InProcessSubgraph {
  module: SubgraphModule;
  schema: GraphQLSchema;
  database: Database<unknown>;
  /** Executions and the time spent in them, read by the benchmark's counters. */
  counters: { requests: number; busyMs: number };
}

/**
 * Creates a Hive Gateway transport that executes each subgraph request against the subgraph's
 * guarded schema in this process, with the same per-request context a subgraph server builds
 * (fresh DataLoaders, the caller's access context, the audit collector), and no HTTP between.
 */
export function createInProcessTransport(subgraphs: Record<SubgraphName, InProcessSubgraph>, log: Logger): Transport {
  return {
    getSubgraphExecutor({ subgraphName }) {
      if (!isSubgraphName(subgraphName)) throw new Error(`The supergraph names an unknown subgraph "${subgraphName}".`);
      const subgraph = subgraphs[subgraphName];
      return async (request) => {
        const started = performance.now();
        const gatewayContext = request.context as { access?: AccessContext; requestId?: string } | undefined;
        const access = gatewayContext?.access ?? ANONYMOUS_ACCESS;
        const requestId = gatewayContext?.requestId ?? randomUUID();
        const context: SubgraphContext<unknown, unknown> = {
          requestId,
          access,
          purpose: null,
          audit: new AuditCollector(),
          accessChanges: new Set<string>(),
          database: subgraph.database,
          loaders: subgraph.module.createLoaders(subgraph.database, access),
          log: log.child({ requestId, subgraph: subgraphName }),
        };
        try {
          const result = await execute({
            schema: subgraph.schema,
            document: request.document,
            variableValues: request.variables,
            operationName: request.operationName,
            contextValue: context,
          });
          if (!context.audit.isEmpty) result.extensions = { ...result.extensions, [AUDIT_EXTENSION]: context.audit.list() };
          return result;
        } finally {
          subgraph.counters.requests += 1;
          subgraph.counters.busyMs += performance.now() - started;
        }
      };
    },
  };
}
