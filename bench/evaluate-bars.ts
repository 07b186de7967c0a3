import type { StatementCheck } from './count-statements.ts';
import type { ScenarioResult } from './run-scenario.ts';
import { SHIPPED_ROUTER } from './variants.ts';

/** One bar of the speed budget, as measured in a run. `pass` is null when the run lacks the figures. */
export interface BarResult {
  id: string;
  description: string;
  limit: string;
  /** The deciding figure: the worst ratio, or the largest value. */
  measured: number | null;
  pass: boolean | null;
  /** The figure per scenario, for the report. */
  details: string[];
}

/** Largest stack memory allowed at scale 1: 1.5 GiB. */
const MAX_STACK_RSS_BYTES = 1.5 * 1024 ** 3;

/** Evaluates the five bars of the speed budget from the results of one run. */
export function evaluateBars(results: readonly ScenarioResult[], checks: readonly StatementCheck[]): BarResult[] {
  const ok = results.filter((result) => result.failure === null);
  const scales = [...new Set(ok.map((result) => result.scale))].sort((a, b) => a - b);
  const baseScale = scales[0];
  const largestScale = scales.at(-1);
  const find = (router: string, shield: boolean, scale: number | undefined, scenario: string) =>
    ok.find((result) => result.router === router && result.shield === shield && result.scale === scale && result.scenario === scenario);
  const shippedBase = ok.filter((result) => result.router === SHIPPED_ROUTER && result.shield && result.scale === baseScale);
  const failedRouters = [...new Set(results.filter((result) => result.failure !== null).map((result) => result.variant))];

  return [
    statementsBar(checks),
    ratioBar({
      id: 'shipped-router-fastest',
      description: 'The shipped router (Hive Gateway with the Rust query planner) has the highest throughput of the routers measured',
      limit: '≥ 1.00x the best other router',
      minimum: 1,
      ratios: shippedBase.map((shipped) => {
        const others = ok.filter((result) => result.scale === baseScale && result.shield && result.scenario === shipped.scenario && result.router !== SHIPPED_ROUTER && result.router !== 'in-process');
        const best = others.reduce<ScenarioResult | undefined>((top, result) => (!top || result.requestsPerSecond > top.requestsPerSecond ? result : top), undefined);
        return best ? { label: `${shipped.scenario} (vs ${best.router})`, value: shipped.requestsPerSecond / best.requestsPerSecond } : null;
      }),
      extra: failedRouters.map((variant) => `${variant}: failed, not compared`),
    }),
    ratioBar({
      id: 'shipped-vs-apollo-gateway',
      description: 'The shipped router reaches at least 3x the throughput of @apollo/gateway on every scenario',
      limit: '≥ 3.00x',
      minimum: 3,
      ratios: shippedBase.map((shipped) => {
        const apollo = find('apollo-gateway', true, baseScale, shipped.scenario);
        return apollo ? { label: shipped.scenario, value: shipped.requestsPerSecond / apollo.requestsPerSecond } : null;
      }),
    }),
    ratioBar({
      id: 'shield-p50-overhead',
      description: 'graphql-shield adds at most 25 % to p50 latency on oppen-lista and placering',
      limit: '≤ 1.25x',
      maximum: 1.25,
      ratios: ['oppen-lista', 'placering'].map((scenario) => {
        const withShield = find(SHIPPED_ROUTER, true, baseScale, scenario);
        const withoutShield = find(SHIPPED_ROUTER, false, baseScale, scenario);
        return withShield && withoutShield ? { label: scenario, value: withShield.latencyMs.p50 / withoutShield.latencyMs.p50 } : null;
      }),
    }),
    ratioBar({
      id: 'scale-p50-growth',
      description: largestScale === baseScale ? 'p50 at the largest scale is at most 1.5x p50 at the smallest (needs two scales)' : `p50 at scale ${largestScale} is at most 1.5x p50 at scale ${baseScale} on every scenario`,
      limit: '≤ 1.50x',
      maximum: 1.5,
      ratios:
        largestScale === baseScale
          ? []
          : shippedBase.map((base) => {
              const large = find(SHIPPED_ROUTER, true, largestScale, base.scenario);
              return large ? { label: base.scenario, value: large.latencyMs.p50 / base.latencyMs.p50 } : null;
            }),
    }),
    stackMemoryBar(shippedBase),
  ];
}

function statementsBar(checks: readonly StatementCheck[]): BarResult {
  const details: string[] = [];
  let worst: number | null = null;
  let pass = checks.length > 0;
  const scales = [...new Set(checks.map((check) => check.scale))].sort((a, b) => a - b);
  for (const check of checks) {
    const ratio = check.fullPageStatements / Math.max(1, check.smallPageStatements);
    worst = Math.max(worst ?? 0, ratio);
    if (check.fullPageStatements > check.smallPageStatements) pass = false;
    details.push(`${check.scenario}, scale ${check.scale}: ${check.smallPageStatements} statements at first: ${check.smallPageSize}, ${check.fullPageStatements} at first: ${check.fullPageSize}`);
  }
  const base = scales[0];
  for (const check of checks.filter((item) => item.scale !== base)) {
    const baseCheck = checks.find((item) => item.scale === base && item.scenario === check.scenario);
    if (!baseCheck) continue;
    const ratio = check.fullPageStatements / Math.max(1, baseCheck.fullPageStatements);
    worst = Math.max(worst ?? 0, ratio);
    if (check.fullPageStatements > baseCheck.fullPageStatements) pass = false;
    details.push(`${check.scenario}: ${baseCheck.fullPageStatements} statements at scale ${base}, ${check.fullPageStatements} at scale ${check.scale}`);
  }
  return {
    id: 'sql-statements-flat',
    description: 'SQL statements per request do not grow with page size or dataset scale',
    limit: '≤ 1.00x',
    measured: worst,
    pass: checks.length > 0 ? pass : null,
    details,
  };
}

function ratioBar(spec: {
  id: string;
  description: string;
  limit: string;
  minimum?: number;
  maximum?: number;
  ratios: ({ label: string; value: number } | null)[];
  extra?: string[];
}): BarResult {
  const ratios = spec.ratios.filter((ratio): ratio is { label: string; value: number } => ratio !== null && Number.isFinite(ratio.value));
  const values = ratios.map((ratio) => ratio.value);
  // A bar with a minimum is judged by its lowest ratio, one with a maximum by its highest.
  const isMinimum = spec.minimum !== undefined;
  let measured: number | null = null;
  if (values.length > 0) measured = isMinimum ? Math.min(...values) : Math.max(...values);
  let pass: boolean | null = null;
  if (measured !== null) pass = isMinimum ? measured >= (spec.minimum as number) : measured <= (spec.maximum ?? Infinity);
  return {
    id: spec.id,
    description: spec.description,
    limit: spec.limit,
    measured,
    pass,
    details: [...ratios.map((ratio) => `${ratio.label}: ${ratio.value.toFixed(2)}x`), ...(spec.extra ?? [])],
  };
}

function stackMemoryBar(shippedBase: readonly ScenarioResult[]): BarResult {
  const totals = shippedBase.map((result) => ({ scenario: result.scenario, bytes: Object.values(result.peakRssBytes).reduce((sum, value) => sum + value, 0) }));
  const measured = totals.length === 0 ? null : Math.max(...totals.map((total) => total.bytes));
  return {
    id: 'stack-peak-rss',
    description: `Peak RSS of the whole stack (router and four subgraphs, summed) stays under 1.5 GiB at scale ${shippedBase[0]?.scale ?? 1}`,
    limit: '< 1536 MiB',
    measured,
    pass: measured === null ? null : measured < MAX_STACK_RSS_BYTES,
    details: totals.map((total) => `${total.scenario}: ${(total.bytes / 1024 ** 2).toFixed(0)} MiB`),
  };
}
