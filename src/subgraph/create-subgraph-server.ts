import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { KeyObject } from 'node:crypto';
import { sql } from 'kysely';
import { InternalTokenError, verifyInternalToken, type InternalClaims } from '../access/internal-token.ts';
import { ACCESS_CHANGED_EXTENSION } from '../access/access-changes.ts';
import { AUDIT_EXTENSION, AuditCollector } from '../audit/audit-collector.ts';
import { subgraphVariablePrefix, type BenchmarkSwitches } from '../config/load-config.ts';
import type { Database } from '../db/open-database.ts';
import { listen } from '../net/listen.ts';
import type { Logger } from '../log/create-logger.ts';
import { createSubgraphMetrics } from '../metrics/metrics-registry.ts';
import { startMetricsServer } from '../metrics/start-metrics-server.ts';
import { createRequestRecorder } from '../log/request-recorder.ts';
import { buildGuardedSchema } from './build-guarded-schema.ts';
import { requestSummaryPlugin } from './request-summary-plugin.ts';
import { formatSubgraphError } from './format-error.ts';
import type { SubgraphContext, SubgraphModule } from './subgraph-module.ts';

/** A running subgraph server. */
export interface SubgraphServer {
  url: string;
  /** Address of the Prometheus endpoint, on its own port. */
  metricsUrl: string;
  close(): Promise<void>;
}

/** Largest request body a subgraph reads; the router sends far smaller ones. */
const MAX_BODY_BYTES = 1024 * 1024;
const BODY_TOO_LARGE = Symbol('body too large');

/**
 * Starts the HTTP server of one subgraph: GraphQL at `/graphql`, liveness at `/health/live` and
 * readiness (the database responds) at `/health/ready`, and Prometheus metrics at `/metrics` on a
 * port of its own. Every GraphQL request needs a valid internal token from the router for this
 * subgraph, `_service` and `_entities` included. Anything else gets HTTP 401 and no data. The
 * benchmark switches, which the configuration rejects in production, can turn off graphql-shield
 * and serve `/benchmark/counters`.
 */
export async function createSubgraphServer<Schema, Loaders>(
  module: SubgraphModule<Schema, Loaders>,
  database: Database<Schema>,
  log: Logger,
  options: { host: string; port: number; internalPublicKey: KeyObject; metrics: { host: string; port: number }; benchmark?: BenchmarkSwitches },
): Promise<SubgraphServer> {
  const requestIds = new AsyncLocalStorage<string>();
  const metrics = createSubgraphMetrics();
  database.statements.subscribe((statement) => metrics.sqlDuration.observe({ outcome: statement.failed ? 'error' : 'ok' }, statement.durationMs / 1000));
  const counters = options.benchmark?.exposeCounters ? { requests: 0, busyMs: 0 } : null;
  const apollo = new ApolloServer<SubgraphContext<Schema, Loaders>>({
    schema: buildGuardedSchema(module as SubgraphModule, { shield: !options.benchmark?.disableShield }),
    includeStacktraceInErrorResponses: false,
    // Inline traces are for Apollo's hosted reporting, which this graph does not use.
    plugins: [ApolloServerPluginInlineTraceDisabled(), reportAuditToRouter(), requestSummaryPlugin(createRequestRecorder(log, metrics))],
    formatError: (formatted, error) => formatSubgraphError(log, formatted, error, requestIds.getStore(), module.name),
  });
  await apollo.start();

  const server = http.createServer((request, response) => {
    const requestId = headerValue(request.headers['x-request-id'], REQUEST_ID_PATTERN) ?? randomUUID();
    response.setHeader('x-request-id', requestId);
    const started = performance.now();
    if (counters) response.once('finish', () => countRequest(counters, request.url, started));
    requestIds.run(requestId, () => {
      handleRequest(request, response, requestId).catch((error: unknown) => {
        log.error({ err: error, requestId }, 'request failed outside GraphQL execution');
        if (!response.headersSent) sendJson(response, 500, { errors: [{ message: 'Ett oväntat fel inträffade.', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }] });
        else response.end();
      });
    });
  });

  async function handleRequest(request: http.IncomingMessage, response: http.ServerResponse, requestId: string): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://subgraph');
    if (url.pathname === '/health/live') return sendJson(response, 200, { status: 'ok' });
    if (url.pathname === '/health/ready') return sendReadiness(response);
    if (counters && url.pathname === BENCHMARK_COUNTERS_PATH) {
      return sendJson(response, 200, { ...counters, statements: database.statements.total, sqlMs: database.statements.totalDurationMs });
    }
    if (url.pathname !== '/graphql') return sendJson(response, 404, { error: 'not found' });

    const claims = await verifyCaller(request, requestId);
    if (!claims) {
      return sendJson(response, 401, {
        errors: [{ message: 'Subgrafen tar bara emot anrop från routern med en giltig intern token.', extensions: { code: 'UNAUTHENTICATED', requestId } }],
      });
    }

    const body = request.method === 'POST' ? await readJsonBody(request) : undefined;
    if (body === BODY_TOO_LARGE) {
      log.warn({ requestId, maxBytes: MAX_BODY_BYTES }, 'request body too large');
      return sendJson(response, 413, { errors: [{ message: `Begäran är större än ${MAX_BODY_BYTES} byte.`, extensions: { code: 'BAD_USER_INPUT', requestId } }] });
    }
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }

    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: request.method ?? 'GET', headers, search: url.search, body },
      context: async () => ({
        requestId,
        access: claims.access,
        purpose: claims.purpose,
        audit: new AuditCollector(),
        accessChanges: new Set<string>(),
        database,
        loaders: module.createLoaders(database, claims.access),
        log: log.child({ requestId }),
      }),
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

  async function verifyCaller(request: http.IncomingMessage, requestId: string): Promise<InternalClaims | null> {
    const header = headerValue(request.headers.authorization, BEARER_PATTERN, 8192);
    const token = header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
    if (!token) {
      log.warn({ requestId }, 'request without internal token rejected');
      return null;
    }
    try {
      return await verifyInternalToken(options.internalPublicKey, module.name, token);
    } catch (error) {
      if (!(error instanceof InternalTokenError)) throw error;
      log.warn({ requestId, reason: error.message }, 'internal token rejected');
      return null;
    }
  }

  async function sendReadiness(response: http.ServerResponse): Promise<void> {
    try {
      await sql`select 1`.execute(database.db);
      sendJson(response, 200, { status: 'ready', subgraph: module.name });
    } catch (error) {
      log.warn({ err: error }, 'readiness check failed: database unavailable');
      sendJson(response, 503, { status: 'unavailable', subgraph: module.name, reason: 'database unavailable' });
    }
  }

  const origin = await listen(server, { host: options.host, port: options.port, portVariable: `${subgraphVariablePrefix(module.name)}_PORT` });
  const metricsServer = await startMetricsServer(metrics.registry, log, {
    host: options.metrics.host,
    port: options.metrics.port,
    portVariable: `${subgraphVariablePrefix(module.name)}_METRICS_PORT`,
  }).catch(async (error: unknown) => {
    server.close();
    await apollo.stop();
    throw error;
  });

  return {
    url: `${origin}/graphql`,
    metricsUrl: metricsServer.url,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await metricsServer.close();
      await apollo.stop();
    },
  };
}

/** Path of the benchmark's counters, served only with IVO_BENCHMARK_COUNTERS=1, which loadConfig rejects in production. */
export const BENCHMARK_COUNTERS_PATH = '/benchmark/counters';

/** Request count and time spent on GraphQL requests, from arrival to the last byte sent. */
interface RequestCounters {
  requests: number;
  busyMs: number;
}

function countRequest(counters: RequestCounters, requestUrl: string | undefined, started: number): void {
  if (!requestUrl?.startsWith('/graphql')) return;
  counters.requests += 1;
  counters.busyMs += performance.now() - started;
}

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;
const BEARER_PATTERN = /^Bearer [A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

function headerValue(value: string | string[] | undefined, pattern: RegExp, maxLength = 128): string | undefined {
  const single = Array.isArray(value) ? value[0] : value;
  return single && single.length <= maxLength && pattern.test(single) ? single : undefined;
}

/**
 * Adds to a response's extensions what the router needs besides the data: the restricted data
 * returned, for the audit log, and the identities whose roles changed, for the access cache.
 */
function reportAuditToRouter<Context extends { audit: AuditCollector; accessChanges: Set<string> }>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (!contextValue.audit.isEmpty) result.extensions = { ...result.extensions, [AUDIT_EXTENSION]: contextValue.audit.list() };
          if (contextValue.accessChanges.size > 0) result.extensions = { ...result.extensions, [ACCESS_CHANGED_EXTENSION]: [...contextValue.accessChanges] };
        },
      };
    },
  };
}

function sendJson(response: http.ServerResponse, status: number, body: unknown): void {
  response.statusCode = status;
  response.setHeader('content-type', 'application/json; charset=utf-8');
  response.end(JSON.stringify(body));
}

async function readJsonBody(request: http.IncomingMessage): Promise<unknown | typeof BODY_TOO_LARGE> {
  const chunks: Buffer[] = [];
  let size = 0;
  // The body is read to its end even when too large, because leaving the loop early would destroy
  // the socket before the 413 response is written.
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk as Buffer);
  }
  if (size > MAX_BODY_BYTES) return BODY_TOO_LARGE;
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    // Apollo Server rejects a body that is not JSON with its own 400 error.
    return text;
  }
}
