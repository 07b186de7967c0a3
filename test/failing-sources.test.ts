import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startRouter } from '../router/start-router.ts';
import { loadSubgraphModule } from '../src/cli/subgraph-modules.ts';
import { sql } from 'kysely';
import { parseDatabaseUrl } from '../src/db/database-url.ts';
import { createLogger } from '../src/log/create-logger.ts';
import { startSubgraph } from '../src/subgraph/start-subgraph.ts';
import { SUBGRAPH_NAMES, type SubgraphName } from '../src/subgraph-names.ts';
import { startStack, postGraphql, type Stack } from './start-stack.ts';
import { copyDataSet, openTestServer, testConfig } from './test-data-set.ts';

// A unit from the care register with its cases from the case system, so one response needs two subgraphs.
const UNIT_QUERY = 'query Enhet { tillsynsobjekt(id: "TO-001006") { id namn kommun { namn } arenden(first: 2) { totalCount } } }';
const silent = createLogger('test', 'silent');

let stack: Stack;
let complete: Record<string, any>;

beforeAll(async () => {
  stack = await startStack(inject('seededDataSet'));
  complete = (await stack.query(UNIT_QUERY, {}, 'A-00001')) as Record<string, any>;
});

afterAll(async () => {
  await stack?.close();
});

async function queryAsStaff(url: string, requestId: string) {
  return postGraphql(url, UNIT_QUERY, undefined, { authorization: await stack.bearerFor('A-00001'), 'x-request-id': requestId });
}

async function readiness(url: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(new URL('/health/ready', url));
  return { status: response.status, body: await response.json() };
}

function portOf(url: string): number {
  return Number(new URL(url).port);
}

/** Restarts a subgraph of the stack on the port it had, with the given environment added to the stack's. */
async function restartSubgraph(name: SubgraphName, env: Record<string, string> = {}): Promise<void> {
  const port = portOf(stack.subgraphs[name].url);
  await stack.subgraphs[name].close();
  const config = testConfig(inject('seededDataSet'), env);
  stack.subgraphs[name] = await startSubgraph(await loadSubgraphModule(name), config, { port, metricsPort: 0, log: silent });
}

/**
 * Makes a database unavailable to the subgraph using it and returns the function that brings it
 * back. A SQLite file is moved away and back. A PostgreSQL database stops accepting connections
 * and the existing ones are ended, as a server going down for maintenance does.
 */
async function takeDatabaseAway(url: string): Promise<() => Promise<void>> {
  const parsed = parseDatabaseUrl(url);
  if (parsed.dialect === 'sqlite') {
    fs.renameSync(parsed.file, `${parsed.file}.away`);
    return async () => fs.renameSync(`${parsed.file}.away`, parsed.file);
  }

  const server = openTestServer();
  await sql.raw(`alter database ${parsed.database} allow_connections false`).execute(server.db);
  await sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${parsed.database} and pid <> pg_backend_pid()`.execute(server.db);
  return async () => {
    await sql.raw(`alter database ${parsed.database} allow_connections true`).execute(server.db);
    await server.close();
  };
}

describe('failing sources', () => {
  it('survives a stopped subgraph and its restart', async () => {
    expect(complete.errors).toBeUndefined();
    expect(complete.data.tillsynsobjekt.arenden.totalCount).toBeGreaterThan(0);
    const port = portOf(stack.subgraphs.cases.url);
    await stack.subgraphs.cases.close();

    expect(await queryAsStaff(stack.routerUrl, 'stopped-cases')).toEqual({
      data: { tillsynsobjekt: { ...complete.data.tillsynsobjekt, arenden: null } },
      errors: [
        {
          message: 'Ärendehanteringen (cases) går inte att nå just nu. Uppgifterna därifrån är null i svaret. Försök igen om en stund.',
          path: ['tillsynsobjekt'],
          extensions: { code: 'SOURCE_UNAVAILABLE', subgraph: 'cases', reason: 'unreachable', serviceName: 'cases' },
        },
      ],
    });
    expect(await readiness(stack.routerUrl)).toEqual({
      status: 200,
      body: { status: 'ready', supergraph: 'loaded', subgraphs: { 'care-register': 'ready', cases: 'unavailable', committees: 'ready', users: 'ready' } },
    });

    const config = testConfig(inject('seededDataSet'));
    stack.subgraphs.cases = await startSubgraph(await loadSubgraphModule('cases'), config, { port, metricsPort: 0, log: silent });

    expect(await queryAsStaff(stack.routerUrl, 'restarted-cases')).toEqual(complete);
    expect((await readiness(stack.routerUrl)).body).toMatchObject({ status: 'ready', subgraphs: { cases: 'ready' } });
  });

  it('survives a database moved away and back', async () => {
    const copy = await copyDataSet(inject('seededDataSet'), ['cases']);
    try {
      await restartSubgraph('cases', { IVO_CASES_DATABASE_URL: testConfig(copy).databaseUrls.cases });
      expect(await queryAsStaff(stack.routerUrl, 'database-before')).toEqual(complete);

      const restore = await takeDatabaseAway(testConfig(copy).databaseUrls.cases);

      expect(await queryAsStaff(stack.routerUrl, 'database-away')).toEqual({
        data: { tillsynsobjekt: { ...complete.data.tillsynsobjekt, arenden: null } },
        errors: [
          {
            message: 'Ärendehanteringen (cases) når inte sin databas just nu. Uppgifterna därifrån är null i svaret. Försök igen om en stund.',
            path: ['tillsynsobjekt', 'arenden'],
            extensions: { code: 'SOURCE_UNAVAILABLE', subgraph: 'cases', reason: 'database', requestId: 'database-away', serviceName: 'cases' },
          },
        ],
      });
      expect(await readiness(stack.subgraphs.cases.url)).toEqual({ status: 503, body: { status: 'unavailable', subgraph: 'cases', reason: 'database unavailable' } });

      await restore();

      expect(await readiness(stack.subgraphs.cases.url)).toEqual({ status: 200, body: { status: 'ready', subgraph: 'cases' } });
      expect(await queryAsStaff(stack.routerUrl, 'database-back')).toEqual(complete);
    } finally {
      await restartSubgraph('cases');
      await copy.remove();
    }
  });

  describe('with a subgraph that hangs or answers without GraphQL', () => {
    let mock: http.Server;
    let mockUrl: string;

    beforeAll(async () => {
      // Accepts every request and never responds to it, except under /bad-gateway, where it responds
      // as a proxy in front of a stopped server would.
      mock = http.createServer((request, response) => {
        if (request.url === '/bad-gateway') response.writeHead(502, { 'content-type': 'text/html' }).end('<h1>502 Bad Gateway</h1>');
      });
      await new Promise<void>((resolve) => mock.listen(0, '127.0.0.1', resolve));
      mockUrl = `http://127.0.0.1:${(mock.address() as AddressInfo).port}`;
    });

    afterAll(async () => {
      mock.closeAllConnections();
      await new Promise((resolve) => mock.close(resolve));
    });

    async function startRouterWithCasesAt(casesUrl: string) {
      const config = testConfig(inject('seededDataSet'), { IVO_SUBGRAPH_TIMEOUT_MS: '500' });
      const subgraphUrls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, stack.subgraphs[name].url])) as Record<SubgraphName, string>;
      return startRouter(config, { port: 0, subgraphUrls: { ...subgraphUrls, cases: casesUrl }, log: silent });
    }

    it('times out a subgraph that never responds', async () => {
      const router = await startRouterWithCasesAt(`${mockUrl}/graphql`);
      try {
        expect(await queryAsStaff(router.url, 'hanging-cases')).toEqual({
          data: { tillsynsobjekt: { ...complete.data.tillsynsobjekt, arenden: null } },
          errors: [
            {
              message: 'Ärendehanteringen (cases) svarade inte inom 0,5 sekunder. Uppgifterna därifrån är null i svaret. Försök igen om en stund.',
              path: ['tillsynsobjekt'],
              extensions: { code: 'SOURCE_UNAVAILABLE', subgraph: 'cases', reason: 'timeout', timeoutMs: 500, serviceName: 'cases' },
            },
          ],
        });
      } finally {
        await router.close();
      }
    });

    it('reports a response that is not GraphQL as unavailable', async () => {
      const router = await startRouterWithCasesAt(`${mockUrl}/bad-gateway`);
      try {
        expect(await queryAsStaff(router.url, 'bad-gateway')).toEqual({
          data: { tillsynsobjekt: { ...complete.data.tillsynsobjekt, arenden: null } },
          errors: [
            {
              message: 'Ärendehanteringen (cases) går inte att nå just nu. Uppgifterna därifrån är null i svaret. Försök igen om en stund.',
              path: ['tillsynsobjekt'],
              extensions: { code: 'SOURCE_UNAVAILABLE', subgraph: 'cases', reason: 'unreachable', serviceName: 'cases' },
            },
          ],
        });
      } finally {
        await router.close();
      }
    });
  });

  it('reports the router unready when no subgraph answers', async () => {
    // A port that was free a moment ago: nothing listens there.
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/graphql`;
    await new Promise((resolve) => closed.close(resolve));
    const config = testConfig(inject('seededDataSet'));
    const router = await startRouter(config, { port: 0, subgraphUrls: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, deadUrl])) as Record<SubgraphName, string>, log: silent });
    try {
      expect(await readiness(router.url)).toEqual({
        status: 503,
        body: {
          status: 'unavailable',
          reason: 'no subgraph ready',
          supergraph: 'loaded',
          subgraphs: { 'care-register': 'unavailable', cases: 'unavailable', committees: 'unavailable', users: 'unavailable' },
        },
      });
      const live = await fetch(new URL('/health/live', router.url));
      expect(live.status).toBe(200);
      expect(await live.json()).toEqual({ status: 'ok' });
    } finally {
      await router.close();
    }
  });
});
