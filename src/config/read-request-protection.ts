import { ConfigError, readInteger } from './load-config.ts';

/** Introspection modes: the callers who may run introspection and get "did you mean" suggestions. */
export const INTROSPECTION_MODES = ['all', 'logged-in', 'none'] as const;
export type IntrospectionMode = (typeof INTROSPECTION_MODES)[number];

/** The kinds of caller the router sets limits for. */
export type CallerKind = 'anonymous' | 'loggedIn';

/** Limits on one request for one kind of caller; a request over any of them is rejected. */
export interface RequestLimits {
  /** Deepest nesting of fields, root fields at depth 1. */
  maxDepth: number;
  maxAliases: number;
  /** GraphQL tokens in the document (names, punctuation, values). */
  maxTokens: number;
  maxDirectives: number;
  /** Estimated number of fields resolved, with list sizes taken from `first`. */
  maxCost: number;
  maxBodyBytes: number;
  /** Operations in one batched request (a JSON array); 0 rejects batched requests. */
  maxBatchSize: number;
}

/** Settings that protect the router from heavy or hostile requests, and its shared caches. */
export interface RequestProtection {
  limits: Record<CallerKind, RequestLimits>;
  introspection: IntrospectionMode;
  /** True when anonymous callers may only send persisted documents, by hash. */
  persistedOnlyForAnonymous: boolean;
  rateLimit: {
    /** Requests per window and client address for anonymous callers; 0 turns the limit off. */
    requests: number;
    windowSeconds: number;
    /** Proxies in front of the router whose X-Forwarded-For entries are trusted. */
    trustedProxies: number;
  };
  responseCacheEnabled: boolean;
  /** Total size of the in-memory response cache in bytes of JSON; also sets the size cap of one response. */
  responseCacheMaxBytes: number;
  /** Redis for the response cache and the rate limit counters; null keeps both in memory. */
  redisUrl: string | null;
}

/**
 * Default limits: tight for anonymous open-data traffic, roomier for logged-in callers. Batched
 * requests are off for both, because one batch carries many operations past per-request checks
 * such as the rate limit. An operator who needs batches sets the batch limits.
 */
export const DEFAULT_LIMITS: Record<CallerKind, RequestLimits> = {
  anonymous: { maxDepth: 10, maxAliases: 15, maxTokens: 2000, maxDirectives: 10, maxCost: 5000, maxBodyBytes: 16384, maxBatchSize: 0 },
  loggedIn: { maxDepth: 15, maxAliases: 50, maxTokens: 10000, maxDirectives: 50, maxCost: 50000, maxBodyBytes: 262144, maxBatchSize: 0 },
};

/** Default total size of the in-memory response cache: 64 MiB. */
export const DEFAULT_RESPONSE_CACHE_MAX_BYTES = 64 * 1024 * 1024;

/** Returns the size cap of one cached response: 1 MiB, or a sixteenth of a smaller cache. */
export function responseCacheMaxEntryBytes(maxBytes: number): number {
  return Math.min(1024 * 1024, Math.floor(maxBytes / 16));
}

const LIMIT_VARIABLES: Record<keyof RequestLimits, string> = {
  maxDepth: 'MAX_DEPTH',
  maxAliases: 'MAX_ALIASES',
  maxTokens: 'MAX_TOKENS',
  maxDirectives: 'MAX_DIRECTIVES',
  maxCost: 'MAX_COST',
  maxBodyBytes: 'MAX_BODY_BYTES',
  maxBatchSize: 'MAX_BATCH',
};

const KIND_SUFFIXES: Record<CallerKind, string> = { anonymous: 'ANONYMOUS', loggedIn: 'LOGGED_IN' };

/** Returns the environment variable of one limit, `maxDepth` for anonymous → `IVO_MAX_DEPTH_ANONYMOUS`. */
export function limitVariable(limit: keyof RequestLimits, kind: CallerKind): string {
  return `IVO_${LIMIT_VARIABLES[limit]}_${KIND_SUFFIXES[kind]}`;
}

/** Reads the router's limits, introspection, persisted-document, rate-limit, cache and Redis settings. */
export function readRequestProtection(env: NodeJS.ProcessEnv, production: boolean): RequestProtection {
  const limits = {} as Record<CallerKind, RequestLimits>;
  for (const kind of ['anonymous', 'loggedIn'] as const) {
    limits[kind] = {} as RequestLimits;
    for (const limit of Object.keys(LIMIT_VARIABLES) as (keyof RequestLimits)[]) {
      limits[kind][limit] = readInteger(env, limitVariable(limit, kind), DEFAULT_LIMITS[kind][limit], limit === 'maxBatchSize' ? 0 : 1, 100_000_000);
    }
  }

  return {
    limits,
    introspection: readIntrospectionMode(env, production ? 'logged-in' : 'all'),
    persistedOnlyForAnonymous: readBoolean(env, 'IVO_PERSISTED_ONLY_ANONYMOUS', false),
    rateLimit: {
      requests: readInteger(env, 'IVO_RATE_LIMIT_REQUESTS', 300, 0, 1_000_000),
      windowSeconds: readInteger(env, 'IVO_RATE_LIMIT_WINDOW_SECONDS', 60, 1, 86_400),
      trustedProxies: readInteger(env, 'IVO_TRUSTED_PROXIES', 0, 0, 10),
    },
    responseCacheEnabled: readBoolean(env, 'IVO_RESPONSE_CACHE', true),
    responseCacheMaxBytes: readInteger(env, 'IVO_RESPONSE_CACHE_MAX_BYTES', DEFAULT_RESPONSE_CACHE_MAX_BYTES, 65_536, 17_179_869_184),
    redisUrl: readRedisUrl(env, 'IVO_REDIS_URL'),
  };
}

function readIntrospectionMode(env: NodeJS.ProcessEnv, fallback: IntrospectionMode): IntrospectionMode {
  const value = env.IVO_INTROSPECTION;
  if (value === undefined || value === '') return fallback;
  if (!(INTROSPECTION_MODES as readonly string[]).includes(value)) {
    throw new ConfigError('IVO_INTROSPECTION', `IVO_INTROSPECTION ska vara en av ${INTROSPECTION_MODES.join(', ')} (fick "${value}").`);
  }
  return value as IntrospectionMode;
}

function readBoolean(env: NodeJS.ProcessEnv, variable: string, fallback: boolean): boolean {
  const value = env[variable];
  if (value === undefined || value === '') return fallback;
  if (value !== 'true' && value !== 'false') {
    throw new ConfigError(variable, `${variable} ska vara true eller false (fick "${value}").`);
  }
  return value === 'true';
}

function readRedisUrl(env: NodeJS.ProcessEnv, variable: string): string | null {
  const value = env[variable];
  if (value === undefined || value === '') return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    url = new URL('invalid:');
  }
  // The message leaves the value out, since a Redis URL may carry a password.
  if ((url.protocol !== 'redis:' && url.protocol !== 'rediss:') || url.hostname === '') {
    throw new ConfigError(variable, `${variable} ska vara en adress som redis://värd:6379/0 eller rediss://värd:6380/0.`);
  }
  return value;
}
