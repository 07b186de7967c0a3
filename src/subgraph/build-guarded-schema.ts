import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLSchema } from 'graphql';
import { applyMiddleware, type IMiddlewareFunction } from 'graphql-middleware';
import { shield } from 'graphql-shield';
import { forbidden } from '../access/forbidden.ts';
import { noRule } from '../access/shield-rules.ts';
import type { SubgraphContext, SubgraphModule } from './subgraph-module.ts';

/**
 * Builds a subgraph's executable schema with graphql-shield on every field and the audit
 * recorder on the restricted ones. Shield's fallback denies any field without a rule, and
 * `allowExternalErrors` lets a resolver's own failure through as itself, so a database error is
 * never reported as a permission denial. `shield: false` leaves the rules out; only the benchmark
 * passes it, behind a switch that the configuration rejects in production.
 */
export function buildGuardedSchema(module: SubgraphModule, options: { shield: boolean } = { shield: true }): GraphQLSchema {
  const schema = buildSubgraphSchema({ typeDefs: module.typeDefs, resolvers: module.resolvers as never });
  if (!options.shield) return applyMiddleware(schema, auditMiddleware(module));
  const permissions = shield(module.permissions, {
    fallbackRule: noRule,
    fallbackError: () => forbidden('noRule'),
    allowExternalErrors: true,
    debug: false,
  });
  return applyMiddleware(schema, permissions, auditMiddleware(module));
}

/** Records each restricted field that resolves to a value, with the id of its object. */
function auditMiddleware(module: SubgraphModule): Record<string, Record<string, IMiddlewareFunction>> {
  const middleware: Record<string, Record<string, IMiddlewareFunction>> = {};
  for (const [typeName, spec] of Object.entries(module.audit)) {
    middleware[typeName] = {};
    for (const field of spec.fields) {
      middleware[typeName][field] = async (resolve, parent, args, context: SubgraphContext<unknown, unknown>, info) => {
        const value = await resolve(parent, args, context, info);
        if (value !== null && value !== undefined) context.audit.record(typeName, spec.idOf(parent), field);
        return value;
      };
    }
  }
  return middleware;
}
