import type { Cache } from '@graphql-yoga/plugin-response-cache';
import type { Counter } from 'prom-client';

/** The counters a response cache's lookups are recorded in. */
export interface CacheMetrics {
  responseCacheHits: Counter<string>;
  responseCacheMisses: Counter<string>;
}

/**
 * Wraps a response cache so that a lookup that finds a response counts as a hit, and a response
 * stored because none was found counts as a miss. Misses are counted on storing, because the
 * response cache plugin looks a missing key up twice per request (once for the HTTP request, once
 * for the execution) but stores it once. A response that cannot be cached counts as neither.
 */
export function countCacheLookups(cache: Cache, metrics: CacheMetrics): Cache {
  return {
    get: async (key) => {
      const result = await cache.get(key);
      if (result !== undefined && result !== null) metrics.responseCacheHits.inc();
      return result;
    },
    set: (key, result, entities, ttl) => {
      metrics.responseCacheMisses.inc();
      return cache.set(key, result, entities, ttl);
    },
    invalidate: (entities) => cache.invalidate(entities),
  };
}
