import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { ExecutionResult } from 'graphql';
import { GraphQLError } from 'graphql';
import { sourceUnavailable, type UnavailableReason } from '../src/errors/source-unavailable.ts';
import type { Logger } from '../src/log/create-logger.ts';
import { isSubgraphName, type SubgraphName } from '../src/subgraph-names.ts';

/** Codes Hive Gateway and its HTTP executor give an upstream call that returned no GraphQL response. */
const TRANSPORT_FAILURE_CODES = new Set(['GATEWAY_TIMEOUT', 'RESPONSE_VALIDATION_FAILED', 'DOWNSTREAM_SERVICE_ERROR']);

/**
 * Turns every failed subgraph call into a `SOURCE_UNAVAILABLE` error that names the subgraph, so
 * the caller gets the data of the other subgraphs with null where this one's fields were. Without
 * it Hive Gateway 2.12 masks a refused connection as "Unexpected error." with
 * `INTERNAL_SERVER_ERROR`, and passes a timeout on as `GATEWAY_TIMEOUT` without the subgraph's name.
 * It must come after the timeout plugin, so that it also wraps the timeout's executor.
 */
export function useSourceUnavailable(options: { timeoutMs: number; log: Logger }): GatewayPlugin {
  return {
    onSubgraphExecute({ subgraphName, executor, setExecutor }) {
      if (!isSubgraphName(subgraphName)) return;
      const name = subgraphName;

      const withSourceErrors = async (request: Parameters<typeof executor>[0]) => {
        let result: Awaited<ReturnType<typeof executor>>;
        try {
          result = await executor(request);
        } catch (error) {
          return unavailableResult(name, error, options);
        }
        if (Symbol.asyncIterator in result) return result;
        return replaceTransportErrors(name, result as ExecutionResult, options);
      };
      setExecutor(withSourceErrors as typeof executor);
    },
  };
}

function unavailableResult(subgraph: SubgraphName, error: unknown, options: { timeoutMs: number; log: Logger }): ExecutionResult {
  const reason = reasonOf(error);
  options.log.warn({ subgraph, reason, err: error }, 'subgraph call failed');
  return { data: null, errors: [sourceUnavailable(subgraph, reason, reason === 'timeout' ? { timeoutMs: options.timeoutMs } : {})] };
}

/**
 * Replaces the errors that mean a failed call (no response, a timeout, a body that is not
 * GraphQL) and names the subgraph in its own `INTERNAL_SERVER_ERROR` and `SOURCE_UNAVAILABLE`
 * errors. Errors about the request itself, such as `FORBIDDEN`, pass unchanged.
 */
function replaceTransportErrors(subgraph: SubgraphName, result: ExecutionResult, options: { timeoutMs: number; log: Logger }): ExecutionResult {
  if (!result.errors?.length) return result;
  const failure = result.errors.find(isTransportFailure);
  if (failure) return unavailableResult(subgraph, failure, options);

  const errors = result.errors.map((error) => {
    const code = error.extensions?.code;
    if (code !== 'INTERNAL_SERVER_ERROR' && code !== 'SOURCE_UNAVAILABLE') return error;
    return new GraphQLError(error.message, { path: error.path, extensions: { ...error.extensions, subgraph } });
  });
  return { ...result, errors };
}

function isTransportFailure(error: GraphQLError): boolean {
  const code = error.extensions?.code;
  if (typeof code === 'string' && TRANSPORT_FAILURE_CODES.has(code)) return true;
  // The HTTP executor wraps a failed fetch in a GraphQLError around the network error. An error
  // that a subgraph sent in its body has no original error.
  return error.originalError !== undefined && error.originalError !== null && !isGraphQLError(error.originalError);
}

function reasonOf(error: unknown): UnavailableReason {
  const code = isGraphQLError(error) ? (error as GraphQLError).extensions?.code : undefined;
  const name = error instanceof Error ? error.name : undefined;
  return code === 'GATEWAY_TIMEOUT' || name === 'TimeoutError' ? 'timeout' : 'unreachable';
}

function isGraphQLError(value: unknown): boolean {
  return Object.prototype.toString.call(value) === '[object GraphQLError]';
}
