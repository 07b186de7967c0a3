import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startRouter, type RunningRouter } from '../router/start-router.ts';
import { createLogger } from '../src/log/create-logger.ts';
import { SUBGRAPH_NAMES, type SubgraphName } from '../src/subgraph-names.ts';
import { httpPost } from './http-post.ts';
import { startRedis, type RunningRedis } from './start-redis.ts';
import { startStack, type Stack } from './start-stack.ts';

// Two routers over the same subgraphs and one Redis, as replicas behind a load balancer. With one
// trusted proxy each test can act as its own client address through X-Forwarded-For.
let redis: RunningRedis;
let stack: Stack;
let replica: RunningRouter;
let inspector: Redis;

beforeAll(async () => {
  redis = await startRedis();
  stack = await startStack(inject('seededDataSet'), { env: {
    IVO_REDIS_URL: redis.url,
    IVO_RESPONSE_CACHE: 'true',
    IVO_RATE_LIMIT_REQUESTS: '4',
    IVO_RATE_LIMIT_WINDOW_SECONDS: '600',
    IVO_TRUSTED_PROXIES: '1',
  } });
  const subgraphUrls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, stack.subgraphs[name].url])) as Record<SubgraphName, string>;
  replica = await startRouter(stack.config, { port: 0, subgraphUrls, log: createLogger('test', 'silent') });
  inspector = new Redis(redis.url);
});

afterAll(async () => {
  inspector?.disconnect();
  await replica?.close();
  await stack?.close();
  await redis?.close();
});

async function statementsFor(url: string, query: string, client: string) {
  let body: any;
  const statements = await stack.recordStatements(async () => {
    body = (await httpPost(url, { query }, { 'x-forwarded-for': client })).body;
  });
  return { body, count: Object.values(statements).reduce((sum, list) => sum + list.length, 0) };
}

describe('replicas sharing Redis', () => {
  it('serve a response one replica cached from the other', async () => {
    const query = '{ lan(kod: "20") { kod namn } }';
    const first = await statementsFor(stack.routerUrl, query, '198.51.100.10');
    const second = await statementsFor(replica.url, query, '198.51.100.11');

    expect(first.count).toBeGreaterThan(0);
    expect(second.count).toBe(0);
    expect(second.body).toEqual({ data: { lan: { kod: '20', namn: 'Dalarnas län' } } });
  });

  it('count one client address across both replicas', async () => {
    const query = { query: '{ lan(kod: "21") { kod } }' };
    const headers = { 'x-forwarded-for': '198.51.100.20' };
    const statuses = [];
    for (const url of [stack.routerUrl, replica.url, stack.routerUrl, replica.url, stack.routerUrl]) statuses.push((await httpPost(url, query, headers)).status);

    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    expect(await inspector.get('ivo:rate:198.51.100.20')).toBe('5');
    expect(await inspector.pttl('ivo:rate:198.51.100.20')).toBeGreaterThan(0);
  });

  it('keep answering when Redis stops', async () => {
    inspector.disconnect();
    await redis.close();
    const result = await httpPost(stack.routerUrl, { query: '{ lan(kod: "22") { kod } }' }, { 'x-forwarded-for': '198.51.100.30' });

    expect(result.status).toBe(200);
    expect(result.body).toEqual({ data: { lan: { kod: '22' } } });
  });
});
