import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { testConfig } from '../test/test-data-set.ts';
import { createLogger } from '../src/log/create-logger.ts';
import { startRouter, type RunningRouter } from './start-router.ts';

let router: RunningRouter;
let origin: string;

beforeAll(async () => {
  // GraphiQL needs no subgraph, so the subgraph addresses point at a closed loopback port.
  const closed = 'http://127.0.0.1:9/graphql';
  router = await startRouter(testConfig(inject('seededDataSet')), {
    port: 0,
    subgraphUrls: { 'care-register': closed, cases: closed, committees: closed, users: closed },
    log: createLogger('test', 'silent'),
  });
  origin = new URL(router.url).origin;
});

afterAll(async () => {
  await router?.close();
});

describe('GraphiQL page', () => {
  it('is served at /graphql to a browser', async () => {
    const response = await fetch(`${origin}/graphql`, { headers: { accept: 'text/html' } });

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain('YogaGraphiQL.renderYogaGraphiQL');
  });

  it('loads nothing from another host', async () => {
    const html = await (await fetch(`${origin}/graphql`, { headers: { accept: 'text/html' } })).text();
    const references = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);

    const absoluteUrls = [...html.matchAll(/https?:\/\/[^"'\s)]+/g)].map((match) => new URL(match[0]).hostname);
    // The only absolute address is the development identity provider's, on loopback.
    expect(absoluteUrls).toEqual(['127.0.0.1']);
    expect(references.length).toBeGreaterThan(1);
    for (const reference of references) expect(reference).toMatch(/^\/graphiql\/assets\//);
  });

  it('serves every script, style and editor worker it names', async () => {
    const html = await (await fetch(`${origin}/graphql`, { headers: { accept: 'text/html' } })).text();
    const assets = [...html.matchAll(/"(\/graphiql\/assets\/[^"]+)"/g)].map((match) => match[1]);

    expect(assets).toHaveLength(5);
    for (const asset of assets) {
      const response = await fetch(`${origin}${asset}`);
      expect(response.status, asset).toBe(200);
      expect(response.headers.get('content-type'), asset).toMatch(/^text\/(css|javascript)/);
      expect((await response.arrayBuffer()).byteLength, asset).toBeGreaterThan(1000);
    }
  });

  it('serves no other file from the package folder', async () => {
    const response = await fetch(`${origin}/graphiql/assets/..%2Fpackage.json`);

    expect(response.status).toBe(404);
  });
});
