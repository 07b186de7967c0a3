import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { getNamedType, GraphQLError, isIntrospectionType, type ASTVisitor, type ExecutionResult, type ValidationContext } from 'graphql';
import type { IntrospectionMode } from '../src/config/read-request-protection.ts';
import type { ErrorCode } from '../src/errors/error-codes.ts';
import { callerKindOf } from './caller-kind.ts';

const SUGGESTION = / ?Did you mean [^?]*\?/g;

/**
 * Turns introspection and the "did you mean" suggestions of graphql-js error messages on or off
 * per kind of caller: `all` allows both for everyone, `logged-in` only for logged-in callers,
 * `none` for no one. Suggestions follow introspection because they reveal the same schema.
 */
export function useIntrospectionControl(mode: IntrospectionMode): GatewayPlugin {
  const hidden = (context: unknown) => mode === 'none' || (mode === 'logged-in' && callerKindOf(context) === 'anonymous');

  return {
    onValidate({ context, addValidationRule }) {
      if (!hidden(context)) return;
      // The rule also gives these callers their own key in the validation cache, so a result
      // with suggestions cached for another caller is never served to them.
      addValidationRule(NoIntrospectionForCaller);
      return ({ result, setResult }) => setResult(result.map((error) => (error instanceof GraphQLError ? withoutSuggestions(error) : error)));
    },

    // Execution errors (a variable of an unknown enum value, say) are cleaned as the result is
    // sent, because the Rust query planner coerces variables on a path that skips onExecuteDone.
    // The server context carries the same access context as the GraphQL context.
    onResultProcess({ result, setResult, serverContext }) {
      if (!hidden(serverContext) || Symbol.asyncIterator in (result as object)) return;
      const results = (Array.isArray(result) ? result : [result]) as ExecutionResult[];
      const cleaned = results.map((single) => (single.errors ? { ...single, errors: single.errors.map(withoutSuggestions) } : single));
      setResult((Array.isArray(result) ? cleaned : cleaned[0]) as typeof result);
    },
  };
}

/** Reports each field that enters introspection (`__schema`, `__type`); `__typename` stays allowed. */
function NoIntrospectionForCaller(context: ValidationContext): ASTVisitor {
  return {
    Field(node) {
      const type = context.getType();
      const parent = context.getParentType();
      if (!type || !isIntrospectionType(getNamedType(type)) || (parent && isIntrospectionType(parent))) return;
      context.reportError(
        new GraphQLError(`Introspektion är avstängd för det här anropet (fältet ${node.name.value}). Logga in eller läs schemat i projektets dokumentation.`, {
          nodes: node,
          extensions: { code: 'INTROSPECTION_DISABLED' satisfies ErrorCode, field: node.name.value },
        }),
      );
      return false;
    },
  };
}

function withoutSuggestions(error: GraphQLError): GraphQLError {
  const message = error.message.replace(SUGGESTION, '');
  if (message === error.message) return error;
  return new GraphQLError(message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: error.extensions,
  });
}
