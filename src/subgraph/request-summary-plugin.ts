import type { ApolloServerPlugin } from '@apollo/server';
import { errorCodesOf, type RequestRecorder } from '../log/request-recorder.ts';

/**
 * Records every GraphQL request a subgraph answers, with the request id the router sent:
 * operation name, duration, HTTP status and the error codes of the response as the caller sees
 * them (after formatError).
 */
export function requestSummaryPlugin<Context extends { requestId: string }>(record: RequestRecorder): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ request, contextValue }) {
      const startedAt = performance.now();
      return {
        async willSendResponse({ response, operationName }) {
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : response.body.initialResult.errors;
          record({
            requestId: contextValue.requestId,
            operationName: operationName ?? request.operationName ?? null,
            durationMs: performance.now() - startedAt,
            status: response.http.status ?? 200,
            errorCodes: errorCodesOf(errors),
          });
        },
      };
    },
  };
}
