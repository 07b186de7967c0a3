import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { getOperationAST, GraphQLError } from 'graphql';
import type { AccessContext } from '../src/access/access-context.ts';
import { AUDIT_EXTENSION, AuditCollector, type AuditedObject } from '../src/audit/audit-collector.ts';
import type { AuditStore } from '../src/audit/audit-store.ts';
import type { Logger } from '../src/log/create-logger.ts';

/** What the router's HTTP layer puts into the gateway context of each request. */
export interface RouterContext {
  access: AccessContext;
  requestId: string;
  clientName: string | null;
}

/**
 * Collects the restricted data every subgraph reports in its response extension and writes one
 * audit record per response that contains any. If the record cannot be written, the response is
 * replaced by an error without data, so restricted data never leaves unlogged.
 */
export function useAuditLog(store: AuditStore, log: Logger): GatewayPlugin<RouterContext> {
  const collected = new WeakMap<object, AuditCollector>();

  return {
    onSubgraphExecute({ executionRequest }) {
      const context = executionRequest.context as object | undefined;
      return ({ result }) => {
        if (!context || Symbol.asyncIterator in result) return;
        const reported = result.extensions?.[AUDIT_EXTENSION] as AuditedObject[] | undefined;
        if (!reported) return;
        // Left in place: the gateway hands one subgraph result to every identical request in
        // flight at the same moment, and each of them needs its own audit record.
        const collector = collected.get(context) ?? new AuditCollector();
        for (const object of reported) for (const field of object.fields) collector.record(object.type, object.id, field);
        collected.set(context, collector);
      };
    },

    onExecute({ args }) {
      return {
        async onExecuteDone({ result, setResult }) {
          const context = args.contextValue as RouterContext & object;
          const collector = collected.get(context);
          if (!collector || collector.isEmpty || Symbol.asyncIterator in result) return;

          try {
            await store.append({
              recordedAt: new Date().toISOString(),
              userId: context.access.userId,
              roles: context.access.roles,
              operationName: getOperationAST(args.document, args.operationName)?.name?.value ?? null,
              clientName: context.clientName,
              requestId: context.requestId,
              objects: collector.list(),
            });
          } catch (error) {
            log.error({ err: error, requestId: context.requestId }, 'audit record could not be written; restricted data withheld');
            setResult({
              data: null,
              errors: [
                new GraphQLError('Granskningsloggen kunde inte skrivas, så inga begränsade uppgifter lämnas ut. Försök igen om en stund.', {
                  extensions: { code: 'AUDIT_UNAVAILABLE', requestId: context.requestId },
                }),
              ],
            });
          }
        },
      };
    },
  };
}
