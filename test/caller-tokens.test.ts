import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { exportJWK, SignJWT, UnsecuredJWT } from 'jose';
import personnummerModule from 'personnummer';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from 'vitest';
import { FORBIDDEN_REASONS } from '../src/access/forbidden.ts';
import { DEV_TOKEN_ISSUER, type Config } from '../src/config/load-config.ts';
import type { Database } from '../src/db/open-database.ts';
import { devIdentityProviderKeys } from '../src/dev-idp/dev-idp-keys.ts';
import { createLogger } from '../src/log/create-logger.ts';
import { FIXED_USER_RECORDS, FIXED_USERS } from '../src/seed/fixed-users.ts';
import { generateWorld } from '../src/seed/generate-world.ts';
import { luhnCheckDigit } from '../src/seed/identifiers.ts';
import type { TillsynsobjektRecord, Verksamhetsomrade, World } from '../src/seed/world-types.ts';
import { SUBGRAPH_NAMES, type SubgraphName } from '../src/subgraph-names.ts';
import { startRouter, type RunningRouter } from '../router/start-router.ts';
import { startStack, type GraphqlResponse, type Stack } from './start-stack.ts';
import { copyDataSet, openTestDatabase, testConfig, type TestDataSetCopy } from './test-data-set.ts';
import type { UsersDatabase } from '../subgraphs/users/database.ts';

// The package is CommonJS with `module.exports = Class` but declares `export default`. Under
// nodenext the default import is therefore typed as a namespace, while at run time it is the class.
const Personnummer = (personnummerModule as unknown as { default?: typeof personnummerModule.default }).default ?? (personnummerModule as unknown as typeof personnummerModule.default);

const OTHER_ISSUER = 'https://idp.test';
const JAG_QUERY = 'query Jag { jag { id } }';
const UNIT_ADDRESS_QUERY = 'query Enhet($id: ID!) { tillsynsobjekt(id: $id) { id adress { gatuadress } } }';

// Johan Sandberg, rapportör for N-0001 in SOL_IFO only, who logs in with BankID.
const rapportor = FIXED_USER_RECORDS.find((user) => user.id === FIXED_USERS.rapportorGoteborgIfo)!;
const RAPPORTOR_PERSONNUMMER = rapportor.personnummer!;

let world: World;
let stack: Stack;
let devPrivateKey: KeyObject;
let subgraphUrls: Record<SubgraphName, string>;

beforeAll(async () => {
  world = generateWorld({ scale: 1 });
  stack = await startStack(inject('seededDataSet'));
  devPrivateKey = createPrivateKey(devIdentityProviderKeys(stack.config).privateKeyPem);
  subgraphUrls = subgraphUrlsOf(stack);
});

afterAll(async () => {
  await stack?.close();
});

function subgraphUrlsOf(running: Stack): Record<SubgraphName, string> {
  return Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, running.subgraphs[name].url])) as Record<SubgraphName, string>;
}

/** A router response with the status and headers the tests check. */
interface RouterResponse {
  status: number;
  headers: Headers;
  body: GraphqlResponse;
}

/** Posts an operation to a router with the given headers besides the content headers. */
async function postToRouter(url: string, query: string, variables: Record<string, unknown> | undefined, headers: Record<string, string>): Promise<RouterResponse> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: JSON.parse(text) as GraphqlResponse };
}

/** Claims of a caller token. A null value leaves the claim out. */
interface TokenClaims {
  issuer?: string;
  audience?: string;
  subject?: string | null;
  /** Seconds since the epoch. */
  expiresAt?: number | null;
  notBefore?: number;
}

function nowInSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** Signs a caller token as the development identity provider would, with the claims overridden. */
function signCallerToken(claims: TokenClaims = {}, key: KeyObject = devPrivateKey, alg = 'EdDSA', kid?: string): Promise<string> {
  const token = new SignJWT({})
    .setProtectedHeader({ alg, typ: 'JWT', ...(kid ? { kid } : {}) })
    .setIssuer(claims.issuer ?? DEV_TOKEN_ISSUER)
    .setAudience(claims.audience ?? stack.config.callerToken.audience)
    .setIssuedAt();
  const subject = claims.subject === undefined ? RAPPORTOR_PERSONNUMMER : claims.subject;
  if (subject !== null) token.setSubject(subject);
  const expiresAt = claims.expiresAt === undefined ? nowInSeconds() + 300 : claims.expiresAt;
  if (expiresAt !== null) token.setExpirationTime(expiresAt);
  if (claims.notBefore !== undefined) token.setNotBefore(claims.notBefore);
  return token.sign(key);
}

/** Returns a personnummer with a correct check digit for a birth date `YYYYMMDD` and a serial `NNN`. */
function personnummerFor(birthDate: string, serial: string): string {
  return `${birthDate}${serial}${luhnCheckDigit(`${birthDate.slice(2)}${serial}`)}`;
}

function firstUnit(predicate: (unit: TillsynsobjektRecord) => boolean): TillsynsobjektRecord {
  const unit = world.tillsynsobjekt.find(predicate);
  if (!unit) throw new Error('The seed world has no unit that matches the test’s condition.');
  return unit;
}

function outsideAreaResponse(unit: TillsynsobjektRecord): GraphqlResponse {
  return {
    data: { tillsynsobjekt: { id: unit.id, adress: null } },
    errors: [
      {
        message: FORBIDDEN_REASONS.outsideArea,
        path: ['tillsynsobjekt', 'adress'],
        extensions: { code: 'FORBIDDEN', reason: 'outsideArea', serviceName: 'care-register' },
      },
    ],
  };
}

function addressResponse(unit: TillsynsobjektRecord): GraphqlResponse {
  return { data: { tillsynsobjekt: { id: unit.id, adress: { gatuadress: unit.gatuadress } } } };
}

/** One way a request can fail authentication at the router. */
interface Rejection {
  name: string;
  authorization: () => Promise<string>;
  message: string;
}

const MESSAGES = {
  algorithm: 'Token är signerad med en algoritm som inte godtas.',
  signature: 'Tokens signatur är ogiltig.',
  expired: 'Token har gått ut. Logga in igen.',
  notYetValid: 'Token gäller inte ännu. Kontrollera klockan och logga in igen.',
  issuer: 'Token är utfärdad av en okänd utfärdare.',
  audience: 'Token är inte utfärdad för IVO-grafen.',
  missingClaim: 'Token saknar en uppgift som krävs eller har ett ogiltigt värde.',
  identity: 'Token saknar ett personnummer eller HSA-id som identitet.',
  invalid: 'Token är ogiltig.',
  headerFormat: 'Authorization ska ha formen "Bearer <token>".',
  unavailable: 'Token kunde inte kontrolleras just nu. Försök igen om en stund.',
} as const;

const REJECTIONS: Rejection[] = [
  {
    name: 'a token with alg none',
    authorization: async () =>
      `Bearer ${new UnsecuredJWT({}).setIssuer(DEV_TOKEN_ISSUER).setAudience(stack.config.callerToken.audience).setSubject(RAPPORTOR_PERSONNUMMER).setIssuedAt().setExpirationTime('5m').encode()}`,
    message: MESSAGES.algorithm,
  },
  {
    // The classic confusion attack: the verifier's own public key used as an HMAC secret.
    name: 'an HS256 token keyed with the public key',
    authorization: async () => {
      const secret = new TextEncoder().encode(devIdentityProviderKeys(stack.config).publicKeyPem);
      const token = await new SignJWT({})
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setIssuer(DEV_TOKEN_ISSUER)
        .setAudience(stack.config.callerToken.audience)
        .setSubject(RAPPORTOR_PERSONNUMMER)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(secret);
      return `Bearer ${token}`;
    },
    message: MESSAGES.algorithm,
  },
  {
    name: 'a token signed by another key',
    authorization: async () => `Bearer ${await signCallerToken({}, generateKeyPairSync('ed25519').privateKey)}`,
    message: MESSAGES.signature,
  },
  {
    name: 'an expired token',
    authorization: async () => `Bearer ${await signCallerToken({ expiresAt: nowInSeconds() - stack.config.callerToken.clockToleranceSeconds - 60 })}`,
    message: MESSAGES.expired,
  },
  {
    name: 'a token not yet valid',
    authorization: async () => `Bearer ${await signCallerToken({ notBefore: nowInSeconds() + stack.config.callerToken.clockToleranceSeconds + 60 })}`,
    message: MESSAGES.notYetValid,
  },
  {
    name: 'a token from another issuer',
    authorization: async () => `Bearer ${await signCallerToken({ issuer: OTHER_ISSUER })}`,
    message: MESSAGES.issuer,
  },
  {
    name: 'a token for another audience',
    authorization: async () => `Bearer ${await signCallerToken({ audience: 'statistik.ivo.se' })}`,
    message: MESSAGES.audience,
  },
  {
    name: 'a token without sub',
    authorization: async () => `Bearer ${await signCallerToken({ subject: null })}`,
    message: MESSAGES.missingClaim,
  },
  {
    name: 'a token without exp',
    authorization: async () => `Bearer ${await signCallerToken({ expiresAt: null })}`,
    message: MESSAGES.missingClaim,
  },
  {
    name: 'an e-mail address as sub',
    authorization: async () => `Bearer ${await signCallerToken({ subject: 'johan.sandberg@goteborg.example' })}`,
    message: MESSAGES.identity,
  },
  {
    name: 'an HSA-id without organisation number',
    authorization: async () => `Bearer ${await signCallerToken({ subject: 'SE-E000000000005' })}`,
    message: MESSAGES.identity,
  },
  {
    // Twelve digits, but month 13 and day 45 do not exist.
    name: 'a personnummer with an impossible date',
    authorization: async () => `Bearer ${await signCallerToken({ subject: '199013451234' })}`,
    message: MESSAGES.identity,
  },
  {
    name: 'a personnummer with a wrong check digit',
    authorization: async () => `Bearer ${await signCallerToken({ subject: `${RAPPORTOR_PERSONNUMMER.slice(0, 11)}${(Number(RAPPORTOR_PERSONNUMMER[11]) + 1) % 10}` })}`,
    message: MESSAGES.identity,
  },
  {
    name: 'a Basic Authorization header',
    authorization: async () => `Basic ${Buffer.from('johan:hemligt').toString('base64')}`,
    message: MESSAGES.headerFormat,
  },
  {
    name: 'a Bearer header with markup',
    authorization: async () => 'Bearer <script>alert(1)</script>',
    message: MESSAGES.headerFormat,
  },
  {
    name: 'a Bearer header without a token',
    authorization: async () => 'Bearer',
    message: MESSAGES.headerFormat,
  },
  {
    name: 'a Bearer value that is no JWT',
    authorization: async () => 'Bearer inte-en-token',
    message: MESSAGES.invalid,
  },
];

describe('caller token at the router', () => {
  for (const rejection of REJECTIONS) {
    it(`rejects ${rejection.name}`, async () => {
      const requestId = 'caller-token-rejection';
      const response = await postToRouter(stack.routerUrl, JAG_QUERY, undefined, { authorization: await rejection.authorization(), 'x-request-id': requestId });

      expect(response.status).toBe(401);
      expect(response.body).toEqual({ errors: [{ message: rejection.message, extensions: { code: 'UNAUTHENTICATED', requestId } }] });
      expect(Object.keys(response.body)).toEqual(['errors']);
      expect(response.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
      expect(response.headers.get('x-request-id')).toBe(requestId);
    });
  }

  it('accepts a token expired within the clock tolerance', async () => {
    const tolerance = stack.config.callerToken.clockToleranceSeconds;
    expect(tolerance).toBeGreaterThan(10);
    const token = await signCallerToken({ expiresAt: nowInSeconds() - (tolerance - 10) });

    const response = await postToRouter(stack.routerUrl, JAG_QUERY, undefined, { authorization: `Bearer ${token}` });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ data: { jag: { id: rapportor.id } } });
  });

  it('accepts a token whose nbf is within the clock tolerance', async () => {
    const tolerance = stack.config.callerToken.clockToleranceSeconds;
    expect(tolerance).toBeGreaterThan(10);
    const token = await signCallerToken({ notBefore: nowInSeconds() + (tolerance - 10) });

    const response = await postToRouter(stack.routerUrl, JAG_QUERY, undefined, { authorization: `Bearer ${token}` });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ data: { jag: { id: rapportor.id } } });
  });

  it('serves open data without an Authorization header', async () => {
    const unit = firstUnit((candidate) => candidate.verksamhetstyp === 'HVB');

    const response = await postToRouter(stack.routerUrl, 'query Enhet($id: ID!) { tillsynsobjekt(id: $id) { id namn verksamhetstyp verksamhetsomrade status antalPlatser } }', { id: unit.id }, {});

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      data: {
        tillsynsobjekt: {
          id: unit.id,
          namn: unit.namn,
          verksamhetstyp: unit.verksamhetstyp,
          verksamhetsomrade: unit.verksamhetsomrade,
          status: unit.status,
          antalPlatser: unit.antalPlatser,
        },
      },
    });
  });

  it('treats an unregistered personnummer as logged in without roles', async () => {
    const unregistered = personnummerFor('19500315', '123');
    expect(Personnummer.valid(unregistered)).toBe(true);
    expect(world.anvandare.some((user) => user.personnummer === unregistered)).toBe(false);
    const unit = firstUnit((candidate) => !candidate.skyddatBoende);

    const response = await postToRouter(
      stack.routerUrl,
      'query Oregistrerad($id: ID!) { jag { id } tillsynsobjekt(id: $id) { id adress { gatuadress } } }',
      { id: unit.id },
      { authorization: `Bearer ${await signCallerToken({ subject: unregistered })}` },
    );

    const withheld = outsideAreaResponse(unit);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ data: { jag: null, ...withheld.data }, errors: withheld.errors });
  });
});

describe('accepted signature algorithms', () => {
  const ALGORITHMS = [
    { alg: 'EdDSA', generate: () => generateKeyPairSync('ed25519') },
    { alg: 'ES256', generate: () => generateKeyPairSync('ec', { namedCurve: 'P-256' }) },
    { alg: 'RS256', generate: () => generateKeyPairSync('rsa', { modulusLength: 2048 }) },
  ];

  async function startRouterWith(variables: Record<string, string>): Promise<RunningRouter> {
    const config = testConfig(inject('seededDataSet'), { IVO_TOKEN_ISSUER: OTHER_ISSUER, ...variables });
    const router = await startRouter(config, { port: 0, subgraphUrls, log: createLogger('test', 'silent') });
    onTestFinished(() => router.close());
    return router;
  }

  for (const { alg, generate } of ALGORITHMS) {
    it(`accepts ${alg} from IVO_TOKEN_PUBLIC_KEY`, async () => {
      const { privateKey, publicKey } = generate();
      const router = await startRouterWith({ IVO_TOKEN_PUBLIC_KEY: publicKey.export({ type: 'spki', format: 'pem' }).toString() });

      const accepted = await postToRouter(router.url, JAG_QUERY, undefined, { authorization: `Bearer ${await signCallerToken({ issuer: OTHER_ISSUER }, privateKey, alg)}` });
      const otherKey = await postToRouter(router.url, JAG_QUERY, undefined, { authorization: `Bearer ${await signCallerToken({ issuer: OTHER_ISSUER }, generate().privateKey, alg)}` });

      expect(accepted.status).toBe(200);
      expect(accepted.body).toEqual({ data: { jag: { id: rapportor.id } } });
      expect(otherKey.status).toBe(401);
      expect(otherKey.body).toEqual({ errors: [{ message: MESSAGES.signature, extensions: { code: 'UNAUTHENTICATED', requestId: expect.any(String) } }] });
    });
  }

  describe('with a JWKS URL', () => {
    const keyPairs = ALGORITHMS.map(({ alg, generate }) => ({ alg, kid: `nyckel-${alg}`, ...generate() }));
    let jwksServer: http.Server;
    let jwksBaseUrl: string;
    let jwksRequests = 0;

    beforeAll(async () => {
      const keys = await Promise.all(keyPairs.map(async ({ alg, kid, publicKey }) => ({ ...(await exportJWK(publicKey)), kid, alg, use: 'sig' })));
      jwksServer = http.createServer((request, response) => {
        jwksRequests += 1;
        if (request.url === '/jwks.json') {
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end(JSON.stringify({ keys }));
          return;
        }
        response.writeHead(500, { 'content-type': 'text/plain' });
        response.end('internal error');
      });
      await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', () => resolve()));
      jwksBaseUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}`;
    });

    afterAll(async () => {
      await new Promise<void>((resolve) => jwksServer?.close(() => resolve()));
    });

    it('accepts EdDSA, ES256 and RS256 keys from the set', async () => {
      const router = await startRouterWith({ IVO_TOKEN_JWKS_URL: `${jwksBaseUrl}/jwks.json` });
      const responses = new Map<string, RouterResponse>();
      for (const { alg, kid, privateKey } of keyPairs) {
        responses.set(alg, await postToRouter(router.url, JAG_QUERY, undefined, { authorization: `Bearer ${await signCallerToken({ issuer: OTHER_ISSUER }, privateKey, alg, kid)}` }));
      }

      expect(responses.get('EdDSA')?.body).toEqual({ data: { jag: { id: rapportor.id } } });
      expect(responses.get('ES256')?.body).toEqual({ data: { jag: { id: rapportor.id } } });
      expect(responses.get('RS256')?.body).toEqual({ data: { jag: { id: rapportor.id } } });
      expect(jwksRequests).toBeGreaterThan(0);
    });

    it('rejects a key id that is not in the set', async () => {
      const router = await startRouterWith({ IVO_TOKEN_JWKS_URL: `${jwksBaseUrl}/jwks.json` });
      const stranger = generateKeyPairSync('ed25519').privateKey;

      const response = await postToRouter(router.url, JAG_QUERY, undefined, { authorization: `Bearer ${await signCallerToken({ issuer: OTHER_ISSUER }, stranger, 'EdDSA', 'okand-nyckel')}` });

      expect(response.status).toBe(401);
      expect(response.body).toEqual({ errors: [{ message: MESSAGES.signature, extensions: { code: 'UNAUTHENTICATED', requestId: expect.any(String) } }] });
    });

    it('answers 503 when the JWKS endpoint is down', async () => {
      // A port that was free a moment ago and has no listener now.
      const closed = http.createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', () => resolve()));
      const port = (closed.address() as AddressInfo).port;
      await new Promise<void>((resolve) => closed.close(() => resolve()));
      const router = await startRouterWith({ IVO_TOKEN_JWKS_URL: `http://127.0.0.1:${port}/jwks.json` });
      const { alg, kid, privateKey } = keyPairs[0]!;

      const response = await postToRouter(router.url, JAG_QUERY, undefined, { authorization: `Bearer ${await signCallerToken({ issuer: OTHER_ISSUER }, privateKey, alg, kid)}` });

      expect(response.status).toBe(503);
      expect(response.body).toEqual({ errors: [{ message: MESSAGES.unavailable, extensions: { code: 'SOURCE_UNAVAILABLE', requestId: expect.any(String) } }] });
    });

    it('answers 503 when the JWKS endpoint returns HTTP 500', async () => {
      const router = await startRouterWith({ IVO_TOKEN_JWKS_URL: `${jwksBaseUrl}/trasig.json` });
      const { alg, kid, privateKey } = keyPairs[0]!;

      const response = await postToRouter(router.url, JAG_QUERY, undefined, { authorization: `Bearer ${await signCallerToken({ issuer: OTHER_ISSUER }, privateKey, alg, kid)}` });

      // The token may be valid. The key set did not load, so the caller should retry rather than log in again.
      expect(response.status).toBe(503);
      expect(response.body).toEqual({ errors: [{ message: MESSAGES.unavailable, extensions: { code: 'SOURCE_UNAVAILABLE', requestId: expect.any(String) } }] });
    });
  });
});

describe('access context cache', () => {
  // The role changes below write to the reporter register, so they run on a copy of the seeded
  // data set, with an audit database of its own because other test files write to the shared one.
  let dataSet: TestDataSetCopy;
  let copy: Stack;
  let usersDatabase: Database<UsersDatabase>;
  const rapportorRoleId = 'R-00003';
  const otherAreaUnit = () => firstUnit((unit) => unit.verksamhetsomrade === 'SOL_FUNKTIONSNEDSATTNING' && !unit.skyddatBoende);

  beforeAll(async () => {
    dataSet = await copyDataSet(inject('seededDataSet'));
    copy = await startStack(dataSet);
    usersDatabase = openTestDatabase<UsersDatabase>(dataSet, 'users');
  });

  afterAll(async () => {
    await usersDatabase?.close();
    await copy?.close();
    await dataSet?.remove();
  });

  /** Gives the rapportör's role exactly one area, straight in the reporter register. */
  async function setRapportorArea(area: Verksamhetsomrade): Promise<void> {
    const changed = await usersDatabase.db
      .updateTable('rolltilldelning_omrade')
      .set({ verksamhetsomrade: area })
      .where('rolltilldelning_id', '=', rapportorRoleId)
      .executeTakeFirstOrThrow();
    expect(changed.numUpdatedRows).toBe(1n);
  }

  async function startCopyRouter(config: Config): Promise<RunningRouter> {
    const router = await startRouter(config, { port: 0, subgraphUrls: subgraphUrlsOf(copy), log: createLogger('test', 'silent') });
    onTestFinished(() => router.close());
    return router;
  }

  function queryUnitAddress(router: RunningRouter, authorization: string, unit: TillsynsobjektRecord): Promise<RouterResponse> {
    return postToRouter(router.url, UNIT_ADDRESS_QUERY, { id: unit.id }, { authorization });
  }

  it('keeps the old roles until the identity is invalidated', async () => {
    await setRapportorArea('SOL_IFO');
    const router = await startCopyRouter(copy.config);
    const authorization = await copy.bearerFor(rapportor.id);
    const unit = otherAreaUnit();

    const before = await queryUnitAddress(router, authorization, unit);
    await setRapportorArea('SOL_FUNKTIONSNEDSATTNING');
    const cached = await queryUnitAddress(router, authorization, unit);
    router.accessContexts.invalidate(RAPPORTOR_PERSONNUMMER);
    const afterInvalidation = await queryUnitAddress(router, authorization, unit);

    expect(before.body).toEqual(outsideAreaResponse(unit));
    expect(cached.body).toEqual(outsideAreaResponse(unit));
    expect(afterInvalidation.body).toEqual(addressResponse(unit));
  });

  it('picks up new roles once the TTL has passed', async () => {
    await setRapportorArea('SOL_IFO');
    const config = testConfig(dataSet, { IVO_ACCESS_CONTEXT_TTL_SECONDS: '1' });
    expect(config.accessContextTtlSeconds).toBe(1);
    const router = await startCopyRouter(config);
    const authorization = await copy.bearerFor(rapportor.id);
    const unit = otherAreaUnit();

    const before = await queryUnitAddress(router, authorization, unit);
    await setRapportorArea('SOL_FUNKTIONSNEDSATTNING');
    const withinTtl = await queryUnitAddress(router, authorization, unit);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const afterTtl = await queryUnitAddress(router, authorization, unit);

    expect(before.body).toEqual(outsideAreaResponse(unit));
    expect(withinTtl.body).toEqual(outsideAreaResponse(unit));
    expect(afterTtl.body).toEqual(addressResponse(unit));
  });
});
