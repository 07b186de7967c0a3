import { Redis } from 'ioredis';
import type { Logger } from '../src/log/create-logger.ts';

/**
 * Opens the Redis connection the response cache and the rate limit share. While Redis is
 * unreachable, commands fail at once instead of queueing, so a request never waits for a
 * reconnect. The cache treats a failure as a miss and the rate limit lets the request through.
 * Waits up to `readyTimeoutMs` for the first connection, then continues and logs the error.
 */
export async function openRedis(url: string, log: Logger, readyTimeoutMs = 3000): Promise<Redis> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: readyTimeoutMs, lazyConnect: true });
  let connected = true;
  // ioredis reports every failed reconnect; the log gets one line per outage and one on recovery.
  redis.on('error', (error) => {
    if (!connected) return;
    connected = false;
    log.error({ err: error }, 'redis unavailable; response cache and rate limit run without it');
  });
  redis.on('ready', () => {
    if (connected) return;
    connected = true;
    log.info('redis available again');
  });

  try {
    await redis.connect();
  } catch (error) {
    log.error({ err: error }, 'redis connection failed at start-up; the router starts without it and keeps retrying');
  }
  return redis;
}
