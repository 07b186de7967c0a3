import { createPublicKey } from 'node:crypto';
import { decodeJwt, importJWK, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEV_TOKEN_ISSUER, type Config } from '../config/load-config.ts';
import { testConfig } from '../../test/test-data-set.ts';
import { createLogger } from '../log/create-logger.ts';
import { FIXED_USER_RECORDS } from '../seed/fixed-users.ts';
import { tokenCommand, TokenCommandError } from '../cli/token-command.ts';
import { devIdentityProviderKeys } from './dev-idp-keys.ts';
import { issueDevToken } from './issue-dev-token.ts';
import { DevIdentityProviderInProductionError } from './production-error.ts';
import { startDevIdentityProvider, type RunningDevIdentityProvider } from './start-dev-identity-provider.ts';

let config: Config;
let provider: RunningDevIdentityProvider;

beforeAll(async () => {
  config = testConfig(inject('seededDataSet'));
  provider = await startDevIdentityProvider(config, createLogger('test', 'silent'), 0);
});

afterAll(async () => {
  await provider?.close();
});

const fixedUser = (id: string) => FIXED_USER_RECORDS.find((user) => user.id === id)!;
const identityOf = (id: string) => {
  const user = fixedUser(id);
  return (user.personnummer ?? user.hsaId) as string;
};

describe('development identity provider', () => {
  it('allows cross-origin reads from the router’s origin alone', async () => {
    const tokenFrom = (origin: string) => fetch(`${provider.url}/token?anvandare=A-00001`, { headers: { origin } });

    const fromRouter = await tokenFrom(`http://localhost:${config.routerPort}`);
    const fromElsewhere = await tokenFrom('http://annan-sida.example');

    expect(fromRouter.headers.get('access-control-allow-origin')).toBe(`http://localhost:${config.routerPort}`);
    expect(fromElsewhere.headers.get('access-control-allow-origin')).toBeNull();
    expect(fromElsewhere.headers.get('vary')).toBe('Origin');
  });

  it('lists the fixed users first', async () => {
    const users = (await (await fetch(`${provider.url}/anvandare`)).json()) as { id: string; namn: string; roller: string[] }[];

    expect(users.slice(0, 6).map((user) => user.id)).toEqual(['A-00001', 'A-00002', 'A-00003', 'A-00004', 'A-00005', 'A-00006']);
    expect(users[2]).toEqual({ id: 'A-00003', namn: fixedUser('A-00003').namn, roller: ['RAPPORTOR N-0001 (SOL_IFO)'] });
    expect(JSON.stringify(users)).not.toContain(identityOf('A-00003'));
  });

  it('issues a token the router’s key verifies', async () => {
    const response = await fetch(`${provider.url}/token?anvandare=A-00005`);
    const { token } = (await response.json()) as { token: string };
    const { payload } = await jwtVerify(token, createPublicKey(devIdentityProviderKeys(config).publicKeyPem), { issuer: DEV_TOKEN_ISSUER, audience: 'ivo-graf' });

    expect(response.status).toBe(200);
    expect(payload.sub).toBe(identityOf('A-00005'));
    expect(Number(payload.exp) - Number(payload.iat)).toBe(8 * 60 * 60);
  });

  it('publishes its key as a JWKS', async () => {
    const jwks = (await (await fetch(`${provider.url}/.well-known/jwks.json`)).json()) as { keys: Record<string, string>[] };
    const token = await issueDevToken(config, identityOf('A-00001'));

    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
    await expect(jwtVerify(token, await importJWK(jwks.keys[0]!, 'EdDSA'))).resolves.toBeDefined();
  });

  it('answers an unknown user with 404 and a Swedish message', async () => {
    const response = await fetch(`${provider.url}/token?anvandare=A-99999`);

    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ fel: 'Ingen seedad användare med id A-99999. Ange anvandare=<id> eller identitet=<personnummer>.' });
  });

  it('refuses to start in production', async () => {
    const production = testConfig(inject('seededDataSet'), { NODE_ENV: 'production', IVO_TOKEN_JWKS_URL: 'http://127.0.0.1:9/jwks', IVO_TOKEN_ISSUER: 'https://idp.test' });

    await expect(startDevIdentityProvider(production, createLogger('test', 'silent'), 0)).rejects.toThrow(DevIdentityProviderInProductionError);
    await expect(issueDevToken(production, identityOf('A-00001'))).rejects.toThrow(DevIdentityProviderInProductionError);
  });
});

describe('token command', () => {
  it('issues a token for a user id', async () => {
    expect(decodeJwt(await tokenCommand(config, 'A-00003')).sub).toBe(identityOf('A-00003'));
  });

  it('issues a token for a unique part of a name', async () => {
    expect(decodeJwt(await tokenCommand(config, 'Ingrid Ivarsson')).sub).toBe(identityOf('A-00001'));
  });

  it('issues a token for a personnummer outside the register', async () => {
    expect(decodeJwt(await tokenCommand(config, '199001012385')).sub).toBe('199001012385');
  });

  it('lists the candidates of an ambiguous name', async () => {
    await expect(tokenCommand(config, 'a')).rejects.toThrow(TokenCommandError);
    await expect(tokenCommand(config, 'a')).rejects.toThrow(/användare matchar "a"; ange id:t:\n {2}A-00001 /);
  });

  it('rejects a name nobody has', async () => {
    await expect(tokenCommand(config, 'Ingen Alls')).rejects.toThrow('Ingen seedad användare heter eller har id "Ingen Alls". Ange ett id som A-00003, en del av ett namn, ett personnummer eller ett HSA-id.');
  });
});
