import { createPublicKey } from 'node:crypto';
import http from 'node:http';
import { exportJWK } from 'jose';
import type { Config } from '../config/load-config.ts';
import type { Logger } from '../log/create-logger.ts';
import { urlHost } from '../config/url-host.ts';
import { listen } from '../net/listen.ts';
import { devIdentityProviderKeys } from './dev-idp-keys.ts';
import { issueDevToken } from './issue-dev-token.ts';
import { DevIdentityProviderInProductionError } from './production-error.ts';

export { DevIdentityProviderInProductionError };
import { readSeededUsers } from './read-seeded-users.ts';

/** Users the identity provider lists for GraphiQL's user picker. */
const LISTED_USERS = 60;

/** A running development identity provider. */
export interface RunningDevIdentityProvider {
  url: string;
  close(): Promise<void>;
}


/**
 * Starts the development identity provider: it issues tokens for seeded users the way IVO's
 * identification service does for BankID and SITHS logins.
 * - `GET /anvandare`: seeded users to pick from, fixed users first;
 * - `GET /token?anvandare=A-00003` or `?identitet=<personnummer or HSA-id>`: a token;
 * - `GET /.well-known/jwks.json`: its public key.
 * Browsers on the router's GraphiQL page call it, so it allows cross-origin GET requests from
 * the router's origin alone: any other page open in a developer's browser gets no token.
 */
export async function startDevIdentityProvider(config: Config, log: Logger, port = config.devIdentityProviderPort): Promise<RunningDevIdentityProvider> {
  if (config.production) throw new DevIdentityProviderInProductionError();
  const users = await readSeededUsers(config.databaseUrls.users, LISTED_USERS);
  const allIdentities = new Map(users.map((user) => [user.id, user.identitet]));
  const routerOrigins = new Set([urlHost(config.host), 'localhost', '127.0.0.1', '[::1]'].map((host) => `http://${host}:${config.routerPort}`));
  const allowedOrigin = (request: http.IncomingMessage) => (request.headers.origin && routerOrigins.has(request.headers.origin) ? request.headers.origin : null);

  const server = http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      log.error({ err: error }, 'development identity provider request failed');
      send(response, null, 500, { fel: 'Ett oväntat fel inträffade.' });
    });
  });

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://dev-idp');
    const origin = allowedOrigin(request);
    if (request.method !== 'GET') return send(response, origin, 405, { fel: 'Bara GET stöds.' });
    if (url.pathname === '/anvandare') return send(response, origin, 200, users.map(({ id, namn, roller }) => ({ id, namn, roller })));
    if (url.pathname === '/.well-known/jwks.json') {
      const jwk = await exportJWK(createPublicKey(devIdentityProviderKeys(config).publicKeyPem));
      return send(response, origin, 200, { keys: [{ ...jwk, alg: 'EdDSA', use: 'sig' }] });
    }
    if (url.pathname === '/token') {
      const userId = url.searchParams.get('anvandare');
      const identity = userId ? (allIdentities.get(userId) ?? (await lookUpIdentity(userId))) : url.searchParams.get('identitet');
      if (!identity) return send(response, origin, 404, { fel: `Ingen seedad användare med id ${userId ?? '(saknas)'}. Ange anvandare=<id> eller identitet=<personnummer>.` });
      return send(response, origin, 200, { token: await issueDevToken(config, identity) });
    }
    send(response, origin, 404, { fel: 'Okänd sökväg. Använd /anvandare, /token eller /.well-known/jwks.json.' });
  }

  async function lookUpIdentity(userId: string): Promise<string | undefined> {
    const everyone = await readSeededUsers(config.databaseUrls.users, Number.MAX_SAFE_INTEGER);
    return everyone.find((user) => user.id === userId)?.identitet;
  }

  const url = await listen(server, { host: config.host, port, portVariable: 'IVO_DEV_IDP_PORT' });
  log.info({ url }, 'development identity provider listening');

  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function send(response: http.ServerResponse, origin: string | null, status: number, body: unknown): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    ...(origin ? { 'access-control-allow-origin': origin } : {}),
    vary: 'Origin',
    'cache-control': 'no-store',
  });
  response.end(JSON.stringify(body));
}
