import { describe, expect, it } from 'vitest';
import type { StatementCheck } from './count-statements.ts';
import { evaluateBars } from './evaluate-bars.ts';
import { failedResult, type ScenarioResult } from './run-scenario.ts';
import { buildScenarios } from './scenarios.ts';
import { variantId, type RouterKind } from './variants.ts';

function result(router: RouterKind, shield: boolean, scale: number, scenario: ScenarioResult['scenario'], requestsPerSecond: number, p50: number, rssMiB = 100): ScenarioResult {
  return {
    variant: variantId(router, shield, scale),
    router,
    shield,
    scale,
    scenario,
    failure: null,
    requests: requestsPerSecond * 10,
    requestsPerSecond,
    errors: 0,
    latencyMs: { p50, p95: p50 * 2, p99: p50 * 3, mean: p50 },
    statementsPerRequest: 5,
    timePerRequestMs: { total: p50, routerAndNetwork: p50 / 2, sql: 1, subgraphs: { 'care-register': 1, cases: 1, committees: 1, users: 0 } },
    peakRssBytes: { router: rssMiB * 1024 ** 2, cases: rssMiB * 1024 ** 2 },
  };
}

function check(scenario: StatementCheck['scenario'], scale: number, small: number, full: number): StatementCheck {
  return { scenario, scale, smallPageSize: 5, fullPageSize: 100, smallPageStatements: small, fullPageStatements: full };
}

const passing: ScenarioResult[] = [
  result('hive-router-runtime', true, 1, 'oppen-lista', 300, 10),
  result('hive-gateway', true, 1, 'oppen-lista', 250, 12),
  result('apollo-gateway', true, 1, 'oppen-lista', 90, 30),
  result('in-process', true, 1, 'oppen-lista', 900, 3),
  result('hive-router-runtime', false, 1, 'oppen-lista', 320, 9),
  result('hive-router-runtime', true, 8, 'oppen-lista', 280, 11),
];

function barsById(results: ScenarioResult[], checks: StatementCheck[]) {
  return Object.fromEntries(evaluateBars(results, checks).map((bar) => [bar.id, bar]));
}

describe('evaluateBars', () => {
  it('passes every bar when each ratio is within its limit', () => {
    const bars = barsById(passing, [check('oppen-lista', 1, 5, 5), check('oppen-lista', 8, 5, 5)]);

    expect(Object.fromEntries(Object.entries(bars).map(([id, bar]) => [id, bar.pass]))).toEqual({
      'sql-statements-flat': true,
      'shipped-router-fastest': true,
      'shipped-vs-apollo-gateway': true,
      'shield-p50-overhead': true,
      'scale-p50-growth': true,
      'stack-peak-rss': true,
    });
    expect(bars['shipped-router-fastest']!.measured).toBeCloseTo(1.2);
    expect(bars['shield-p50-overhead']!.measured).toBeCloseTo(10 / 9);
  });

  it('ignores the in-process floor when ranking routers', () => {
    expect(barsById(passing, [])['shipped-router-fastest']!.details).toEqual(['oppen-lista (vs hive-gateway): 1.20x']);
  });

  it('fails statements that grow with page size', () => {
    const bar = barsById(passing, [check('oppen-lista', 1, 5, 7)])['sql-statements-flat']!;

    expect(bar.pass).toBe(false);
    expect(bar.measured).toBeCloseTo(1.4);
  });

  it('fails statements that grow with scale', () => {
    expect(barsById(passing, [check('oppen-lista', 1, 5, 5), check('oppen-lista', 8, 6, 6)])['sql-statements-flat']!.pass).toBe(false);
  });

  it('fails a shipped router below 3x @apollo/gateway', () => {
    const results = passing.map((item) => (item.router === 'apollo-gateway' ? { ...item, requestsPerSecond: 150 } : item));

    const bar = barsById(results, [])['shipped-vs-apollo-gateway']!;

    expect(bar.pass).toBe(false);
    expect(bar.measured).toBeCloseTo(2);
  });

  it('fails p50 that grows more than 1.5x with scale', () => {
    const results = passing.map((item) => (item.scale === 8 ? { ...item, latencyMs: { ...item.latencyMs, p50: 16 } } : item));

    expect(barsById(results, [])['scale-p50-growth']!.pass).toBe(false);
  });

  it('fails a stack of 1.5 GiB or more', () => {
    const results = passing.map((item) => (item.router === 'hive-router-runtime' && item.scale === 1 && item.shield ? { ...item, peakRssBytes: { router: 1024 ** 3, cases: 512 * 1024 ** 2 } } : item));

    expect(barsById(results, [])['stack-peak-rss']!.pass).toBe(false);
  });

  it('leaves a bar open when a variant failed', () => {
    const [scenario] = buildScenarios(new Date('2026-06-30'));
    const results = passing.map((item) => (item.router === 'apollo-gateway' ? failedResult(scenario!, { id: item.variant, router: item.router, shield: true, scale: 1 }, new Error('did not start')) : item));

    const bars = barsById(results, []);

    expect(bars['shipped-vs-apollo-gateway']!.pass).toBeNull();
    expect(bars['shipped-router-fastest']!.details).toContain('apollo-gateway/shield/scale-1: failed, not compared');
  });
});

describe('buildScenarios', () => {
  it('asks placering for cases of the last three years', () => {
    const placering = buildScenarios(new Date('2026-06-30T12:00:00Z')).find((scenario) => scenario.name === 'placering')!;

    expect(placering.variables.inkomFran).toBe('2023-06-30');
  });
});
