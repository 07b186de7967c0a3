import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';
import type { ErrorCode } from '../src/errors/error-codes.ts';

const ROOT_TYPE_NAMES = { query: 'Query', mutation: 'Mutation', subscription: 'Subscription' } as const;

/**
 * Rejects an operation whose kind the graph does not serve, such as a subscription, during
 * validation with GRAPHQL_VALIDATION_FAILED. graphql-js 16 has no such validation rule, and the Rust query
 * planner fails on such an operation with an unexpected error instead.
 */
export function useKnownOperationTypes(): GatewayPlugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(KnownOperationTypes);
    },
  };
}

function KnownOperationTypes(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      if (context.getSchema().getRootType(node.operation)) return;
      context.reportError(
        new GraphQLError(`Grafen har ingen typ ${ROOT_TYPE_NAMES[node.operation]}, så den tar inte emot operationer av slaget ${node.operation}. Skicka en query eller mutation.`, {
          nodes: node,
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' satisfies ErrorCode, operation: node.operation },
        }),
      );
    },
  };
}
