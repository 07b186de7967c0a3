import { scrubText } from '../log/scrub-identifiers.ts';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** Upper bounds in seconds of the latency histograms, from a fast entity lookup to the longest allowed subgraph call. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
/** Upper bounds in seconds of the SQL duration histogram; embedded statements mostly take under a millisecond. */
const SQL_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5];

/** Metrics every GraphQL server of the graph records: requests, errors by code and latency per operation. */
export interface GraphqlMetrics {
  registry: Registry;
  /** Requests by operation name and outcome (`ok` or `error`). */
  requests: Counter<'operation' | 'outcome'>;
  /** Errors in responses, one per error, by `extensions.code`. */
  errors: Counter<'code'>;
  requestDuration: Histogram<'operation'>;
  /** Maps a caller's operation name to a label value with bounded cardinality. */
  operationLabel(name: string | null | undefined): string;
}

/** The router's metrics: GraphQL requests, each subgraph call, and the response cache. */
export interface RouterMetrics extends GraphqlMetrics {
  /** Duration of each call to a subgraph, by subgraph and outcome (`ok`, `error`, `unavailable`). */
  subgraphDuration: Histogram<'subgraph' | 'outcome'>;
  /** Responses served from the response cache; incremented by the cache plugin. */
  responseCacheHits: Counter<string>;
  /** Cacheable requests the response cache could not serve. */
  responseCacheMisses: Counter<string>;
}

/** A subgraph's metrics: GraphQL requests and the SQL statements sent to its database. */
export interface SubgraphMetrics extends GraphqlMetrics {
  /** Duration of each SQL statement by outcome (`ok` or `error`); its `_count` is the statement count. */
  sqlDuration: Histogram<'outcome'>;
}

/**
 * Distinct operation names recorded before further new names are counted as `other`. Callers
 * choose operation names freely, and every distinct label value is a time series in Prometheus.
 */
const MAX_OPERATION_LABELS = 200;

/** Creates the router's metrics in a registry of its own, with Node.js process metrics. */
export function createRouterMetrics(): RouterMetrics {
  const base = createGraphqlMetrics();
  return {
    ...base,
    subgraphDuration: new Histogram({
      name: 'ivo_subgraph_request_duration_seconds',
      help: 'Duration of calls from the router to a subgraph, by subgraph and outcome.',
      labelNames: ['subgraph', 'outcome'],
      buckets: LATENCY_BUCKETS,
      registers: [base.registry],
    }),
    responseCacheHits: new Counter({ name: 'ivo_response_cache_hits_total', help: 'Responses served from the response cache.', registers: [base.registry] }),
    responseCacheMisses: new Counter({ name: 'ivo_response_cache_misses_total', help: 'Responses stored in the response cache because it had none for the request.', registers: [base.registry] }),
  };
}

/** Creates a subgraph's metrics in a registry of its own, with Node.js process metrics. */
export function createSubgraphMetrics(): SubgraphMetrics {
  const base = createGraphqlMetrics();
  return {
    ...base,
    sqlDuration: new Histogram({
      name: 'ivo_sql_statement_duration_seconds',
      help: 'Duration of SQL statements sent to the subgraph database, by outcome.',
      labelNames: ['outcome'],
      buckets: SQL_BUCKETS,
      registers: [base.registry],
    }),
  };
}

function createGraphqlMetrics(): GraphqlMetrics {
  // A registry per server, because the tests run the router and all subgraphs in one process.
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const knownOperations = new Set<string>();

  return {
    registry,
    requests: new Counter({ name: 'ivo_graphql_requests_total', help: 'GraphQL requests by operation name and outcome.', labelNames: ['operation', 'outcome'], registers: [registry] }),
    errors: new Counter({ name: 'ivo_graphql_errors_total', help: 'Errors in GraphQL responses by extensions.code.', labelNames: ['code'], registers: [registry] }),
    requestDuration: new Histogram({
      name: 'ivo_graphql_request_duration_seconds',
      help: 'Duration of GraphQL requests by operation name.',
      labelNames: ['operation'],
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    }),
    operationLabel(name) {
      if (!name) return 'anonymous';
      if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)) return 'other';
      // A caller may put a personnummer into a name; a metrics label would keep it for good.
      if (scrubText(name) !== name) return 'other';
      if (knownOperations.has(name)) return name;
      if (knownOperations.size >= MAX_OPERATION_LABELS) return 'other';
      knownOperations.add(name);
      return name;
    },
  };
}
