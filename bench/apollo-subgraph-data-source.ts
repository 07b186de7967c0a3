import type { KeyObject } from 'node:crypto';
import { RemoteGraphQLDataSource } from '@apollo/gateway';
import type { AccessContext } from '../src/access/access-context.ts';
import { signInternalToken } from '../src/access/internal-token.ts';
import { AUDIT_EXTENSION, type AuditCollector, type AuditedObject } from '../src/audit/audit-collector.ts';
import type { SubgraphName } from '../src/subgraph-names.ts';

/** The per-request context of the `@apollo/gateway` variant, filled by its HTTP layer. */
export interface ApolloRouterContext {
  access: AccessContext;
  requestId: string;
  clientName: string | null;
  audit: AuditCollector;
}

/**
 * Creates the data source of one subgraph for `@apollo/gateway`. It does what the shipped router
 * does per subgraph request: signs the caller's access context into an internal token for that
 * subgraph, and takes the audit extension off the response into the request's collector.
 */
export function createApolloSubgraphDataSource(name: SubgraphName, url: string, privateKey: KeyObject): RemoteGraphQLDataSource<ApolloRouterContext> {
  return new RemoteGraphQLDataSource<ApolloRouterContext>({
    url,
    async willSendRequest({ request, context }) {
      const token = await signInternalToken(privateKey, name, { access: context.access, purpose: null });
      request.http?.headers.set('authorization', `Bearer ${token}`);
      if (context.requestId) request.http?.headers.set('x-request-id', context.requestId);
    },
    didReceiveResponse({ response, context }) {
      const reported = response.extensions?.[AUDIT_EXTENSION] as AuditedObject[] | undefined;
      if (reported && context.audit) {
        for (const object of reported) for (const field of object.fields) context.audit.record(object.type, object.id, field);
        delete response.extensions![AUDIT_EXTENSION];
      }
      return response;
    },
  });
}
