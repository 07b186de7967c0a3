import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';

/**
 * Puts `data: null` into an executed operation's result that has errors but no `data`, as the
 * GraphQL specification requires when an error stops execution (a non-null root field that failed,
 * for example). The Rust query planner of @graphql-hive/router-runtime 1.4 leaves `data` out
 * there, while a request rejected before execution (invalid document) keeps no `data` at all.
 */
export function useNullDataOnExecutionError(): GatewayPlugin {
  return {
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result) return;
          if (result.errors?.length && !('data' in result)) setResult({ ...result, data: null });
        },
      };
    },
  };
}
