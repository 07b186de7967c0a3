import type { Cache } from '@graphql-yoga/plugin-response-cache';

/** Size limits of the in-memory response cache, in UTF-8 bytes of each response's JSON. */
export interface ByteLimitedCacheOptions {
  /** Total size of all stored responses; the least recently used are evicted above it. */
  maxBytes: number;
  /** Largest single response that is stored; a larger one is not cached. */
  maxEntryBytes: number;
  /** Current time in milliseconds, replaceable in tests. */
  now?: () => number;
}

interface Entry {
  json: string;
  bytes: number;
  /** Milliseconds since the epoch; Infinity for an entry without a TTL. */
  expiresAt: number;
  entityIds: string[];
}

/**
 * Creates an in-memory response cache bounded by bytes. It stores each response as a JSON string,
 * because the yoga in-memory cache keeps the result object tree, which takes several times the
 * size of its JSON on the heap. Like that cache, it indexes each response under every type name
 * and `Type:id` it contains, and takes TTLs in milliseconds, Infinity meaning no expiry.
 * NOTE: the byte count is of UTF-8 JSON. V8 stores the same string in 1 or 2 bytes per character,
 * which for this graph's Latin-1 text is at most the UTF-8 size, plus a small overhead per entry.
 */
export function createByteLimitedCache(options: ByteLimitedCacheOptions): Cache {
  const now = options.now ?? Date.now;
  // A Map iterates in insertion order, so re-inserting an entry on each read keeps the least
  // recently used entry first.
  const entries = new Map<string, Entry>();
  const keysByEntity = new Map<string, Set<string>>();
  let totalBytes = 0;

  function remove(key: string): void {
    const entry = entries.get(key);
    if (!entry) return;

    entries.delete(key);
    totalBytes -= entry.bytes;
    for (const entityId of entry.entityIds) {
      const keys = keysByEntity.get(entityId);
      keys?.delete(key);
      if (keys?.size === 0) keysByEntity.delete(entityId);
    }
  }

  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expiresAt <= now()) {
        remove(key);
        return undefined;
      }

      entries.delete(key);
      entries.set(key, entry);
      return JSON.parse(entry.json);
    },

    set(key, result, entities, ttl) {
      remove(key);
      if (!(ttl > 0)) return;

      const json = JSON.stringify(result);
      const bytes = Buffer.byteLength(json, 'utf8');
      if (bytes > options.maxEntryBytes || bytes > options.maxBytes) return;

      const entityIds = new Set<string>();
      for (const { typename, id } of entities) {
        entityIds.add(typename);
        if (id !== undefined) entityIds.add(entityIdOf(typename, id));
      }
      const entry: Entry = { json, bytes, expiresAt: now() + ttl, entityIds: [...entityIds] };
      entries.set(key, entry);
      totalBytes += bytes;
      for (const entityId of entry.entityIds) {
        let keys = keysByEntity.get(entityId);
        if (!keys) {
          keys = new Set();
          keysByEntity.set(entityId, keys);
        }
        keys.add(key);
      }

      for (const oldestKey of entries.keys()) {
        if (totalBytes <= options.maxBytes) break;
        remove(oldestKey);
      }
    },

    invalidate(entities) {
      for (const { typename, id } of entities) {
        const keys = keysByEntity.get(id == null ? typename : entityIdOf(typename, id));
        for (const key of [...(keys ?? [])]) remove(key);
      }
    },
  };
}

function entityIdOf(typename: string, id: number | string): string {
  return `${typename}:${id}`;
}
