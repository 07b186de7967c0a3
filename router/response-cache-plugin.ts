import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { hashSHA256, useResponseCache, type Cache } from '@graphql-yoga/plugin-response-cache';
import type { Logger } from '../src/log/create-logger.ts';
import type { CacheHints } from './cache-hints.ts';
import { callerKindOf } from './caller-kind.ts';

/**
 * Caches anonymous responses, shared by every anonymous caller, for the shortest lifetime among
 * the hinted types and fields a response contains. A response with no hinted type, or with an
 * error, is not cached. Logged-in callers neither read nor fill the cache, so their responses
 * are never shared and each of their requests is authenticated and audited. The cache key
 * includes the persisted document hash, because a request by hash carries no document text
 * when the key is built.
 */
export function useAnonymousResponseCache(hints: CacheHints, cache: Cache): GatewayPlugin {
  // Contexts whose variables could not be serialized into a key, which the cache then skips.
  const unkeyable = new WeakSet<object>();

  return useResponseCache({
    session: () => null,
    enabled: (_request, context) => callerKindOf(context) === 'anonymous' && !unkeyable.has(context),
    ttl: 0,
    // The plugin reads type names and `Type.field` coordinates from the same map.
    ttlPerSchemaCoordinate: { ...hints.ttlPerType, ...hints.ttlPerSchemaCoordinate },
    cache,
    includeExtensionMetadata: false,
    // The plugin builds a key for every request before it calls `enabled`, so the key is left
    // empty for callers the cache does not serve.
    buildResponseCacheKey: ({ documentString, variableValues, operationName, context }) => {
      if (callerKindOf(context) !== 'anonymous') return '';

      const persistedQuery = (context as { params?: { extensions?: { persistedQuery?: { sha256Hash?: unknown } } } }).params?.extensions?.persistedQuery;
      let serialized: string;
      try {
        serialized = JSON.stringify([documentString, persistedQuery?.sha256Hash ?? null, operationName ?? null, variableValues ?? {}]);
      } catch {
        // The request parameter check rejects the values that make JSON.stringify throw (deep
        // nesting), so this branch is a last resort and the request runs without the cache.
        unkeyable.add(context as object);
        return '';
      }
      return hashSHA256(serialized);
    },
  }) as GatewayPlugin;
}

/**
 * Wraps a shared cache so that a failing store (Redis down) reads as a miss and skips the write,
 * logging one line per hundred failures, instead of failing the request.
 */
export function tolerateCacheFailures(cache: Cache, log: Logger): Cache {
  let failures = 0;
  const report = (error: unknown, operation: string) => {
    failures += 1;
    if (failures % 100 === 1) log.error({ err: error, failures, operation }, 'response cache store failed; request served without it');
  };
  return {
    get: async (key) => {
      try {
        return await cache.get(key);
      } catch (error) {
        report(error, 'get');
        return undefined;
      }
    },
    set: async (key, result, entities, ttl) => {
      try {
        await cache.set(key, result, entities, ttl);
      } catch (error) {
        report(error, 'set');
      }
    },
    invalidate: async (entities) => {
      try {
        await cache.invalidate(entities);
      } catch (error) {
        report(error, 'invalidate');
      }
    },
  };
}
