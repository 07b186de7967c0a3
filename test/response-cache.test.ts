import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readCacheHints } from '../router/cache-hints.ts';
import { AuditStore } from '../src/audit/audit-store.ts';
import { httpPost } from './http-post.ts';
import { startStack, type Stack } from './start-stack.ts';

let stack: Stack;
let auditStore: AuditStore;

beforeAll(async () => {
  stack = await startStack(inject('seededDataSet'), { env: { IVO_RESPONSE_CACHE: 'true' } });
  auditStore = await AuditStore.open(stack.config.auditDatabaseUrl);
});

afterAll(async () => {
  await auditStore?.close();
  await stack?.close();
});

/** Sends a query and returns its response with the number of SQL statements it cost across all subgraphs. */
async function queryCounting(query: string, asUser?: string, headers: Record<string, string> = {}) {
  let body: any;
  const statements = await stack.recordStatements(async () => {
    body = (await httpPost(stack.routerUrl, { query }, { ...headers, ...(asUser ? { authorization: await stack.bearerFor(asUser) } : {}) })).body;
  });
  return { body, statementCount: Object.values(statements).reduce((sum, list) => sum + list.length, 0), committeeStatements: statements.committees.length };
}

/** Reads the response cache counters from the router's Prometheus endpoint. */
async function cacheCounters(): Promise<{ hits: number; misses: number }> {
  const text = await (await fetch(stack.routerMetricsUrl)).text();
  const value = (name: string) => Number(text.split('\n').find((line) => line.startsWith(`${name} `))?.split(' ')[1] ?? Number.NaN);
  return { hits: value('ivo_response_cache_hits_total'), misses: value('ivo_response_cache_misses_total') };
}

const COUNTY_QUERY = '{ lan(kod: "13") { kod namn kommuner { kod namn } } }';

describe('response cache', () => {
  it('serves a repeated anonymous query from the cache', async () => {
    const first = await queryCounting(COUNTY_QUERY);
    const second = await queryCounting(COUNTY_QUERY);

    expect(first.statementCount).toBeGreaterThan(0);
    expect(second.statementCount).toBe(0);
    expect(second.body).toEqual(first.body);
    expect(first.body.data.lan.namn).toBe('Hallands län');
  });

  it('counts hits and misses in the router metrics', async () => {
    const query = '{ lan(kod: "12") { kod namn } }';
    const before = await cacheCounters();

    await queryCounting(query);
    await queryCounting(query);
    await queryCounting(query);
    const after = await cacheCounters();

    expect({ misses: after.misses - before.misses, hits: after.hits - before.hits }).toEqual({ misses: 1, hits: 2 });
  });

  it('never caches a logged-in response', async () => {
    const query = '{ lan(kod: "17") { kod namn } }';
    const first = await queryCounting(query, 'A-00003');
    const second = await queryCounting(query, 'A-00003');

    // The first request also looks up the caller's access context, which the router then keeps.
    expect(first.committeeStatements).toBeGreaterThan(0);
    expect(second.committeeStatements).toBe(first.committeeStatements);
    expect(second.body).toEqual({ data: { lan: { kod: '17', namn: 'Värmlands län' } } });
  });

  it('never serves an anonymous cache entry to a logged-in caller', async () => {
    const query = '{ lan(kod: "18") { kod namn } }';
    await queryCounting(query);
    const loggedIn = await queryCounting(query, 'A-00001');

    expect(loggedIn.statementCount).toBeGreaterThan(0);
  });

  it('keeps restricted data of one caller from the others', async () => {
    const query = '{ tillsynsobjekt(id: "TO-000001") { id adress { postort } } }';
    const staff = await queryCounting(query, 'A-00001');
    const anonymous = await queryCounting(query);
    const anonymousAgain = await queryCounting(query);

    expect(staff.body.errors).toBeUndefined();
    expect(staff.body.data.tillsynsobjekt.adress).not.toBeNull();
    expect(anonymous.body.data).toEqual({ tillsynsobjekt: { id: 'TO-000001', adress: null } });
    expect(anonymous.body.errors).toEqual([expect.objectContaining({ path: ['tillsynsobjekt', 'adress'], extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })]);
    // A response with an error is not cached.
    expect(anonymousAgain.statementCount).toBeGreaterThan(0);
  });

  it('audits every repeated logged-in request', async () => {
    const from = new Date(Date.now() - 1000).toISOString();
    const query = '{ tillsynsobjekt(id: "TO-000001") { id adress { postort } } }';
    await queryCounting(query, 'A-00001', { 'x-request-id': 'cache-audit-1' });
    await queryCounting(query, 'A-00001', { 'x-request-id': 'cache-audit-2' });
    const records = await auditStore.list({ from, to: new Date(Date.now() + 1000).toISOString(), userId: 'A-00001' });

    expect(records.map((record) => record.requestId).filter((id) => id.startsWith('cache-audit-'))).toEqual(['cache-audit-1', 'cache-audit-2']);
  });

  it('does not cache a response without a hinted type', async () => {
    const query = '{ sokTillsynsobjekt(filter: { lanKod: "13" }, first: 0) { totalCount } }';
    await queryCounting(query);
    const second = await queryCounting(query);

    expect(second.statementCount).toBeGreaterThan(0);
  });

  it('keeps variables apart in the cache key', async () => {
    const query = 'query Lan($kod: ID!) { lan(kod: $kod) { namn } }';
    const send = (kod: string) => httpPost(stack.routerUrl, { query, variables: { kod } });

    expect((await send('01')).body).toEqual({ data: { lan: { namn: 'Stockholms län' } } });
    expect((await send('03')).body).toEqual({ data: { lan: { namn: 'Uppsala län' } } });
    expect((await send('01')).body).toEqual({ data: { lan: { namn: 'Stockholms län' } } });
  });
});

describe('readCacheHints', () => {
  it('reads type and field hints and keeps the shortest', () => {
    const hints = readCacheHints([
      'type Lan @cacheControl(maxAge: 60) { kod: ID! namn: String @cacheControl(maxAge: 5) } type Kommun { kod: ID! }',
      'type Lan @cacheControl(maxAge: 30) { kod: ID! } extend type Kommun @cacheControl(maxAge: 10) { namn: String }',
    ]);

    expect(hints).toEqual({ ttlPerType: { Lan: 30_000, Kommun: 10_000 }, ttlPerSchemaCoordinate: { 'Lan.namn': 5_000 } });
  });
});

describe('response cache size cap', () => {
  let smallCacheStack: Stack;

  beforeAll(async () => {
    // A 64 KiB budget caps one response at a sixteenth of it, 4096 bytes of JSON.
    smallCacheStack = await startStack(inject('seededDataSet'), { env: { IVO_RESPONSE_CACHE: 'true', IVO_RESPONSE_CACHE_MAX_BYTES: '65536' } });
  });

  afterAll(async () => {
    await smallCacheStack?.close();
  });

  /** Sends an anonymous query and returns its response with the number of SQL statements it cost. */
  async function queryOnSmallCache(query: string) {
    let result: any;
    const statements = await smallCacheStack.recordStatements(async () => {
      result = await httpPost(smallCacheStack.routerUrl, { query });
    });
    return { result, statementCount: Object.values(statements).reduce((sum, list) => sum + list.length, 0) };
  }

  it('does not cache a response over the entry cap', async () => {
    const query = '{ allaLan { kod namn kommuner { kod namn } } }';
    const first = await queryOnSmallCache(query);
    const second = await queryOnSmallCache(query);

    expect(first.result.status).toBe(200);
    expect(JSON.stringify(first.result.body).length).toBeGreaterThan(4096);
    expect(second.result.body).toEqual(first.result.body);
    expect(second.statementCount).toBeGreaterThan(0);
  });

  it('still caches a response under the entry cap', async () => {
    const first = await queryOnSmallCache(COUNTY_QUERY);
    const second = await queryOnSmallCache(COUNTY_QUERY);

    expect(first.statementCount).toBeGreaterThan(0);
    expect(second.statementCount).toBe(0);
    expect(second.result.body).toEqual(first.result.body);
  });
});
