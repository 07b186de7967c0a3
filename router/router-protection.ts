import type { GatewayConfigBase, GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { createRedisCache } from '@envelop/response-cache-redis';
import type { Cache } from '@graphql-yoga/plugin-response-cache';
import type { Redis } from 'ioredis';
import { readSupergraphConfig } from '../src/composition/read-supergraph-config.ts';
import { SUPERGRAPH_CONFIG_FILE } from '../src/cli/compose.ts';
import { responseCacheMaxEntryBytes, type RequestProtection } from '../src/config/read-request-protection.ts';
import type { Logger } from '../src/log/create-logger.ts';
import { readCacheHints } from './cache-hints.ts';
import { useIntrospectionControl } from './introspection-plugin.ts';
import { persistedDocumentsOptions } from './persisted-documents-options.ts';
import { readPersistedDocuments } from './persisted-documents.ts';
import { useQueryLimits } from './query-limits-plugin.ts';
import { useRateLimit } from './rate-limit-plugin.ts';
import { createMemoryRateLimitStore, createRedisRateLimitStore } from './rate-limit-store.ts';
import { openRedis } from './redis-client.ts';
import { useRequestParamsCheck } from './request-params-plugin.ts';
import { useRequestSizeLimits } from './request-size-plugin.ts';
import { countCacheLookups, type CacheMetrics } from './count-cache-lookups.ts';
import { createByteLimitedCache } from './create-byte-limited-cache.ts';
import { tolerateCacheFailures, useAnonymousResponseCache } from './response-cache-plugin.ts';
import { skipOversizedResponses } from './skip-oversized-responses.ts';

/** The router's defences and caches, ready to hand to the gateway. */
export interface RouterProtection {
  gatewayOptions: Pick<GatewayConfigBase<Record<string, unknown>>, 'persistedDocuments' | 'batching'>;
  /** Plugins in the order they must run: rate limit, request size and shape, document limits, introspection, cache. */
  plugins(): GatewayPlugin[];
  close(): Promise<void>;
}

/** Builds the rate limit, request and document limits, introspection control, persisted documents and response cache. */
export async function createRouterProtection(settings: RequestProtection, log: Logger, metrics: CacheMetrics): Promise<RouterProtection> {
  const redis: Redis | null = settings.redisUrl ? await openRedis(settings.redisUrl, log) : null;
  const rateLimitStore = redis ? createRedisRateLimitStore(redis) : createMemoryRateLimitStore();
  // The Redis cache is built against @envelop/response-cache 8, whose Cache interface matches 9's.
  const maxEntryBytes = responseCacheMaxEntryBytes(settings.responseCacheMaxBytes);
  const store: Cache | null = !settings.responseCacheEnabled
    ? null
    : redis
      ? skipOversizedResponses(tolerateCacheFailures(createRedisCache({ redis }) as Cache, log), maxEntryBytes)
      : createByteLimitedCache({ maxBytes: settings.responseCacheMaxBytes, maxEntryBytes });
  const responseCache = store && countCacheLookups(store, metrics);
  const hints = readCacheHints(readSupergraphConfig(SUPERGRAPH_CONFIG_FILE).map((subgraph) => subgraph.sdl));
  const { limits } = settings;

  return {
    gatewayOptions: {
      persistedDocuments: persistedDocumentsOptions(readPersistedDocuments(), settings.persistedOnlyForAnonymous),
      // The router's own plugin applies each caller kind's batch limit before this upper bound.
      batching: Math.max(limits.anonymous.maxBatchSize, limits.loggedIn.maxBatchSize) > 0 ? { limit: Math.max(limits.anonymous.maxBatchSize, limits.loggedIn.maxBatchSize) } : false,
    },
    plugins: () => [
      useRateLimit({ ...settings.rateLimit, store: rateLimitStore, log }),
      useRequestSizeLimits(limits),
      useRequestParamsCheck(),
      useQueryLimits(limits),
      useIntrospectionControl(settings.introspection),
      ...(responseCache ? [useAnonymousResponseCache(hints, responseCache)] : []),
    ],
    close: async () => {
      if (redis) await redis.quit().catch(() => redis.disconnect());
    },
  };
}
