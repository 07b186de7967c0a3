import type { Cache } from '@graphql-yoga/plugin-response-cache';

/**
 * Wraps a shared cache so that a response whose JSON exceeds `maxEntryBytes` UTF-8 bytes is not
 * stored. The response is serialized once here and again by the wrapped cache.
 */
export function skipOversizedResponses(cache: Cache, maxEntryBytes: number): Cache {
  return {
    get: (key) => cache.get(key),
    set: (key, result, entities, ttl) => {
      if (Buffer.byteLength(JSON.stringify(result), 'utf8') > maxEntryBytes) return;
      return cache.set(key, result, entities, ttl);
    },
    invalidate: (entities) => cache.invalidate(entities),
  };
}
