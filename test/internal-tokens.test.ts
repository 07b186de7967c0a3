import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { execute, parse } from 'graphql';
import { SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ANONYMOUS_ACCESS } from '../src/access/access-context.ts';
import { devInternalKeyFile, loadInternalPrivateKey } from '../src/access/internal-keys.ts';
import { INTERNAL_TOKEN_ISSUER, signInternalToken } from '../src/access/internal-token.ts';
import { readOrCreateKeyPair } from '../src/access/key-files.ts';
import { loadSubgraphModule } from '../src/cli/subgraph-modules.ts';
import { generateWorld } from '../src/seed/generate-world.ts';
import type { World } from '../src/seed/world-types.ts';
import { SUBGRAPH_NAMES, type SubgraphName } from '../src/subgraph-names.ts';
import { startStack, type GraphqlResponse, type Stack } from './start-stack.ts';

const REJECTED_MESSAGE = 'Subgrafen tar bara emot anrop från routern med en giltig intern token.';

let world: World;
let stack: Stack;
let routerKey: KeyObject;

beforeAll(async () => {
  world = generateWorld({ scale: 1 });
  stack = await startStack(inject('seededDataSet'));
  routerKey = loadInternalPrivateKey(stack.config);
});

afterAll(async () => {
  await stack?.close();
});

/** Posts an operation straight to a subgraph with exactly these headers besides the content headers. */
async function postToSubgraph(name: SubgraphName, query: string, variables: Record<string, unknown> | undefined, headers: Record<string, string>) {
  const response = await fetch(stack.subgraphs[name].url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: JSON.parse(text) as GraphqlResponse };
}

function nowInSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** Claims and key of an internal token built by hand, defaulting to what the router signs. */
interface HandmadeToken {
  key?: KeyObject | Uint8Array;
  alg?: string;
  issuer?: string;
  audience: string;
  issuedAt?: number;
  expiresAt?: number;
  /** The access claim, or null to leave it out. */
  access?: unknown;
}

function signHandmadeToken(token: HandmadeToken): Promise<string> {
  const issuedAt = token.issuedAt ?? nowInSeconds();
  const access = token.access === undefined ? ANONYMOUS_ACCESS : token.access;
  return new SignJWT(access === null ? {} : { atk: access })
    .setProtectedHeader({ alg: token.alg ?? 'EdDSA', typ: 'JWT' })
    .setIssuer(token.issuer ?? INTERNAL_TOKEN_ISSUER)
    .setAudience(token.audience)
    .setSubject('anonym')
    .setIssuedAt(issuedAt)
    .setExpirationTime(token.expiresAt ?? issuedAt + 30)
    .sign(token.key ?? routerKey);
}

/** An internal token a subgraph must reject. `authorization` returns the header value, or null to send none. */
interface Forgery {
  name: string;
  authorization: (subgraph: SubgraphName) => Promise<string | null>;
}

const FORGERIES: Forgery[] = [
  { name: 'no token', authorization: async () => null },
  { name: 'a token signed by another Ed25519 key', authorization: async (subgraph) => `Bearer ${await signHandmadeToken({ audience: subgraph, key: generateKeyPairSync('ed25519').privateKey })}` },
  {
    // Expired 20 s ago, beyond the 5 s clock tolerance, with a lifetime and age under a minute.
    name: 'an expired token',
    authorization: async (subgraph) => `Bearer ${await signHandmadeToken({ audience: subgraph, issuedAt: nowInSeconds() - 50, expiresAt: nowInSeconds() - 20 })}`,
  },
  {
    name: 'a token for another subgraph',
    authorization: async (subgraph) => `Bearer ${await signInternalToken(routerKey, SUBGRAPH_NAMES.find((other) => other !== subgraph)!, { access: ANONYMOUS_ACCESS, purpose: null })}`,
  },
  {
    // The public key bytes as HMAC secret, which a verifier that lets the token pick its algorithm would accept.
    name: 'an HS256 token',
    authorization: async (subgraph) => {
      const publicKeyPem = readOrCreateKeyPair(devInternalKeyFile(stack.config)).publicKeyPem;
      return `Bearer ${await signHandmadeToken({ audience: subgraph, alg: 'HS256', key: new TextEncoder().encode(publicKeyPem) })}`;
    },
  },
  {
    name: 'a token with alg none',
    authorization: async (subgraph) =>
      `Bearer ${new UnsecuredJWT({ atk: ANONYMOUS_ACCESS }).setIssuer(INTERNAL_TOKEN_ISSUER).setAudience(subgraph).setIssuedAt().setExpirationTime('30s').encode()}`,
  },
  { name: 'a token living 120 s', authorization: async (subgraph) => `Bearer ${await signHandmadeToken({ audience: subgraph, expiresAt: nowInSeconds() + 120 })}` },
  { name: 'a token from another issuer', authorization: async (subgraph) => `Bearer ${await signHandmadeToken({ audience: subgraph, issuer: 'ivo-graf-dev-idp' })}` },
  { name: 'a token without access claim', authorization: async (subgraph) => `Bearer ${await signHandmadeToken({ audience: subgraph, access: null })}` },
  {
    name: 'an anonymous access claim with roles',
    authorization: async (subgraph) => {
      const access = { anonymous: true, userId: null, roles: [{ roll: 'IVO_HANDLAGGARE', namndId: null, verksamhetsomraden: ['SOL_IFO'] }] };
      return `Bearer ${await signHandmadeToken({ audience: subgraph, access })}`;
    },
  },
  { name: 'a Bearer value that is no JWT', authorization: async () => 'Bearer inte-en-token' },
];

/** Returns an `_entities` operation for a subgraph and the response an anonymous caller gets. */
function entitiesCheck(name: SubgraphName): { query: string; variables: Record<string, unknown>; expected: GraphqlResponse } {
  const query = (selection: string) => `query Entities($representations: [_Any!]!) { _entities(representations: $representations) { ${selection} } }`;
  switch (name) {
    case 'care-register':
      return { query: query('... on Kommun { kod }'), variables: { representations: [{ __typename: 'Kommun', kod: '1480' }] }, expected: { data: { _entities: [{ kod: '1480' }] } } };
    case 'cases':
      return { query: query('... on Namnd { id }'), variables: { representations: [{ __typename: 'Namnd', id: 'N-0001' }] }, expected: { data: { _entities: [{ id: 'N-0001' }] } } };
    case 'committees': {
      const lan = world.lan.find((county) => county.kod === '14')!;
      return { query: query('... on Lan { kod namn }'), variables: { representations: [{ __typename: 'Lan', kod: lan.kod }] }, expected: { data: { _entities: [{ kod: lan.kod, namn: lan.namn }] } } };
    }
    case 'users':
      return { query: query('... on Namnd { id }'), variables: { representations: [{ __typename: 'Namnd', id: 'N-0001' }] }, expected: { data: { _entities: [{ id: 'N-0001' }] } } };
  }
}

/** Returns the SDL a subgraph publishes, from its module's schema built without a server. */
async function expectedSdl(name: SubgraphName): Promise<string> {
  const module = await loadSubgraphModule(name);
  const schema = buildSubgraphSchema({ typeDefs: module.typeDefs, resolvers: module.resolvers as never });
  const result = await execute({ schema, document: parse('{ _service { sdl } }') });
  return (result.data as { _service: { sdl: string } })._service.sdl;
}

describe.each(SUBGRAPH_NAMES)('%s subgraph', (name) => {
  const operations = [
    { operation: '_service', check: async () => ({ query: '{ _service { sdl } }', variables: undefined, expected: { data: { _service: { sdl: await expectedSdl(name) } } } }) },
    { operation: '_entities', check: async () => entitiesCheck(name) },
  ];

  for (const { operation, check } of operations) {
    describe(operation, () => {
      for (const forgery of FORGERIES) {
        it(`rejects ${forgery.name}`, async () => {
          const { query, variables } = await check();
          const authorization = await forgery.authorization(name);
          const requestId = `internal-token-${name}`;

          const response = await postToSubgraph(name, query, variables, { 'x-request-id': requestId, ...(authorization === null ? {} : { authorization }) });

          expect(response.status).toBe(401);
          expect(response.body).toEqual({ errors: [{ message: REJECTED_MESSAGE, extensions: { code: 'UNAUTHENTICATED', requestId } }] });
          expect(Object.keys(response.body)).toEqual(['errors']);
          expect(response.headers.get('x-request-id')).toBe(requestId);
        });
      }

      it('accepts a valid token from the router', async () => {
        const { query, variables, expected } = await check();
        const token = await signInternalToken(routerKey, name, { access: ANONYMOUS_ACCESS, purpose: null });

        const response = await postToSubgraph(name, query, variables, { authorization: `Bearer ${token}` });

        expect(response.status).toBe(200);
        expect(response.body).toEqual(expected);
      });

      it('accepts a lifetime of exactly 60 s', async () => {
        const { query, variables, expected } = await check();
        const token = await signHandmadeToken({ audience: name, expiresAt: nowInSeconds() + 60 });

        const response = await postToSubgraph(name, query, variables, { authorization: `Bearer ${token}` });

        expect(response.status).toBe(200);
        expect(response.body).toEqual(expected);
      });
    });
  }

  it('rejects a GET request without token', async () => {
    const url = new URL(stack.subgraphs[name].url);
    url.searchParams.set('query', '{ _service { sdl } }');

    const response = await fetch(url, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ errors: [{ message: REJECTED_MESSAGE, extensions: { code: 'UNAUTHENTICATED', requestId: expect.any(String) } }] });
  });

  it('serves health endpoints without token', async () => {
    const base = stack.subgraphs[name].url.replace(/\/graphql$/, '');

    const live = await fetch(`${base}/health/live`);
    const ready = await fetch(`${base}/health/ready`);

    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'ok' });
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', subgraph: name });
  });
});

describe('internal token keys', () => {
  it('signs with the key pair under the data folder', () => {
    // The HS256 forgery uses this pair's public key, so it must be the pair the router signs with.
    const pair = readOrCreateKeyPair(devInternalKeyFile(stack.config));

    expect(createPrivateKey(pair.privateKeyPem).export({ type: 'pkcs8', format: 'pem' })).toEqual(routerKey.export({ type: 'pkcs8', format: 'pem' }));
  });
});
