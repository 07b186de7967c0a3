import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { CallerKind, RequestLimits } from '../src/config/read-request-protection.ts';
import { codedError } from '../src/errors/coded-error.ts';
import { callerKindOf } from './caller-kind.ts';
import { limitExceededError } from './limit-exceeded-error.ts';

/**
 * Enforces the request body size and the number of operations in a batched request for each
 * kind of caller. The body is counted as it streams, so a body without Content-Length (chunked)
 * is cut off at the limit instead of being read whole.
 */
export function useRequestSizeLimits(limits: Record<CallerKind, RequestLimits>): GatewayPlugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, serverContext, fetchAPI }) {
      const kind = callerKindOf(serverContext);
      const { maxBodyBytes, maxBatchSize } = limits[kind];

      const declaredLength = request.headers.get('content-length');
      if (declaredLength !== null && /^\d+$/.test(declaredLength) && Number(declaredLength) > maxBodyBytes) {
        throw limitExceededError('maxBodyBytes', kind, maxBodyBytes, Number(declaredLength));
      }
      if (requestParser && request.body) {
        setRequestParser((original) => requestParser(limitBody(original, maxBodyBytes, kind, fetchAPI)));
      }

      return {
        onRequestParseDone({ requestParserResult }) {
          if (Array.isArray(requestParserResult) && maxBatchSize === 0) throw batchingOffError(kind);
          if (Array.isArray(requestParserResult) && requestParserResult.length > maxBatchSize) {
            throw limitExceededError('maxBatchSize', kind, maxBatchSize, requestParserResult.length);
          }
        },
      };
    },
  };
}

function batchingOffError(kind: CallerKind) {
  const callers = kind === 'anonymous' ? 'anonyma anrop' : 'inloggade anrop';
  return codedError('BAD_REQUEST', `Batchade anrop tas inte emot för ${callers}. Skicka en operation per anrop.`, { limit: 'maxBatchSize', maximum: 0, http: { status: 400 } });
}

function limitBody(request: Request, maximum: number, kind: CallerKind, fetchAPI: { Request: typeof Request }): Request {
  let bytesRead = 0;
  const counted = request.body!.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        bytesRead += chunk.byteLength;
        if (bytesRead > maximum) controller.error(limitExceededError('maxBodyBytes', kind, maximum, `fler än ${maximum}`));
        else controller.enqueue(chunk);
      },
    }),
  );
  return new fetchAPI.Request(request.url, { method: request.method, headers: request.headers, signal: request.signal, body: counted, duplex: 'half' } as RequestInit);
}
