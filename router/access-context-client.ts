import type { KeyObject } from 'node:crypto';
import type { AccessContext } from '../src/access/access-context.ts';
import { signInternalToken } from '../src/access/internal-token.ts';

const ACCESS_CONTEXT_QUERY = `query Atkomstkontext($identitet: String!) {
  atkomstkontext(identitet: $identitet) { anvandareId roller { roll namndId verksamhetsomraden } }
}`;

/** Bounds the cache so a flood of distinct identities cannot grow memory without limit. */
const MAX_CACHED_IDENTITIES = 10_000;

/** Raised when the reporter register cannot be asked; the request fails with SOURCE_UNAVAILABLE. */
export class AccessContextUnavailableError extends Error {
  override name = 'AccessContextUnavailableError';
}

/** Looks up and caches access contexts by login identity. */
export interface AccessContextClient {
  /** Returns the access context of an identity; `requestId` goes to the users subgraph with a lookup, so its log lines join the request's. */
  get(identity: string, requestId?: string): Promise<AccessContext>;
  /** Drops the cached context of an identity, so the next request looks it up in the register again. */
  invalidate(identity: string): void;
}

/**
 * Creates the client that turns a login identity into an access context by calling the users
 * subgraph's router-only `atkomstkontext` operation. Results are cached per identity for
 * `ttlSeconds` (at most 60), so a change in the register reaches the router within that time.
 */
export function createAccessContextClient(options: { usersUrl: string; privateKey: KeyObject; ttlSeconds: number; timeoutMs?: number }): AccessContextClient {
  const cache = new Map<string, { access: AccessContext; expiresAt: number }>();
  // Bumped by invalidate(), so a lookup already in flight does not store roles that changed meanwhile.
  const generations = new Map<string, number>();

  async function lookUp(identity: string, requestId: string | undefined): Promise<AccessContext> {
    const token = await signInternalToken(options.privateKey, 'users', { access: { anonymous: false, userId: null, roles: [] }, purpose: 'access-context' });
    let body: { data?: { atkomstkontext?: { anvandareId: string | null; roller: AccessContext['roles'] } }; errors?: unknown[] };
    try {
      const response = await fetch(options.usersUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(requestId ? { 'x-request-id': requestId } : {}) },
        body: JSON.stringify({ query: ACCESS_CONTEXT_QUERY, variables: { identitet: identity } }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
      });
      body = (await response.json()) as typeof body;
    } catch (error) {
      throw new AccessContextUnavailableError(`Access context lookup in the reporter register failed: ${(error as Error).message}`);
    }

    const result = body.data?.atkomstkontext;
    if (!result) throw new AccessContextUnavailableError(`Access context lookup failed: ${JSON.stringify(body.errors ?? body).slice(0, 300)}`);
    return { anonymous: false, userId: result.anvandareId, roles: result.roller };
  }

  return {
    async get(identity, requestId) {
      const now = Date.now();
      const cached = cache.get(identity);
      if (cached && cached.expiresAt > now) return cached.access;

      const generation = generations.get(identity) ?? 0;
      const access = await lookUp(identity, requestId);
      if (options.ttlSeconds > 0 && (generations.get(identity) ?? 0) === generation) {
        if (cache.size >= MAX_CACHED_IDENTITIES) cache.delete(cache.keys().next().value as string);
        cache.set(identity, { access, expiresAt: now + options.ttlSeconds * 1000 });
      }
      return access;
    },
    invalidate(identity) {
      cache.delete(identity);
      generations.set(identity, (generations.get(identity) ?? 0) + 1);
      if (generations.size > MAX_CACHED_IDENTITIES) generations.delete(generations.keys().next().value as string);
    },
  };
}
