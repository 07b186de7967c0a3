import type { Redis } from 'ioredis';

/** A request counted in a fixed window: its number in the window and the time left of it. */
export interface RateLimitHit {
  count: number;
  resetInMs: number;
}

/** Counts requests per key in fixed windows. */
export interface RateLimitStore {
  hit(key: string, windowMs: number): Promise<RateLimitHit>;
}

/** Beyond this many keys the memory store drops the windows that have ended. */
const SWEEP_THRESHOLD = 10_000;

/** Creates a store that counts in this process's memory: each replica counts on its own. */
export function createMemoryRateLimitStore(now: () => number = Date.now): RateLimitStore {
  const windows = new Map<string, { count: number; resetAt: number }>();

  return {
    async hit(key, windowMs) {
      const time = now();
      let window = windows.get(key);
      if (!window || window.resetAt <= time) {
        if (windows.size >= SWEEP_THRESHOLD) {
          for (const [candidate, { resetAt }] of windows) if (resetAt <= time) windows.delete(candidate);
        }
        window = { count: 0, resetAt: time + windowMs };
        windows.set(key, window);
      }
      window.count += 1;
      return { count: window.count, resetInMs: window.resetAt - time };
    },
  };
}

/** Creates a store that counts in Redis, so every replica behind a load balancer shares the counts. */
export function createRedisRateLimitStore(redis: Redis, prefix = 'ivo:rate:'): RateLimitStore {
  return {
    async hit(key, windowMs) {
      // One transaction starts the window if none is running, counts the request and reads the
      // time left, so concurrent replicas never reset each other's window.
      const replies = await redis.multi().set(`${prefix}${key}`, 0, 'PX', windowMs, 'NX').incr(`${prefix}${key}`).pttl(`${prefix}${key}`).exec();
      if (!replies) throw new Error('Redis aborted the rate limit transaction.');
      for (const [error] of replies) if (error) throw error;
      const count = Number(replies[1]![1]);
      const ttl = Number(replies[2]![1]);
      return { count, resetInMs: ttl > 0 ? ttl : windowMs };
    },
  };
}
