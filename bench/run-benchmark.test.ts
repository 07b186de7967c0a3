import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { BenchOptions } from './bench-options.ts';
import { runBenchmark, type BenchReport } from './run-benchmark.ts';
import { writeReport } from './write-report.ts';

// Runs the whole harness in its smallest form: one scenario, the shipped router and the
// in-process floor, one second of load on one connection, on the suite's scale-1 data.
describe('benchmark harness', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ivo-graf-bench-'));
  // A copy, so the harness's audit records do not land in the data the other tests read.
  fs.cpSync(inject('seededDataSet').dataDir, path.join(root, 'data', 'bench-scale-1'), { recursive: true });
  const options: BenchOptions = {
    durationSeconds: 1,
    warmupSeconds: 0,
    connections: 1,
    scales: [1],
    routers: ['hive-router-runtime', 'in-process'],
    scenarios: ['oppen-lista'],
    withoutShield: false,
    port: 20_000 + Math.floor(Math.random() * 20_000),
    dataDir: path.join(root, 'data'),
    outputDir: path.join(root, 'results'),
    progress: false,
  };
  let report: BenchReport;

  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('measures each variant without errors', { timeout: 90_000 }, async () => {
    report = await runBenchmark(options);

    expect(report.results.map((result) => [result.variant, result.scenario, result.failure])).toEqual([
      ['hive-router-runtime/shield/scale-1', 'oppen-lista', null],
      ['in-process/shield/scale-1', 'oppen-lista', null],
    ]);
    for (const result of report.results) {
      expect(result.errors).toBe(0);
      expect(result.requests).toBeGreaterThan(0);
      expect(result.requestsPerSecond).toBeGreaterThan(0);
      expect(result.statementsPerRequest).toBeGreaterThan(0);
      expect(result.latencyMs.p50).toBeGreaterThan(0);
      expect(result.latencyMs.p95).toBeGreaterThanOrEqual(result.latencyMs.p50);
      expect(result.latencyMs.p99).toBeGreaterThanOrEqual(result.latencyMs.p95);
      expect(result.timePerRequestMs.subgraphs['care-register']).toBeGreaterThan(0);
      expect(result.peakRssBytes.router).toBeGreaterThan(0);
    }
  });

  it('samples memory of the processes of each variant', () => {
    expect(Object.keys(report.results[0]!.peakRssBytes).sort()).toEqual(['care-register', 'cases', 'committees', 'router', 'users']);
    expect(Object.keys(report.results[1]!.peakRssBytes)).toEqual(['router']);
  });

  it('counts the same statements for a small and a full page', () => {
    expect(report.statementChecks).toHaveLength(1);
    const [check] = report.statementChecks;
    expect(check).toMatchObject({ scenario: 'oppen-lista', scale: 1, smallPageSize: 5, fullPageSize: 100 });
    expect(check!.smallPageStatements).toBeGreaterThan(0);
    expect(check!.fullPageStatements).toBe(check!.smallPageStatements);
  });

  it('evaluates every bar, leaving unmeasured ones open', () => {
    const bars = Object.fromEntries(report.bars.map((bar) => [bar.id, bar.pass]));

    expect(bars).toEqual({
      'sql-statements-flat': true,
      'shipped-router-fastest': null,
      'shipped-vs-apollo-gateway': null,
      'shield-p50-overhead': null,
      'scale-p50-growth': null,
      'stack-peak-rss': true,
    });
  });

  it('writes the report as JSON, Markdown and SVG', () => {
    const written = writeReport(report, options.outputDir);

    expect(JSON.parse(fs.readFileSync(written.json, 'utf8'))).toEqual(JSON.parse(JSON.stringify(report)));
    expect(fs.readFileSync(written.markdown, 'utf8')).toContain('| hive-router-runtime/shield/scale-1 | oppen-lista |');
    expect(fs.readFileSync(written.svg, 'utf8')).toMatch(/^<svg [^>]*>[\s\S]*<\/svg>\n$/);
  });
});
