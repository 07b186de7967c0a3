import { SUBGRAPH_NAMES } from '../src/subgraph-names.ts';
import type { BenchReport } from './run-benchmark.ts';
import { ROUTER_LABELS } from './variants.ts';

const MIB = 1024 ** 2;

/** Renders a run as Markdown: settings, the bars with pass or fail, and the figures per variant and scenario. */
export function reportMarkdown(report: BenchReport, svgFile: string): string {
  const { settings, machine } = report;
  const lines: string[] = [
    '# Benchmark results',
    '',
    `Run ${report.startedAt}, ${report.durationSeconds.toFixed(0)} s in all, by \`npm run bench\`. Machine: ${machine.cpus} × ${machine.cpuModel}, ${(machine.memoryBytes / 1024 ** 3).toFixed(1)} GiB, Node.js ${machine.node}, ${machine.platform}.`,
    `Settings: ${settings.durationSeconds} s measured after ${settings.warmupSeconds} s warm-up per scenario and variant, ${settings.connections} connections, scales ${settings.scales.join(', ')}.`,
    '',
    `![Throughput and p95 latency per variant](${svgFile})`,
    '',
    '## Bars',
    '',
    '| Bar | Limit | Measured | Result |',
    '|---|---|---|---|',
    ...report.bars.map((bar) => `| ${bar.description} | ${bar.limit} | ${formatBarValue(bar.id, bar.measured)} | ${bar.pass === null ? 'not measured' : bar.pass ? 'pass' : '**fail**'} |`),
    '',
    ...report.bars.flatMap((bar) => (bar.details.length ? [`- \`${bar.id}\`: ${bar.details.join('; ')}`] : [])),
    '',
    '## Figures',
    '',
    'Latency in milliseconds. Time per request: mean milliseconds in each subgraph (care-register, cases, committees, users), in SQL, and the rest of the mean latency (router, network, load generator).',
    '',
    '| Variant | Scenario | req/s | p50 | p95 | p99 | Errors | SQL/req | Router+net | Subgraphs | SQL | Peak RSS (MiB) |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---|',
  ];
  for (const result of report.results) {
    if (result.failure !== null) {
      lines.push(`| ${result.variant} | ${result.scenario} | failed: ${escapeCell(result.failure)} |  |  |  |  |  |  |  |  |  |`);
      continue;
    }
    const time = result.timePerRequestMs;
    const subgraphs = SUBGRAPH_NAMES.map((name) => time.subgraphs[name].toFixed(1)).join(' / ');
    const rss = Object.entries(result.peakRssBytes).map(([label, bytes]) => `${label} ${(bytes / MIB).toFixed(0)}`).join(', ');
    lines.push(
      `| ${result.variant} | ${result.scenario} | ${result.requestsPerSecond.toFixed(1)} | ${result.latencyMs.p50.toFixed(1)} | ${result.latencyMs.p95.toFixed(1)} | ${result.latencyMs.p99.toFixed(1)} | ${result.errors} | ${result.statementsPerRequest.toFixed(1)} | ${time.routerAndNetwork.toFixed(1)} | ${subgraphs} | ${time.sql.toFixed(1)} | ${rss} |`,
    );
  }
  lines.push(
    '',
    '## SQL statements per request by page size',
    '',
    '| Scenario | Scale | Small page | Statements | Full page | Statements |',
    '|---|---:|---:|---:|---:|---:|',
    ...report.statementChecks.map((check) => `| ${check.scenario} | ${check.scale} | ${check.smallPageSize} | ${check.smallPageStatements} | ${check.fullPageSize} | ${check.fullPageStatements} |`),
    '',
    '## Variants and scenarios',
    '',
    ...report.variants.map((variant) => `- \`${variant.id}\`: ${ROUTER_LABELS[variant.router]}, graphql-shield ${variant.shield ? 'on' : 'off'}, scale ${variant.scale}`),
    '',
    ...report.scenarios.map((scenario) => `- \`${scenario.name}\`: ${scenario.description}`),
    '',
  );
  return lines.join('\n');
}

/** Formats a bar's measured value: MiB for memory, a ratio for the others. */
export function formatBarValue(id: string, value: number | null): string {
  if (value === null) return '–';
  return id === 'stack-peak-rss' ? `${(value / MIB).toFixed(0)} MiB` : `${value.toFixed(2)}x`;
}

function escapeCell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}
