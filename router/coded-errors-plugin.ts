import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError, type ExecutionResult } from 'graphql';
import type { ErrorCode } from '../src/errors/error-codes.ts';
import type { RouterContext } from './audit-plugin.ts';

const VARIABLE_ERROR = /^Variable "\$[_A-Za-z][_0-9A-Za-z]*" /;

/**
 * Gives every error the router sends a code and a Swedish message where the gateway leaves
 * either out. An unexpected error (INTERNAL_SERVER_ERROR, logged in full by the gateway) gets the
 * project's masked message with the request id, as the subgraphs give it. A variable value that
 * does not fit its type gets BAD_USER_INPUT, which graphql-js and Hive Gateway leave uncoded.
 */
export function useCodedErrors(): GatewayPlugin {
  return {
    onResultProcess({ result, setResult, serverContext }) {
      if (Symbol.asyncIterator in (result as object)) return;
      const requestId = (serverContext as Partial<RouterContext>).requestId ?? null;
      const results = (Array.isArray(result) ? result : [result]) as ExecutionResult[];
      if (!results.some((single) => single.errors?.some((error) => needsCode(error)))) return;

      const coded = results.map((single) => (single.errors ? { ...single, errors: single.errors.map((error) => (needsCode(error) ? withCode(error, requestId) : error)) } : single));
      setResult((Array.isArray(result) ? coded : coded[0]) as typeof result);
    },
  };
}

function needsCode(error: { message: string; extensions?: Record<string, unknown> }): boolean {
  const code = error.extensions?.code;
  return code === undefined || (code === 'INTERNAL_SERVER_ERROR' && error.extensions?.requestId === undefined);
}

function withCode(error: GraphQLError, requestId: string | null): GraphQLError {
  const options = { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path };
  if (error.extensions?.code === undefined && VARIABLE_ERROR.test(error.message)) {
    return new GraphQLError(error.message, { ...options, extensions: { ...error.extensions, code: 'BAD_USER_INPUT' satisfies ErrorCode } });
  }
  if (error.extensions?.code === undefined && error.path === undefined) {
    return new GraphQLError(error.message, { ...options, extensions: { ...error.extensions, code: 'BAD_REQUEST' satisfies ErrorCode } });
  }
  const masked = requestId ? `Ett oväntat fel inträffade. Ange begärans id ${requestId} om du kontaktar IVO.` : 'Ett oväntat fel inträffade.';
  return new GraphQLError(masked, { ...options, extensions: { code: 'INTERNAL_SERVER_ERROR' satisfies ErrorCode, ...(requestId ? { requestId } : {}) } });
}
