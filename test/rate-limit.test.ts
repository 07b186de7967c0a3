import type http from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { clientAddress } from '../router/rate-limit-plugin.ts';
import { createMemoryRateLimitStore } from '../router/rate-limit-store.ts';
import { httpPost } from './http-post.ts';
import { startStack, type Stack } from './start-stack.ts';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack(inject('seededDataSet'), { env: { IVO_RATE_LIMIT_REQUESTS: '3', IVO_RATE_LIMIT_WINDOW_SECONDS: '600' } });
});

afterAll(async () => {
  await stack?.close();
});

const QUERY = { query: '{ lan(kod: "14") { kod } }' };

describe('rate limit', () => {
  it('answers 429 with Retry-After after three anonymous requests', async () => {
    const allowed = [];
    for (let index = 0; index < 3; index += 1) allowed.push(await httpPost(stack.routerUrl, QUERY, { 'x-request-id': `rate-${index}` }));
    const limited = await httpPost(stack.routerUrl, QUERY, { 'x-request-id': 'rate-limited' });

    expect(allowed.map((result) => result.status)).toEqual([200, 200, 200]);
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(600);
    expect(limited.headers.get('x-request-id')).toBe('rate-limited');
    expect(limited.body).toEqual({
      errors: [
        {
          message: `För många anrop från samma adress: högst 3 per 600 sekunder tillåts för anonyma anrop. Försök igen om ${retryAfter} sekunder eller logga in.`,
          extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter, requestId: 'rate-limited' },
        },
      ],
    });
  });

  it('ignores X-Forwarded-For without trusted proxies', async () => {
    const limited = await httpPost(stack.routerUrl, QUERY, { 'x-forwarded-for': '203.0.113.9' });

    expect(limited.status).toBe(429);
    expect(limited.body.errors[0].extensions.code).toBe('RATE_LIMITED');
  });

  it('does not limit health checks', async () => {
    const statuses = [];
    for (let index = 0; index < 5; index += 1) statuses.push((await fetch(new URL('/health/live', stack.routerUrl))).status);

    expect(statuses).toEqual([200, 200, 200, 200, 200]);
  });

  it('does not limit logged-in callers', async () => {
    const authorization = await stack.bearerFor('A-00003');
    const statuses = [];
    for (let index = 0; index < 5; index += 1) statuses.push((await httpPost(stack.routerUrl, QUERY, { authorization })).status);

    expect(statuses).toEqual([200, 200, 200, 200, 200]);
  });
});

describe('clientAddress', () => {
  const socket = (remoteAddress: string) => ({ socket: { remoteAddress } }) as unknown as http.IncomingMessage;
  const request = (forwardedFor?: string) => new Request('http://router/graphql', { headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} });

  it('uses the socket peer without trusted proxies', () => {
    expect(clientAddress(request('203.0.113.9'), socket('::ffff:10.0.0.5'), 0)).toBe('10.0.0.5');
  });

  it('takes the entry the trusted proxy added', () => {
    expect(clientAddress(request('198.51.100.1, 203.0.113.9'), socket('10.0.0.2'), 1)).toBe('203.0.113.9');
    expect(clientAddress(request('198.51.100.1, 203.0.113.9, 10.0.0.3'), socket('10.0.0.2'), 2)).toBe('203.0.113.9');
  });

  it('falls back to the peer without the header', () => {
    expect(clientAddress(request(), socket('10.0.0.2'), 1)).toBe('10.0.0.2');
  });
});

describe('createMemoryRateLimitStore', () => {
  it('starts a new window when the old one ends', async () => {
    let now = 1_000;
    const store = createMemoryRateLimitStore(() => now);

    expect(await store.hit('a', 60_000)).toEqual({ count: 1, resetInMs: 60_000 });
    now += 59_000;
    expect(await store.hit('a', 60_000)).toEqual({ count: 2, resetInMs: 1_000 });
    expect(await store.hit('b', 60_000)).toEqual({ count: 1, resetInMs: 60_000 });
    now += 1_000;
    expect(await store.hit('a', 60_000)).toEqual({ count: 1, resetInMs: 60_000 });
  });
});
