import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { httpPost } from './http-post.ts';
import { startStack, type Stack } from './start-stack.ts';

let stack: Stack;

beforeAll(async () => {
  // Batched requests are off by default; these tests turn them on to exercise the batch limits.
  stack = await startStack(inject('seededDataSet'), { env: { IVO_MAX_BATCH_ANONYMOUS: '5', IVO_MAX_BATCH_LOGGED_IN: '10' } });
});

afterAll(async () => {
  await stack?.close();
});

/** Builds a query that nests municipality → units → municipality `levels` times; each level adds 4 to the depth. */
function nestedQuery(levels: number): string {
  let selection = 'namn';
  for (let level = 0; level < levels; level += 1) selection = `tillsynsobjekt(first: 1) { edges { node { kommun { ${selection} } } } }`;
  return `{ kommun(kod: "1480") { namn ${selection} } }`;
}

async function asAnonymous(body: unknown) {
  return httpPost(stack.routerUrl, body);
}

async function asUser(userId: string, body: unknown) {
  return httpPost(stack.routerUrl, body, { authorization: await stack.bearerFor(userId) });
}

describe('query limits', () => {
  it('rejects an anonymous query deeper than 10 levels', async () => {
    const result = await asAnonymous({ query: nestedQuery(3) });

    expect(result.status).toBe(400);
    expect(result.body).toEqual({
      errors: [
        {
          message: 'Frågan är för djup: 14 nivåer, högst 10 tillåts för anonyma anrop. Dela upp frågan i mindre frågor eller logga in för högre gränser.',
          extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'maxDepth', maximum: 10, actual: 14 },
        },
      ],
    });
  });

  it('allows the same depth for a logged-in caller', async () => {
    const result = await asUser('A-00001', { query: nestedQuery(3) });

    expect(result.status).toBe(200);
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data.kommun.namn).toBe('Göteborg');
  });

  it('rejects a logged-in query deeper than 15 levels', async () => {
    const result = await asUser('A-00001', { query: nestedQuery(4) });

    expect(result.status).toBe(400);
    expect(result.body.errors).toEqual([
      {
        message: 'Frågan är för djup: 18 nivåer, högst 15 tillåts för inloggade anrop. Dela upp frågan i mindre frågor.',
        extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'maxDepth', maximum: 15, actual: 18 },
      },
    ]);
  });

  it('counts depth through fragments and inline fragments', async () => {
    const query = `
      query Djup { kommun(kod: "1480") { ...Enheter } }
      fragment Enheter on Kommun { tillsynsobjekt(first: 1) { edges { node { ... on Tillsynsobjekt { kommun { ...Kommun } } } } } }
      fragment Kommun on Kommun { tillsynsobjekt(first: 1) { edges { node { kommun { tillsynsobjekt(first: 1) { edges { node { namn } } } } } } } }`;
    const result = await asAnonymous({ query });

    expect(result.body.errors).toEqual([expect.objectContaining({ extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'maxDepth', maximum: 10, actual: 13 } })]);
  });

  it('rejects an alias bomb from an anonymous caller', async () => {
    const aliases = Array.from({ length: 16 }, (_, index) => `lan${index}: allaLan { kod }`).join(' ');
    const result = await asAnonymous({ query: `{ ${aliases} }` });

    expect(result.status).toBe(400);
    expect(result.body.errors).toEqual([
      {
        message: 'Frågan har för många alias: 16, högst 15 tillåts för anonyma anrop. Dela upp frågan i mindre frågor eller logga in för högre gränser.',
        extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'maxAliases', maximum: 15, actual: 16 },
      },
    ]);
  });

  it('counts aliases once per fragment spread', async () => {
    const fields = Array.from({ length: 4 }, (_, index) => `k${index}: kod`).join(' ');
    const spreads = Array.from({ length: 4 }, () => '...Koder').join(' ');
    const result = await asAnonymous({ query: `{ allaLan { ${spreads} } } fragment Koder on Lan { ${fields} }` });

    expect(result.body.errors).toEqual([expect.objectContaining({ extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'maxAliases', maximum: 15, actual: 16 } })]);
  });

  it('rejects a token flood before parsing', async () => {
    const result = await asAnonymous({ query: `{ allaLan { ${'kod '.repeat(2100)} } }` });

    expect(result.status).toBe(400);
    expect(result.body.errors).toEqual([
      {
        message: 'Frågan har för många token: fler än 2000, högst 2000 tillåts för anonyma anrop. Dela upp frågan i mindre frågor eller logga in för högre gränser.',
        extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'maxTokens', maximum: 2000 },
      },
    ]);
  });

  it('rejects a directive flood', async () => {
    const result = await asAnonymous({ query: `{ allaLan { kod ${'@include(if: true) '.repeat(11)} } }` });

    expect(result.status).toBe(400);
    expect(result.body.errors).toEqual([
      {
        message: 'Frågan har för många direktiv: 11, högst 10 tillåts för anonyma anrop. Dela upp frågan i mindre frågor eller logga in för högre gränser.',
        extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'maxDirectives', maximum: 10, actual: 11 },
      },
    ]);
  });

  it('prices a huge first before any subgraph is asked', async () => {
    const query = '{ sokTillsynsobjekt(first: 100000) { edges { node { namn } } } }';
    const statements = await stack.recordStatements(async () => {
      const result = await asAnonymous({ query });

      expect(result.status).toBe(400);
      expect(result.body.errors).toEqual([
        {
          message:
            'Frågan beräknas hämta 300001 fält (listor räknade med first), högst 5000 tillåts för anonyma anrop. Dela upp frågan i mindre frågor eller logga in för högre gränser.',
          extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'maxCost', maximum: 5000, actual: 300001 },
        },
      ]);
    });

    expect(statements['care-register']).toEqual([]);
  });

  it('multiplies nested pages by the first of each variable', async () => {
    const query = `query Kommuner($sida: Int) {
      kommuner(first: $sida) { edges { node { namn tillsynsobjekt(first: $sida) { edges { node { namn } } } } } }
    }`;
    // kommuner 1 + n × (edges 1 + node 1 + namn 1 + tillsynsobjekt (1 + n × (edges 1 + node 1 + namn 1))) = 1 + n × (4 + 3n)
    const tooMuch = await asAnonymous({ query, variables: { sida: 41 } });
    const allowed = await asAnonymous({ query, variables: { sida: 40 } });

    expect(tooMuch.body.errors).toEqual([expect.objectContaining({ extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'maxCost', maximum: 5000, actual: 1 + 41 * (4 + 3 * 41) } })]);
    expect(allowed.body.errors).toBeUndefined();
    expect(allowed.body.data.kommuner.edges).toHaveLength(40);
  });

  it('prices a variable at its default value', async () => {
    const query = 'query Q($n: Int = 100) { sokTillsynsobjekt(first: $n) { edges { node { kommun { tillsynsobjekt(first: $n) { edges { node { namn } } } } } } } }';
    // sokTillsynsobjekt 1 + 100 × (edges 1 + node 1 + kommun 1 + tillsynsobjekt (1 + 100 × (edges 1 + node 1 + namn 1))) = 30401
    const expected = {
      errors: [
        {
          message:
            'Frågan beräknas hämta 30401 fält (listor räknade med first), högst 5000 tillåts för anonyma anrop. Dela upp frågan i mindre frågor eller logga in för högre gränser.',
          extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'maxCost', maximum: 5000, actual: 30401 },
        },
      ],
    };

    const withoutVariables = await asAnonymous({ query });
    const withVariable = await asAnonymous({ query, variables: { n: 100 } });

    expect(withoutVariables.status).toBe(withVariable.status);
    expect(withoutVariables.body).toEqual(expected);
    expect(withVariable.body).toEqual(expected);
  });

  it('prices a missing first at the default page size', async () => {
    // 20 counties × (1 + 20 assumed municipalities × (1 + 1 + 20 default units × 4 fields)) is far over 5000.
    const query = '{ allaLan { kommuner { namn tillsynsobjekt { edges { node { namn } } } } } }';
    const result = await asAnonymous({ query });

    expect(result.body.errors).toEqual([expect.objectContaining({ extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'maxCost', maximum: 5000, actual: 1 + 20 * (1 + 20 * (1 + 1 + 20 * 3)) } })]);
  });

  it('rejects an anonymous body over 16384 bytes with 413', async () => {
    const result = await asAnonymous({ query: '{ allaLan { kod } }', variables: { fyllnad: 'x'.repeat(17000) } });

    expect(result.status).toBe(413);
    expect(result.body.errors).toEqual([
      {
        message: `Begäran är för stor: ${result.body.errors[0].extensions.actual} byte, högst 16384 byte tillåts för anonyma anrop. Dela upp frågan i mindre frågor eller logga in för högre gränser.`,
        extensions: { code: 'REQUEST_TOO_LARGE', limit: 'maxBodyBytes', maximum: 16384, actual: expect.any(Number) },
      },
    ]);
    expect(result.body.errors[0].extensions.actual).toBeGreaterThan(17000);
  });

  it('cuts off a chunked body without Content-Length at the limit', async () => {
    const chunk = new TextEncoder().encode(`{"query":"{ allaLan { kod } }","variables":{"fyllnad":"${'x'.repeat(20000)}"}}`);
    const response = await fetch(stack.routerUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(chunk);
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    const body = await response.json();

    expect(response.status).toBe(413);
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: 'Begäran är för stor: fler än 16384 byte, högst 16384 byte tillåts för anonyma anrop. Dela upp frågan i mindre frågor eller logga in för högre gränser.',
        extensions: { code: 'REQUEST_TOO_LARGE', limit: 'maxBodyBytes', maximum: 16384 },
      }),
    ]);
  });

  it('allows a logged-in body over the anonymous limit', async () => {
    const result = await asUser('A-00003', { query: '{ allaLan { kod } }', variables: { fyllnad: 'x'.repeat(17000) } });

    expect(result.status).toBe(200);
    expect(result.body.data.allaLan).toHaveLength(21);
  });

  it('rejects an anonymous batch of six operations', async () => {
    const result = await asAnonymous(Array.from({ length: 6 }, () => ({ query: '{ allaLan { kod } }' })));

    expect(result.status).toBe(413);
    expect(result.body.errors).toEqual([
      {
        message: 'Begäran innehåller 6 operationer, högst 5 tillåts i en batch för anonyma anrop. Dela upp frågan i mindre frågor eller logga in för högre gränser.',
        extensions: { code: 'REQUEST_TOO_LARGE', limit: 'maxBatchSize', maximum: 5, actual: 6 },
      },
    ]);
  });

  it('answers an anonymous batch of five', async () => {
    const COUNTIES = ['01', '03', '12', '14', '25'];
    const result = await asAnonymous(Array.from({ length: 5 }, (_, index) => ({ query: `{ lan(kod: "${COUNTIES[index]}") { kod } }` })));

    expect(result.status).toBe(200);
    expect(result.body).toEqual(Array.from({ length: 5 }, (_, index) => ({ data: { lan: { kod: COUNTIES[index] } } })));
  });

  it('checks each operation of a logged-in batch', async () => {
    const result = await asUser('A-00001', [{ query: '{ allaLan { kod } }' }, { query: nestedQuery(4) }]);

    expect(result.body).toHaveLength(2);
    expect(result.body[0].data.allaLan).toHaveLength(21);
    expect(result.body[1].errors).toEqual([expect.objectContaining({ extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'maxDepth', maximum: 15, actual: 18 } })]);
  });
});
