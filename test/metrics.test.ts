import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startStack, type Stack } from './start-stack.ts';

const UNIT_QUERY = 'query Metrik { tillsynsobjekt(id: "TO-001006") { namn arenden(first: 2) { totalCount } } }';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack(inject('seededDataSet'));
});

afterAll(async () => {
  await stack?.close();
});

async function readMetrics(url: string): Promise<string> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return response.text();
}

/** Returns the value of one sample line, such as `name{label="x"}`, or undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('metrics', () => {
  it('counts requests, errors, subgraph calls and SQL statements', async () => {
    const casesBefore = sample(await readMetrics(stack.subgraphs.cases.metricsUrl), 'ivo_sql_statement_duration_seconds_count{outcome="ok"}') ?? 0;

    const statements = await stack.recordStatements(async () => {
      expect((await stack.query(UNIT_QUERY, {}, 'A-00001')).errors).toBeUndefined();
      expect((await stack.query(UNIT_QUERY, {}, 'A-00003')).errors).toBeUndefined();
      // Anonymous callers may not see cases: one FORBIDDEN error.
      expect((await stack.query(UNIT_QUERY)).errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    });

    const router = await readMetrics(stack.routerMetricsUrl);
    expect(sample(router, 'ivo_graphql_requests_total{operation="Metrik",outcome="ok"}')).toBe(2);
    expect(sample(router, 'ivo_graphql_requests_total{operation="Metrik",outcome="error"}')).toBe(1);
    expect(sample(router, 'ivo_graphql_errors_total{code="FORBIDDEN"}')).toBe(1);
    expect(sample(router, 'ivo_graphql_request_duration_seconds_count{operation="Metrik"}')).toBe(3);
    expect(sample(router, 'ivo_subgraph_request_duration_seconds_count{subgraph="care-register",outcome="ok"}')).toBe(3);
    expect(sample(router, 'ivo_subgraph_request_duration_seconds_count{subgraph="cases",outcome="ok"}')).toBe(2);
    expect(sample(router, 'ivo_subgraph_request_duration_seconds_count{subgraph="cases",outcome="error"}')).toBe(1);
    expect(sample(router, 'ivo_response_cache_hits_total')).toBe(0);
    expect(sample(router, 'ivo_response_cache_misses_total')).toBe(0);
    expect(router).toContain('process_cpu_user_seconds_total');

    const cases = await readMetrics(stack.subgraphs.cases.metricsUrl);
    expect(statements.cases.length).toBeGreaterThan(0);
    expect(sample(cases, 'ivo_sql_statement_duration_seconds_count{outcome="ok"}')).toBe(casesBefore + statements.cases.length);
    expect(sample(cases, 'ivo_graphql_errors_total{code="FORBIDDEN"}')).toBe(1);
  });

  it('serves metrics on their own port only', async () => {
    const origin = new URL(stack.routerUrl).origin;
    expect((await fetch(`${origin}/metrics`)).status).toBe(404);
    expect(new URL(stack.routerMetricsUrl).port).not.toBe(new URL(stack.routerUrl).port);
    expect(new URL(stack.routerMetricsUrl).hostname).toBe('127.0.0.1');
    expect((await fetch(stack.routerMetricsUrl.replace('/metrics', '/graphql'))).status).toBe(404);
  });
});
