import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { getOperationAST, type ExecutionResult } from 'graphql';
import { errorCodesOf, type RequestRecorder } from '../src/log/request-recorder.ts';
import type { RouterContext } from './audit-plugin.ts';

interface PendingRequest {
  startedAt: number;
  operationName: string | null;
  errorCodes: string[];
  /** Set once a GraphQL result exists; GraphiQL's page and assets never get one and are not recorded. */
  processed: boolean;
}

/**
 * Records every GraphQL request the gateway answers, parse and validation failures included:
 * operation name, client name, duration, HTTP status and error codes. Requests the router rejects
 * before the gateway (an invalid token) are recorded by the router itself.
 */
export function useRequestSummary(record: RequestRecorder): GatewayPlugin<RouterContext> {
  const pending = new WeakMap<Request, PendingRequest>();

  return {
    onRequest({ request }) {
      pending.set(request, { startedAt: performance.now(), operationName: null, errorCodes: [], processed: false });
    },

    onParams({ params, request }) {
      const entry = pending.get(request);
      if (entry && typeof params.operationName === 'string') entry.operationName = params.operationName;
    },

    onExecute({ args }) {
      const request = (args.contextValue as { request?: Request }).request;
      const entry = request ? pending.get(request) : undefined;
      const name = getOperationAST(args.document, args.operationName)?.name?.value;
      if (entry && name) entry.operationName = name;
    },

    onResultProcess({ request, result }) {
      const entry = pending.get(request);
      if (!entry || Symbol.asyncIterator in (result as object)) return;
      const results = (Array.isArray(result) ? result : [result]) as ExecutionResult[];
      for (const single of results) entry.errorCodes.push(...errorCodesOf(single.errors));
      entry.processed = true;
    },

    onResponse({ request, response, serverContext }) {
      const entry = pending.get(request);
      pending.delete(request);
      if (!entry?.processed) return;
      const context = serverContext as Partial<RouterContext>;
      record({
        requestId: context.requestId ?? request.headers.get('x-request-id'),
        operationName: entry.operationName,
        clientName: context.clientName ?? null,
        durationMs: performance.now() - entry.startedAt,
        status: response.status,
        errorCodes: entry.errorCodes,
      });
    },
  };
}
