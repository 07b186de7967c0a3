import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tokenCommand } from '../src/cli/token-command.ts';
import { seedDatabases } from '../src/cli/seed-databases.ts';
import { loadConfig, subgraphVariablePrefix } from '../src/config/load-config.ts';
import { SUBGRAPH_NAMES, type SubgraphName } from '../src/subgraph-names.ts';
import type { BenchOptions } from './bench-options.ts';
import { countStatements, type StatementCheck } from './count-statements.ts';
import { evaluateBars, type BarResult } from './evaluate-bars.ts';
import { launchProcess, stopProcess, waitUntilReady, type LaunchedProcess } from './launch-process.ts';
import { failedResult, runScenario, type ScenarioResult } from './run-scenario.ts';
import { buildScenarios, type Scenario } from './scenarios.ts';
import { buildVariants, SHIPPED_ROUTER, type Variant } from './variants.ts';

const SUBGRAPH_MAIN = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const ROUTER_VARIANT_MAIN = fileURLToPath(new URL('./router-variant-main.ts', import.meta.url));

/** Everything one run measured, as written to the JSON file. */
export interface BenchReport {
  startedAt: string;
  durationSeconds: number;
  settings: BenchOptions;
  machine: { cpus: number; cpuModel: string; memoryBytes: number; node: string; platform: string };
  scenarios: { name: Scenario['name']; description: string; user: string | null; variables: Record<string, unknown> }[];
  variants: Variant[];
  results: ScenarioResult[];
  statementChecks: StatementCheck[];
  bars: BarResult[];
}

/** Reports each finished step: what was just measured, and how many steps there are in all. */
export type ProgressListener = (done: number, total: number, label: string) => void;

/**
 * Runs the benchmark. For each scale it seeds (or reuses) the data folder and starts the four
 * subgraphs with benchmark counters, once with graphql-shield and, when requested, once without.
 * Then it starts each router variant in turn and runs every scenario against it.
 */
export async function runBenchmark(options: BenchOptions, onProgress: ProgressListener = () => {}): Promise<BenchReport> {
  const started = Date.now();
  const scenarios = buildScenarios(new Date()).filter((scenario) => options.scenarios.includes(scenario.name));
  const variants = buildVariants(options.routers, options.scales, options.withoutShield);
  const total = variants.length * scenarios.length;
  const results: ScenarioResult[] = [];
  const statementChecks: StatementCheck[] = [];
  let done = 0;

  for (const scale of [...options.scales].sort((a, b) => a - b)) {
    const env = stackEnvironment(options, scale);
    const config = loadConfig({ ...process.env, ...env });
    onProgress(done, total, `seeding scale ${scale}`);
    await seedDatabases(config, { scale, force: false });
    const tokens = new Map<string | null, string | null>([[null, null]]);
    for (const scenario of scenarios) if (scenario.user && !tokens.has(scenario.user)) tokens.set(scenario.user, await tokenCommand(config, scenario.user));

    for (const shield of [true, false]) {
      const group = variants.filter((variant) => variant.scale === scale && variant.shield === shield);
      if (group.length === 0) continue;
      const shieldEnv = { ...env, IVO_BENCHMARK_DISABLE_SHIELD: shield ? '0' : '1' };
      onProgress(done, total, `starting subgraphs, scale ${scale}${shield ? '' : ', without shield'}`);
      const subgraphs = await startSubgraphs(options, shieldEnv);
      try {
        for (const variant of group) {
          onProgress(done, total, `starting ${variant.id}`);
          const router = launchProcess(variant.router, ROUTER_VARIANT_MAIN, [variant.router, String(options.port + 5)], { ...shieldEnv, APOLLO_TELEMETRY_DISABLED: '1' });
          const inProcess = variant.router === 'in-process';
          const countersUrl = (name: SubgraphName) =>
            inProcess ? `http://127.0.0.1:${options.port + 5}/benchmark/counters/${name}` : `http://127.0.0.1:${config.subgraphPorts[name]}/benchmark/counters`;
          const processes: Record<string, number> = { router: router.child.pid ?? 0 };
          if (!inProcess) for (const [name, launched] of subgraphs) processes[name] = launched.child.pid ?? 0;
          const routerUrl = `http://127.0.0.1:${options.port}/graphql`;
          try {
            await waitUntilReady(router, `http://127.0.0.1:${options.port}/health/ready`);
            if (variant.router === SHIPPED_ROUTER && variant.shield) {
              for (const scenario of scenarios) statementChecks.push(await countStatements(scenario, scale, routerUrl, tokens.get(scenario.user) ?? null, countersUrl));
            }
            for (const scenario of scenarios) {
              onProgress(done, total, `${variant.id} ${scenario.name}`);
              try {
                const target = { variant, routerUrl, countersUrl, processes, token: tokens.get(scenario.user) ?? null, ...options };
                results.push(await runScenario(scenario, target));
              } catch (error) {
                results.push(failedResult(scenario, variant, error));
              }
              onProgress(++done, total, `${variant.id} ${scenario.name}`);
            }
          } catch (error) {
            // A variant that does not start fails all its scenarios; the run goes on with the next.
            for (const scenario of scenarios) if (!results.some((result) => result.variant === variant.id && result.scenario === scenario.name)) {
              results.push(failedResult(scenario, variant, error));
              onProgress(++done, total, `${variant.id} failed`);
            }
          } finally {
            await stopProcess(router);
          }
        }
      } finally {
        await Promise.all([...subgraphs.values()].map((launched) => stopProcess(launched)));
      }
    }
  }

  const cpus = os.cpus();
  return {
    startedAt: new Date(started).toISOString(),
    durationSeconds: (Date.now() - started) / 1000,
    // Folders relative to the working folder, so a committed report names no path of the machine.
    settings: { ...options, dataDir: path.relative(process.cwd(), options.dataDir) || '.', outputDir: path.relative(process.cwd(), options.outputDir) || '.' },
    machine: { cpus: cpus.length, cpuModel: cpus[0]?.model ?? 'unknown', memoryBytes: os.totalmem(), node: process.version, platform: `${os.platform()} ${os.release()}` },
    scenarios: scenarios.map(({ name, description, user, variables }) => ({ name, description, user, variables })),
    variants,
    results,
    statementChecks,
    bars: evaluateBars(results, statementChecks),
  };
}

/** Builds the environment of one scale's processes: its own data folder, loopback ports and the counters. */
function stackEnvironment(options: BenchOptions, scale: number): Record<string, string> {
  const env: Record<string, string> = {
    IVO_HOST: '127.0.0.1',
    IVO_DATA_DIR: path.join(options.dataDir, `bench-scale-${scale}`),
    IVO_SEED_SCALE: String(scale),
    IVO_ROUTER_PORT: String(options.port),
    IVO_BENCHMARK_COUNTERS: '1',
    // The load generator repeats one request from one address: the rate limit would reject most of
    // it, and the anonymous response cache would respond without the subgraphs. Both are measured
    // apart from the graph's own work, so they are off here.
    IVO_RATE_LIMIT_REQUESTS: '0',
    IVO_RESPONSE_CACHE: 'false',
    LOG_LEVEL: 'error',
    NODE_ENV: 'development',
  };
  SUBGRAPH_NAMES.forEach((name, index) => (env[`${subgraphVariablePrefix(name)}_PORT`] = String(options.port + 1 + index)));
  // Metrics listeners next to the benchmark's own ports, so a running `npm start` does not collide.
  env.IVO_ROUTER_METRICS_PORT = String(options.port + 10);
  SUBGRAPH_NAMES.forEach((name, index) => (env[`${subgraphVariablePrefix(name)}_METRICS_PORT`] = String(options.port + 11 + index)));
  return env;
}

async function startSubgraphs(options: BenchOptions, env: Record<string, string>): Promise<Map<SubgraphName, LaunchedProcess>> {
  const launched = new Map<SubgraphName, LaunchedProcess>();
  for (const name of SUBGRAPH_NAMES) launched.set(name, launchProcess(name, SUBGRAPH_MAIN, ['subgraph', name], env));
  try {
    await Promise.all(SUBGRAPH_NAMES.map((name, index) => waitUntilReady(launched.get(name)!, `http://127.0.0.1:${options.port + 1 + index}/health/ready`)));
  } catch (error) {
    await Promise.all([...launched.values()].map((process) => stopProcess(process)));
    throw error;
  }
  return launched;
}
