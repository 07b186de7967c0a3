import { formatBarValue } from './report-markdown.ts';
import { SingleBar } from 'cli-progress';
import { BENCH_USAGE, BenchUsageError, parseBenchOptions } from './bench-options.ts';
import { runBenchmark } from './run-benchmark.ts';
import { writeReport } from './write-report.ts';

/** Runs `npm run bench`: parses the flags, runs the benchmark with a progress bar and writes the results. */
async function main(argv: string[]): Promise<void> {
  const options = parseBenchOptions(argv);
  if (!options) {
    console.log(BENCH_USAGE);
    return;
  }

  const bar = options.progress ? new SingleBar({ format: 'mätning [{bar}] {value}/{total} | {label}', stream: process.stderr, hideCursor: true }) : null;
  bar?.start(1, 0, { label: 'startar' });
  const report = await runBenchmark(options, (done, total, label) => {
    bar?.setTotal(total);
    bar?.update(done, { label });
  }).finally(() => bar?.stop());

  const written = writeReport(report, options.outputDir);
  for (const result of report.results) {
    console.log(result.failure ? `${result.variant} ${result.scenario}: misslyckades: ${result.failure}` : `${result.variant} ${result.scenario}: ${result.requestsPerSecond.toFixed(1)} req/s, p50 ${result.latencyMs.p50.toFixed(1)} ms, p95 ${result.latencyMs.p95.toFixed(1)} ms, ${result.errors} fel, ${result.statementsPerRequest.toFixed(1)} SQL/begäran`);
  }
  for (const item of report.bars) console.log(`${item.pass === null ? 'ej mätt' : item.pass ? 'OK    ' : 'EJ OK '} ${item.id}: ${formatBarValue(item.id, item.measured)} (${item.limit})`);
  console.log(`Resultat: ${written.markdown}, ${written.json}, ${written.svg}`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof BenchUsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
    console.error(`${error.message}\n\n${BENCH_USAGE}`);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
