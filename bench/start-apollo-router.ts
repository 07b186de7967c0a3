import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginUsageReportingDisabled, ApolloServerPluginSchemaReportingDisabled } from '@apollo/server/plugin/disabled';
import { loadInternalPrivateKey } from '../src/access/internal-keys.ts';
import { AuditCollector } from '../src/audit/audit-collector.ts';
import { AuditStore } from '../src/audit/audit-store.ts';
import type { Config } from '../src/config/load-config.ts';
import { urlHost } from '../src/config/url-host.ts';
import { devIdentityProviderKeys } from '../src/dev-idp/dev-idp-keys.ts';
import type { Logger } from '../src/log/create-logger.ts';
import { listen } from '../src/net/listen.ts';
import { SUBGRAPH_NAMES, isSubgraphName, type SubgraphName } from '../src/subgraph-names.ts';
import { createAccessContextClient } from '../router/access-context-client.ts';
import { authenticateRequest } from '../router/authenticate-request.ts';
import { createCallerTokenVerifier } from '../router/caller-token.ts';
import { SUPERGRAPH_FILE } from '../router/start-router.ts';
import { createApolloSubgraphDataSource, type ApolloRouterContext } from './apollo-subgraph-data-source.ts';

/** A benchmark router variant running in this process. */
export interface RunningVariantRouter {
  url: string;
  close(): Promise<void>;
}

/**
 * Starts `@apollo/gateway` over the committed supergraph with the same front door as the shipped
 * router: caller token verification, the access context from the reporter register, an internal
 * token per subgraph request and one audit record per response with restricted data. Apollo's
 * outside telemetry must be off before this module is called (APOLLO_TELEMETRY_DISABLED=1).
 */
export async function startApolloRouter(config: Config, log: Logger): Promise<RunningVariantRouter> {
  if (process.env.APOLLO_TELEMETRY_DISABLED !== '1') throw new Error('APOLLO_TELEMETRY_DISABLED=1 must be set before @apollo/gateway starts, or it sends telemetry to an outside host.');

  const host = urlHost(config.host);
  const subgraphUrls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, `http://${host}:${config.subgraphPorts[name]}/graphql`])) as Record<SubgraphName, string>;
  const internalPrivateKey = loadInternalPrivateKey(config);
  const auditStore = await AuditStore.open(config.auditDatabaseUrl);
  const verifyCallerToken = createCallerTokenVerifier(config.callerToken, () => devIdentityProviderKeys(config).publicKeyPem);
  const accessContexts = createAccessContextClient({ usersUrl: subgraphUrls.users, privateKey: internalPrivateKey, ttlSeconds: config.accessContextTtlSeconds });

  // A static supergraph: the gateway neither polls nor reaches Apollo's uplink.
  const gateway = new ApolloGateway({
    supergraphSdl: fs.readFileSync(SUPERGRAPH_FILE, 'utf8'),
    buildService: ({ name }) => {
      if (!isSubgraphName(name)) throw new Error(`The supergraph names an unknown subgraph "${name}".`);
      return createApolloSubgraphDataSource(name, subgraphUrls[name], internalPrivateKey);
    },
  });
  const apollo = new ApolloServer<ApolloRouterContext>({
    // @apollo/gateway 2.14 implements version 1 of the gateway interface; Apollo Server 5 runs it unchanged.
    gateway: gateway as never,
    plugins: [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginUsageReportingDisabled(), ApolloServerPluginSchemaReportingDisabled(), writeAuditRecord(auditStore, log)],
    includeStacktraceInErrorResponses: false,
  });
  await apollo.start();

  const server = http.createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      log.error({ err: error }, 'request failed in the Apollo Gateway variant');
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://router');
    if (url.pathname === '/health/ready') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"status":"ready"}');
      return;
    }
    const requestId = randomUUID();
    const authentication = await authenticateRequest(request, verifyCallerToken, accessContexts, log);
    if (!authentication.ok) {
      response.writeHead(authentication.status, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify({ errors: [{ message: authentication.message, extensions: { code: authentication.code, requestId } }] }));
      return;
    }

    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(request.headers)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: request.method ?? 'POST', headers, search: url.search, body: chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined },
      context: async () => ({ access: authentication.access, requestId, clientName: null, audit: new AuditCollector() }),
    });
    for (const [name, value] of result.headers) response.setHeader(name, value);
    response.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      response.end(result.body.string);
      return;
    }
    for await (const chunk of result.body.asyncIterator) response.write(chunk);
    response.end();
  }

  const origin = await listen(server, { host: config.host, port: config.routerPort, portVariable: 'IVO_ROUTER_PORT' });
  return {
    url: `${origin}/graphql`,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await apollo.stop();
      await auditStore.close();
    },
  };
}

/** Writes one audit record per response with restricted data, as the shipped router's plugin does. */
function writeAuditRecord(store: AuditStore, log: Logger): ApolloServerPlugin<ApolloRouterContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, operationName }) {
          if (contextValue.audit.isEmpty) return;
          try {
            await store.append({
              recordedAt: new Date().toISOString(),
              userId: contextValue.access.userId,
              roles: contextValue.access.roles,
              operationName: operationName ?? null,
              clientName: contextValue.clientName,
              requestId: contextValue.requestId,
              objects: contextValue.audit.list(),
            });
          } catch (error) {
            // NOTE: unlike the shipped router, this variant does not withhold the data when the
            // record fails; it only has to cost the same write.
            log.error({ err: error, requestId: contextValue.requestId }, 'audit record could not be written');
          }
        },
      };
    },
  };
}
