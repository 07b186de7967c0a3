import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import http from 'node:http';
import { loadInternalPrivateKey } from '../src/access/internal-keys.ts';
import { AuditStore } from '../src/audit/audit-store.ts';
import { urlHost } from '../src/config/url-host.ts';
import { listen } from '../src/net/listen.ts';
import { devIdentityProviderKeys } from '../src/dev-idp/dev-idp-keys.ts';
import type { Config } from '../src/config/load-config.ts';
import { createLogger, type Logger } from '../src/log/create-logger.ts';
import { SUBGRAPH_NAMES, type SubgraphName } from '../src/subgraph-names.ts';
import { createAccessContextClient, type AccessContextClient } from './access-context-client.ts';
import { authenticateRequest } from './authenticate-request.ts';
import { createCallerTokenVerifier } from './caller-token.ts';
import type { RouterContext } from './audit-plugin.ts';
import { createGateway, type GatewayOverrides } from './create-gateway.ts';
import { createRouterProtection } from './router-protection.ts';
import { explainUnreachableDatabase } from '../src/db/unreachable-database-error.ts';
import { serveGraphiqlAsset } from './graphiql-page.ts';
import { createHealthEndpoints } from './health-endpoints.ts';
import { createRouterMetrics } from '../src/metrics/metrics-registry.ts';
import { startMetricsServer } from '../src/metrics/start-metrics-server.ts';
import { createRequestRecorder } from '../src/log/request-recorder.ts';

/** Listeners one event target may carry in the router before Node warns of a leak. */
const ABORT_LISTENER_LIMIT = 1000;

/** The committed supergraph the router serves. */
export const SUPERGRAPH_FILE = new URL('../schema/supergraph.graphql', import.meta.url).pathname;

/** A router running in this process. */
export interface RunningRouter {
  url: string;
  /** Address of the Prometheus endpoint, on its own port. */
  metricsUrl: string;
  accessContexts: AccessContextClient;
  auditStore: AuditStore;
  close(): Promise<void>;
}

/** Options of `startRouter`; tests pass port 0 and the addresses of subgraphs they started. */
export interface StartRouterOptions {
  port?: number;
  subgraphUrls?: Record<SubgraphName, string>;
  log?: Logger;
  /** Port of the metrics listener; a free one when `port` is 0, as in tests. */
  metricsPort?: number;
  /** Replaced gateway settings, for the benchmark's router variants. */
  gateway?: GatewayOverrides;
}

/** Starts the router: GraphQL and GraphiQL at `/graphql`, health at `/health/live` and `/health/ready`. */
export async function startRouter(config: Config, options: StartRouterOptions = {}): Promise<RunningRouter> {
  // Each subgraph transport of @graphql-tools/executor-http 1.x has one long-lived abort signal,
  // and every call in flight adds a listener to it that goes only when the call's own signal is
  // collected. Node's default limit of 10 then logs false leak warnings under ordinary load, so
  // signals created from here on (the transports among them) get a higher limit.
  setMaxListeners(ABORT_LISTENER_LIMIT);

  const log = options.log ?? createLogger('router', config.logLevel);
  const subgraphUrls =
    options.subgraphUrls ??
    (Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, `http://${urlHost(config.host)}:${config.subgraphPorts[name]}/graphql`])) as Record<SubgraphName, string>);
  const internalPrivateKey = loadInternalPrivateKey(config);
  const auditStore = await AuditStore.open(config.auditDatabaseUrl).catch((error: unknown) => {
    throw explainUnreachableDatabase(error, 'IVO_AUDIT_DATABASE_URL', config.auditDatabaseUrl);
  });
  const verifyCallerToken = createCallerTokenVerifier(config.callerToken, () => devIdentityProviderKeys(config).publicKeyPem);
  const accessContexts = createAccessContextClient({ usersUrl: subgraphUrls.users, privateKey: internalPrivateKey, ttlSeconds: config.accessContextTtlSeconds });
  // Outside production GraphiQL offers the development identity provider's seeded users.
  const devIdentityProviderUrl = config.production ? null : `http://${urlHost(config.host)}:${config.devIdentityProviderPort}`;
  const metrics = createRouterMetrics();
  const recordRequest = createRequestRecorder(log, metrics);
  const protection = await createRouterProtection(config.requestProtection, log, metrics);
  const gateway = createGateway({
    supergraphFile: SUPERGRAPH_FILE,
    subgraphUrls,
    logLevel: config.logLevel,
    internalPrivateKey,
    auditStore,
    log,
    devIdentityProviderUrl,
    accessContexts,
    subgraphTimeoutMs: config.subgraphTimeoutMs,
    metrics,
    recordRequest,
    overrides: options.gateway,
    protection,
    corsOrigins: config.corsOrigins,
  });
  const serveHealth = createHealthEndpoints({ gateway, subgraphUrls, timeoutMs: config.subgraphTimeoutMs, log });

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const pathname = new URL(request.url ?? '/', 'http://router').pathname;
    if (serveGraphiqlAsset(pathname, response)) return;
    if (await serveHealth(pathname, response)) return;
    const startedAt = performance.now();

    // The gateway reuses the request id it finds in the header and returns it to the caller.
    const requestId = typeof request.headers['x-request-id'] === 'string' && /^[A-Za-z0-9._:-]{1,128}$/.test(request.headers['x-request-id']) ? request.headers['x-request-id'] : randomUUID();
    request.headers['x-request-id'] = requestId;

    // The gateway serves GraphQL on any path ending in "graphql" (/x/graphql, //graphql), which
    // would bypass checks keyed on the path, so it receives /graphql and /graphql/ alone.
    if (pathname !== '/graphql' && pathname !== '/graphql/') {
      response.writeHead(404, { 'content-type': 'application/json; charset=utf-8', 'x-request-id': requestId });
      response.end(JSON.stringify({ errors: [{ message: `Sökvägen ${JSON.stringify(pathname.slice(0, 100))} finns inte. GraphQL finns på /graphql.`, extensions: { code: 'NOT_FOUND', requestId } }] }));
      return;
    }

    const authentication = await authenticateRequest(request, verifyCallerToken, accessContexts, log);
    if (!authentication.ok) {
      recordRequest({
        requestId,
        operationName: null,
        clientName: clientNameOf(request),
        durationMs: performance.now() - startedAt,
        status: authentication.status,
        errorCodes: [authentication.code],
      });
      response.writeHead(authentication.status, {
        'content-type': 'application/json; charset=utf-8',
        'x-request-id': requestId,
        ...(authentication.status === 401 ? { 'www-authenticate': 'Bearer error="invalid_token"' } : {}),
      });
      response.end(JSON.stringify({ errors: [{ message: authentication.message, extensions: { code: authentication.code, requestId } }] }));
      return;
    }

    // @whatwg-node/server's request listener merges extra arguments into the server context, which
    // becomes the gateway's GraphQL context; its type declares only the first two.
    const handleWithGateway = gateway.requestListener as unknown as (request: http.IncomingMessage, response: http.ServerResponse, context: Partial<RouterContext>) => Promise<void>;
    await handleWithGateway(request, response, {
      access: authentication.access,
      requestId,
      clientName: clientNameOf(request),
    });
  }

  const server = http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      log.error({ err: error }, 'request failed in the router');
      if (!response.headersSent) {
        response.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
        response.end(JSON.stringify({ errors: [{ message: 'Ett oväntat fel inträffade.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }));
      } else response.end();
    });
  });

  const url = `${await listen(server, { host: config.host, port: options.port ?? config.routerPort, portVariable: 'IVO_ROUTER_PORT' })}/graphql`;
  const metricsServer = await startMetricsServer(metrics.registry, log, {
    host: config.metrics.host,
    port: options.metricsPort ?? (options.port === 0 ? 0 : config.metrics.routerPort),
    portVariable: 'IVO_ROUTER_METRICS_PORT',
  }).catch(async (error: unknown) => {
    server.close();
    throw error;
  });
  log.info({ url, metricsUrl: metricsServer.url }, 'router listening');

  return {
    url,
    metricsUrl: metricsServer.url,
    accessContexts,
    auditStore,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await metricsServer.close();
      await gateway.dispose();
      await protection.close();
      await auditStore.close();
      log.info('router stopped');
    },
  };
}

/** Returns the calling application's name from the client name headers, at most 200 characters. */
function clientNameOf(request: http.IncomingMessage): string | null {
  for (const header of ['graphql-client-name', 'apollographql-client-name', 'x-client-name']) {
    const value = request.headers[header];
    if (typeof value === 'string' && value !== '') return value.slice(0, 200);
  }
  return null;
}
