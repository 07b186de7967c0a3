import type { SubgraphName } from '../src/subgraph-names.ts';
import { collectRss, type PeakRss } from './collect-rss.ts';
import { readCounters, subtractCounters, type SubgraphCounters } from './read-counters.ts';
import { runLoad, type LoadResult } from './run-load.ts';
import type { Scenario } from './scenarios.ts';
import type { Variant } from './variants.ts';

/** The figures of one scenario against one variant. */
export interface ScenarioResult {
  variant: string;
  router: Variant['router'];
  shield: boolean;
  scale: number;
  scenario: Scenario['name'];
  /** Set when the variant could not run the scenario; the figures are then zero. */
  failure: string | null;
  requests: number;
  requestsPerSecond: number;
  errors: number;
  latencyMs: LoadResult['latencyMs'];
  /**
   * SQL statements per request, summed over the subgraphs. NOTE: Hive Gateway merges identical
   * subgraph requests in flight at the same moment, so under load this is below what one request
   * alone needs. `StatementCheck` gives the count of one request.
   */
  statementsPerRequest: number;
  /**
   * Mean time per request in milliseconds: in each subgraph (from arrival to the last byte sent),
   * in SQL (as Kysely timed it), and the rest of the mean latency, which is the router, the
   * network and the load generator. Subgraph requests that run in parallel make the rest smaller
   * than the router's own time.
   */
  timePerRequestMs: { total: number; routerAndNetwork: number; sql: number; subgraphs: Record<SubgraphName, number> };
  /** Peak resident set size per process during the measurement, in bytes. */
  peakRssBytes: PeakRss;
}

/** Settings of one scenario run: the router, the variant's processes and counters, the caller's token and the load. */
export interface ScenarioTarget {
  variant: Variant;
  routerUrl: string;
  countersUrl: (name: SubgraphName) => string;
  processes: Record<string, number>;
  token: string | null;
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
}

/** Builds the HTTP headers and body of a scenario's request. */
export function scenarioRequest(scenario: Scenario, token: string | null, variables = scenario.variables): { headers: Record<string, string>; body: string } {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  return { headers, body: JSON.stringify({ query: scenario.query, variables }) };
}

/**
 * Runs one scenario against a running variant: checks one response, warms up, then measures
 * under load while sampling memory and reading the subgraphs' counters before and after.
 */
export async function runScenario(scenario: Scenario, target: ScenarioTarget): Promise<ScenarioResult> {
  const { variant } = target;
  const request = scenarioRequest(scenario, target.token);
  const load = { url: target.routerUrl, ...request, connections: target.connections, withheldFieldsExpected: scenario.withheldFieldsExpected };

  await checkResponse(scenario, target.routerUrl, request);
  if (target.warmupSeconds > 0) await runLoad({ ...load, durationSeconds: target.warmupSeconds });

  const before = await readCounters(target.countersUrl);
  const memory = collectRss(target.processes);
  const measured = await runLoad({ ...load, durationSeconds: target.durationSeconds });
  const peakRssBytes = memory.stop();
  const counters = subtractCounters(await readCounters(target.countersUrl), before);

  const perRequest = (value: number) => (measured.requests > 0 ? value / measured.requests : 0);
  const all = Object.values(counters) as SubgraphCounters[];
  const subgraphs = Object.fromEntries(Object.entries(counters).map(([name, value]) => [name, perRequest(value.busyMs)])) as Record<SubgraphName, number>;
  const inSubgraphs = Object.values(subgraphs).reduce((sum, value) => sum + value, 0);

  return {
    variant: variant.id,
    router: variant.router,
    shield: variant.shield,
    scale: variant.scale,
    scenario: scenario.name,
    failure: null,
    requests: measured.requests,
    requestsPerSecond: measured.requestsPerSecond,
    errors: measured.errors,
    latencyMs: measured.latencyMs,
    statementsPerRequest: perRequest(all.reduce((sum, value) => sum + value.statements, 0)),
    timePerRequestMs: {
      total: measured.latencyMs.mean,
      routerAndNetwork: Math.max(0, measured.latencyMs.mean - inSubgraphs),
      sql: perRequest(all.reduce((sum, value) => sum + value.sqlMs, 0)),
      subgraphs,
    },
    peakRssBytes,
  };
}

/** Returns a result that records why a variant could not run a scenario. */
export function failedResult(scenario: Scenario, variant: Variant, error: unknown): ScenarioResult {
  return {
    variant: variant.id,
    router: variant.router,
    shield: variant.shield,
    scale: variant.scale,
    scenario: scenario.name,
    failure: error instanceof Error ? error.message.slice(0, 500) : String(error),
    requests: 0,
    requestsPerSecond: 0,
    errors: 0,
    latencyMs: { p50: 0, p95: 0, p99: 0, mean: 0 },
    statementsPerRequest: 0,
    timePerRequestMs: { total: 0, routerAndNetwork: 0, sql: 0, subgraphs: { 'care-register': 0, cases: 0, committees: 0, users: 0 } },
    peakRssBytes: {},
  };
}

/** Sends the scenario once and fails unless the response has data and only expected errors. */
export async function checkResponse(scenario: Scenario, url: string, request: { headers: Record<string, string>; body: string }): Promise<unknown> {
  const response = await fetch(url, { method: 'POST', headers: request.headers, body: request.body });
  const text = await response.text();
  let parsed: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    throw new Error(`${scenario.name}: HTTP ${response.status} with a body that is not JSON: ${text.slice(0, 300)}`);
  }
  const unexpected = (parsed.errors ?? []).filter((error) => !(scenario.withheldFieldsExpected && error.extensions?.code === 'FORBIDDEN'));
  if (!response.ok || parsed.data == null || unexpected.length > 0) {
    throw new Error(`${scenario.name}: HTTP ${response.status}, errors: ${JSON.stringify(unexpected.length ? unexpected : parsed.errors ?? null).slice(0, 400)}`);
  }
  return parsed.data;
}
