import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { isDatabaseUnavailable } from '../db/database-unavailable.ts';
import { sourceUnavailable } from '../errors/source-unavailable.ts';
import type { Logger } from '../log/create-logger.ts';
import type { SubgraphName } from '../subgraph-names.ts';

/**
 * Passes errors raised on purpose (a GraphQLError with a code) to the caller unchanged, reports a
 * database that is down as `SOURCE_UNAVAILABLE` naming the subgraph, and masks everything else:
 * the full error goes to the log, the caller gets a Swedish message with the request id to quote,
 * and no stack trace.
 */
export function formatSubgraphError(
  log: Logger,
  formatted: GraphQLFormattedError,
  error: unknown,
  requestId: string | undefined,
  subgraph: SubgraphName,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (isGraphQLError(original) && typeof formatted.extensions?.code === 'string' && formatted.extensions.code !== 'INTERNAL_SERVER_ERROR') {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions;
    return { ...formatted, extensions };
  }

  if (isDatabaseUnavailable(original)) {
    log.warn({ err: original, path: formatted.path, requestId }, 'database unavailable');
    const unavailable = sourceUnavailable(subgraph, 'database', { requestId });
    return { message: unavailable.message, locations: formatted.locations, path: formatted.path, extensions: unavailable.extensions };
  }

  log.error({ err: original, path: formatted.path, requestId }, 'resolver failed');
  return {
    message: `Ett oväntat fel inträffade. Ange begärans id ${requestId ?? 'okänt'} om du kontaktar IVO.`,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
  };
}

/**
 * Returns whether a value is a GraphQLError from any copy of graphql-js. A test runner or bundler
 * may load the ES module and the CommonJS build side by side, so `instanceof` is not enough.
 */
function isGraphQLError(value: unknown): boolean {
  return Object.prototype.toString.call(value) === '[object GraphQLError]';
}
