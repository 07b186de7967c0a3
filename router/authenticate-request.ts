import type http from 'node:http';
import { ANONYMOUS_ACCESS, type AccessContext } from '../src/access/access-context.ts';
import type { Logger } from '../src/log/create-logger.ts';
import { AccessContextUnavailableError, type AccessContextClient } from './access-context-client.ts';
import { CallerTokenError, type VerifiedCaller } from './caller-token.ts';

/** The outcome of authenticating one request: an access context, or the HTTP error to send. */
export type Authentication =
  | { ok: true; access: AccessContext; subject: string | null }
  | { ok: false; status: 401 | 503; code: 'UNAUTHENTICATED' | 'SOURCE_UNAVAILABLE'; message: string };

/**
 * Authenticates a request: no Authorization header means an anonymous caller; a bearer token must
 * verify, and its identity becomes an access context from the reporter register (no roles when
 * the person is not registered). Anything else is rejected before any GraphQL is executed.
 */
export async function authenticateRequest(
  request: http.IncomingMessage,
  verify: (token: string) => Promise<VerifiedCaller>,
  accessContexts: AccessContextClient,
  log: Logger,
): Promise<Authentication> {
  const header = request.headers.authorization;
  if (header === undefined) return { ok: true, access: ANONYMOUS_ACCESS, subject: null };

  const match = /^Bearer ([A-Za-z0-9_.~+/=-]+)$/.exec(header);
  if (!match?.[1] || match[1].length > 8192) {
    return { ok: false, status: 401, code: 'UNAUTHENTICATED', message: 'Authorization ska ha formen "Bearer <token>".' };
  }

  let caller: VerifiedCaller;
  try {
    caller = await verify(match[1]);
  } catch (error) {
    if (!(error instanceof CallerTokenError)) throw error;
    log.warn({ reason: error.reason }, 'caller token rejected');
    return error.unavailable
      ? { ok: false, status: 503, code: 'SOURCE_UNAVAILABLE', message: error.message }
      : { ok: false, status: 401, code: 'UNAUTHENTICATED', message: error.message };
  }

  try {
    const requestId = request.headers['x-request-id'];
    return { ok: true, access: await accessContexts.get(caller.subject, typeof requestId === 'string' ? requestId : undefined), subject: caller.subject };
  } catch (error) {
    if (!(error instanceof AccessContextUnavailableError)) throw error;
    log.error({ err: error }, 'access context lookup failed');
    return { ok: false, status: 503, code: 'SOURCE_UNAVAILABLE', message: 'Rapportörsregistret svarar inte, så behörigheten kan inte kontrolleras. Försök igen om en stund.' };
  }
}
