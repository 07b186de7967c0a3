import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './load-config.ts';
import { DEFAULT_LIMITS, limitVariable } from './read-request-protection.ts';

const PRODUCTION_KEY = { NODE_ENV: 'production', IVO_TOKEN_ISSUER: 'https://idp.ivo.se', IVO_TOKEN_JWKS_URL: 'https://idp.ivo.se/jwks' };

describe('readRequestProtection', () => {
  it('uses the documented defaults outside production', () => {
    expect(loadConfig({}).requestProtection).toEqual({
      limits: DEFAULT_LIMITS,
      introspection: 'all',
      persistedOnlyForAnonymous: false,
      rateLimit: { requests: 300, windowSeconds: 60, trustedProxies: 0 },
      responseCacheEnabled: true,
      responseCacheMaxBytes: 67_108_864,
      redisUrl: null,
    });
    expect(DEFAULT_LIMITS.anonymous).toEqual({ maxDepth: 10, maxAliases: 15, maxTokens: 2000, maxDirectives: 10, maxCost: 5000, maxBodyBytes: 16384, maxBatchSize: 0 });
    expect(DEFAULT_LIMITS.loggedIn).toEqual({ maxDepth: 15, maxAliases: 50, maxTokens: 10000, maxDirectives: 50, maxCost: 50000, maxBodyBytes: 262144, maxBatchSize: 0 });
  });

  it('turns introspection off for anonymous callers in production', () => {
    expect(loadConfig(PRODUCTION_KEY).requestProtection.introspection).toBe('logged-in');
    expect(loadConfig({ ...PRODUCTION_KEY, IVO_INTROSPECTION: 'all' }).requestProtection.introspection).toBe('all');
  });

  it('reads every variable it documents', () => {
    const settings = loadConfig({
      IVO_MAX_DEPTH_ANONYMOUS: '7',
      IVO_MAX_COST_LOGGED_IN: '1000',
      IVO_MAX_BATCH_ANONYMOUS: '1',
      IVO_INTROSPECTION: 'none',
      IVO_PERSISTED_ONLY_ANONYMOUS: 'true',
      IVO_RATE_LIMIT_REQUESTS: '0',
      IVO_RATE_LIMIT_WINDOW_SECONDS: '10',
      IVO_TRUSTED_PROXIES: '2',
      IVO_RESPONSE_CACHE: 'false',
      IVO_RESPONSE_CACHE_MAX_BYTES: '2097152',
      IVO_REDIS_URL: 'redis://:hemligt@127.0.0.1:6379/2',
    }).requestProtection;

    expect(settings.limits.anonymous.maxDepth).toBe(7);
    expect(settings.limits.loggedIn.maxCost).toBe(1000);
    expect(settings.limits.anonymous.maxBatchSize).toBe(1);
    expect(settings.introspection).toBe('none');
    expect(settings.persistedOnlyForAnonymous).toBe(true);
    expect(settings.rateLimit).toEqual({ requests: 0, windowSeconds: 10, trustedProxies: 2 });
    expect(settings.responseCacheEnabled).toBe(false);
    expect(settings.responseCacheMaxBytes).toBe(2_097_152);
    expect(settings.redisUrl).toBe('redis://:hemligt@127.0.0.1:6379/2');
  });

  it('names a limit variable after the limit and the caller kind', () => {
    expect(limitVariable('maxBodyBytes', 'loggedIn')).toBe('IVO_MAX_BODY_BYTES_LOGGED_IN');
    expect(limitVariable('maxTokens', 'anonymous')).toBe('IVO_MAX_TOKENS_ANONYMOUS');
  });

  it.each([
    ['IVO_MAX_BATCH_LOGGED_IN', '-1', 'IVO_MAX_BATCH_LOGGED_IN ska vara ett heltal från 0 till 100000000 (fick "-1").'],
    ['IVO_MAX_DEPTH_ANONYMOUS', '0', 'IVO_MAX_DEPTH_ANONYMOUS ska vara ett heltal från 1 till 100000000 (fick "0").'],
    ['IVO_MAX_ALIASES_LOGGED_IN', 'många', 'IVO_MAX_ALIASES_LOGGED_IN ska vara ett heltal från 1 till 100000000 (fick "många").'],
    ['IVO_RESPONSE_CACHE_MAX_BYTES', '1000', 'IVO_RESPONSE_CACHE_MAX_BYTES ska vara ett heltal från 65536 till 17179869184 (fick "1000").'],
    ['IVO_RESPONSE_CACHE_MAX_BYTES', '64MB', 'IVO_RESPONSE_CACHE_MAX_BYTES ska vara ett heltal från 65536 till 17179869184 (fick "64MB").'],
    ['IVO_INTROSPECTION', 'anonymous', 'IVO_INTROSPECTION ska vara en av all, logged-in, none (fick "anonymous").'],
    ['IVO_PERSISTED_ONLY_ANONYMOUS', 'yes', 'IVO_PERSISTED_ONLY_ANONYMOUS ska vara true eller false (fick "yes").'],
    ['IVO_RATE_LIMIT_WINDOW_SECONDS', '0', 'IVO_RATE_LIMIT_WINDOW_SECONDS ska vara ett heltal från 1 till 86400 (fick "0").'],
    ['IVO_TRUSTED_PROXIES', '11', 'IVO_TRUSTED_PROXIES ska vara ett heltal från 0 till 10 (fick "11").'],
    ['IVO_RESPONSE_CACHE', 'on', 'IVO_RESPONSE_CACHE ska vara true eller false (fick "on").'],
    ['IVO_REDIS_URL', 'http://127.0.0.1:6379', 'IVO_REDIS_URL ska vara en adress som redis://värd:6379/0 eller rediss://värd:6380/0.'],
    ['IVO_REDIS_URL', 'redis://', 'IVO_REDIS_URL ska vara en adress som redis://värd:6379/0 eller rediss://värd:6380/0.'],
  ])('rejects a bad %s with a message naming it', (variable, value, message) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(new ConfigError(variable, message));
  });
});
