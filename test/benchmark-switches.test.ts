import { afterEach, describe, expect, inject, it } from 'vitest';
import { ANONYMOUS_ACCESS } from '../src/access/access-context.ts';
import { loadInternalPrivateKey } from '../src/access/internal-keys.ts';
import { signInternalToken } from '../src/access/internal-token.ts';
import { loadSubgraphModule } from '../src/cli/subgraph-modules.ts';
import { testConfig } from './test-data-set.ts';
import { createLogger } from '../src/log/create-logger.ts';
import { startSubgraph, type RunningSubgraph } from '../src/subgraph/start-subgraph.ts';

const ADDRESS_QUERY = 'query Adress($id: ID!) { tillsynsobjekt(id: $id) { id adress { postort } } }';

describe('benchmark switches of a subgraph', () => {
  let running: RunningSubgraph | null = null;

  afterEach(async () => {
    await running?.close();
    running = null;
  });

  async function start(env: Record<string, string>) {
    const config = testConfig(inject('seededDataSet'), env);
    running = await startSubgraph(await loadSubgraphModule('care-register'), config, { port: 0, log: createLogger('test', 'silent') });
    const token = await signInternalToken(loadInternalPrivateKey(config), 'care-register', { access: ANONYMOUS_ACCESS, purpose: null });
    return { url: running.url, origin: new URL(running.url).origin, token };
  }

  async function queryAddress(url: string, token: string) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: ADDRESS_QUERY, variables: { id: 'TO-000001' } }),
    });
    return (await response.json()) as { data: { tillsynsobjekt: { adress: unknown } }; errors?: { extensions: { code: string } }[] };
  }

  it('serves no counters by default', async () => {
    const { origin } = await start({});

    const response = await fetch(`${origin}/benchmark/counters`);

    expect(response.status).toBe(404);
  });

  it('counts requests and SQL statements when enabled', async () => {
    const { url, origin, token } = await start({ IVO_BENCHMARK_COUNTERS: '1' });
    const before = (await (await fetch(`${origin}/benchmark/counters`)).json()) as Record<string, number>;

    await queryAddress(url, token);
    const after = (await (await fetch(`${origin}/benchmark/counters`)).json()) as Record<string, number>;

    expect(Object.keys(after).sort()).toEqual(['busyMs', 'requests', 'sqlMs', 'statements']);
    expect(after.requests! - before.requests!).toBe(1);
    expect(after.statements! - before.statements!).toBeGreaterThan(0);
    expect(after.busyMs!).toBeGreaterThan(before.busyMs!);
  });

  it('withholds an address from an anonymous caller with shield on', async () => {
    const { url, token } = await start({});

    const body = await queryAddress(url, token);

    expect(body.data.tillsynsobjekt.adress).toBeNull();
    expect(body.errors?.map((error) => error.extensions.code)).toEqual(['FORBIDDEN']);
  });

  it('returns the address when shield is switched off', async () => {
    const { url, token } = await start({ IVO_BENCHMARK_DISABLE_SHIELD: '1' });

    const body = await queryAddress(url, token);

    expect(body.errors).toBeUndefined();
    expect(body.data.tillsynsobjekt.adress).toEqual({ postort: expect.any(String) });
  });
});
