import type { GraphqlMetrics } from '../metrics/metrics-registry.ts';
import type { Logger } from './create-logger.ts';

/** Summary of one finished GraphQL request, as one server records it. */
export interface RequestSummary {
  requestId: string | null;
  operationName: string | null;
  /** Calling application, from `graphql-client-name` or `apollographql-client-name`; only the router records it. */
  clientName?: string | null;
  durationMs: number;
  /** HTTP status of the response. */
  status: number;
  /** `extensions.code` of every error in the response, in order, repeats included. */
  errorCodes: string[];
}

/** Records one finished request: in the log and in the request metrics. */
export type RequestRecorder = (summary: RequestSummary) => void;

/**
 * Creates the recorder that writes one log line per request (`request completed`, with the
 * request id, operation and client name, duration and outcome) and counts it in the metrics.
 */
export function createRequestRecorder(log: Logger, metrics: GraphqlMetrics): RequestRecorder {
  return (summary) => {
    const outcome = summary.errorCodes.length === 0 ? 'ok' : 'error';
    log.info(
      {
        requestId: summary.requestId,
        operationName: summary.operationName,
        ...(summary.clientName !== undefined ? { clientName: summary.clientName } : {}),
        durationMs: Math.round(summary.durationMs * 10) / 10,
        status: summary.status,
        outcome,
        errorCodes: [...new Set(summary.errorCodes)],
      },
      'request completed',
    );

    const operation = metrics.operationLabel(summary.operationName);
    metrics.requests.inc({ operation, outcome });
    metrics.requestDuration.observe({ operation }, summary.durationMs / 1000);
    for (const code of summary.errorCodes) metrics.errors.inc({ code });
  };
}

/** Returns the `extensions.code` of each error, `UNKNOWN` where an error has none. */
export function errorCodesOf(errors: readonly { extensions?: Record<string, unknown> | undefined }[] | undefined): string[] {
  return (errors ?? []).map((error) => (typeof error.extensions?.code === 'string' ? error.extensions.code : 'UNKNOWN'));
}
