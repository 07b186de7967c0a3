import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError, Kind, type ASTVisitor, type ValidationContext } from 'graphql';
import type { ErrorCode } from '../src/errors/error-codes.ts';

const INTROSPECTION_ROOT_FIELDS = new Set(['__schema', '__type']);

/**
 * Rejects an operation that selects `__schema` or `__type` next to data fields at its root,
 * with GRAPHQL_VALIDATION_FAILED. The Rust query planner of @graphql-hive/router-runtime 1.4
 * fails to plan such a mix and the caller got an unexpected error (HTTP 500); asked on its own,
 * as GraphiQL and other tools do, introspection works.
 */
export function useIntrospectionAlone(): GatewayPlugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(IntrospectionAlone);
    },
  };
}

function IntrospectionAlone(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      const rootFields = node.selectionSet.selections.filter((selection) => selection.kind === Kind.FIELD);
      const introspection = rootFields.filter((field) => INTROSPECTION_ROOT_FIELDS.has(field.name.value));
      const data = rootFields.filter((field) => !field.name.value.startsWith('__'));
      const spreads = node.selectionSet.selections.some((selection) => selection.kind !== Kind.FIELD);
      if (introspection.length === 0 || (data.length === 0 && !spreads)) return;

      context.reportError(
        new GraphQLError('Introspektion (__schema, __type) kan inte blandas med andra fält i samma operation. Skicka den som en egen fråga.', {
          nodes: introspection,
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' satisfies ErrorCode },
        }),
      );
    },
  };
}
