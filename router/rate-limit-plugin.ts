import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type http from 'node:http';
import type { Logger } from '../src/log/create-logger.ts';
import { callerKindOf } from './caller-kind.ts';
import type { RateLimitStore } from './rate-limit-store.ts';

/** Settings of `useRateLimit`. */
export interface RateLimitOptions {
  /** Requests per window and client address; 0 turns the limit off. */
  requests: number;
  windowSeconds: number;
  /** Proxies in front of the router whose X-Forwarded-For entries are trusted. */
  trustedProxies: number;
  store: RateLimitStore;
  log: Logger;
}

/**
 * Limits anonymous requests per client address in fixed windows. A request over the limit gets
 * HTTP 429, a Retry-After header with the seconds left of the window and the code RATE_LIMITED.
 * Logged-in callers are not limited here. If the store fails, the request is let through and
 * the failure logged, so an outage of Redis does not take the graph down.
 */
export function useRateLimit(options: RateLimitOptions): GatewayPlugin {
  const windowMs = options.windowSeconds * 1000;
  let storeFailures = 0;

  return {
    async onRequest({ request, url, serverContext, endResponse, fetchAPI }) {
      if (options.requests === 0 || callerKindOf(serverContext) !== 'anonymous') return;
      // Health checks come from load balancers many times a minute and must never be limited.
      if (!url.pathname.startsWith('/graphql')) return;

      const address = clientAddress(request, (serverContext as { req?: http.IncomingMessage }).req, options.trustedProxies);
      let hit;
      try {
        hit = await options.store.hit(address, windowMs);
      } catch (error) {
        storeFailures += 1;
        // One line per hundred failures is enough to see an outage without flooding the log.
        if (storeFailures % 100 === 1) options.log.error({ err: error, failures: storeFailures }, 'rate limit store failed; request let through');
        return;
      }
      if (hit.count <= options.requests) return;

      const retryAfter = Math.max(1, Math.ceil(hit.resetInMs / 1000));
      const requestId = (serverContext as { requestId?: string }).requestId;
      const body = {
        errors: [
          {
            message: `För många anrop från samma adress: högst ${options.requests} per ${options.windowSeconds} sekunder tillåts för anonyma anrop. Försök igen om ${retryAfter} sekunder eller logga in.`,
            extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter, ...(requestId ? { requestId } : {}) },
          },
        ],
      };
      endResponse(
        new fetchAPI.Response(JSON.stringify(body), {
          status: 429,
          headers: { 'content-type': 'application/json; charset=utf-8', 'retry-after': String(retryAfter), ...(requestId ? { 'x-request-id': requestId } : {}) },
        }),
      );
    },
  };
}

/**
 * Returns the caller's address: the socket's peer, or with trusted proxies the X-Forwarded-For
 * entry the outermost trusted proxy added. Entries a client wrote itself lie further left and
 * are never used.
 */
export function clientAddress(request: Request, socketRequest: http.IncomingMessage | undefined, trustedProxies: number): string {
  const peer = normalizeAddress(socketRequest?.socket.remoteAddress ?? 'unknown');
  if (trustedProxies === 0) return peer;

  const forwarded = (request.headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const entry = forwarded[forwarded.length - trustedProxies] ?? forwarded[0];
  return entry ? normalizeAddress(entry) : peer;
}

function normalizeAddress(address: string): string {
  return address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
}
