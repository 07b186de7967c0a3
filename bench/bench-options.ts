import path from 'node:path';
import { parseArgs } from 'node:util';
import { SCENARIO_NAMES, type ScenarioName } from './scenarios.ts';
import { ROUTER_KINDS, type RouterKind } from './variants.ts';

/** Settings of one benchmark run; every one has a flag and a default. */
export interface BenchOptions {
  durationSeconds: number;
  warmupSeconds: number;
  connections: number;
  scales: number[];
  routers: RouterKind[];
  scenarios: ScenarioName[];
  withoutShield: boolean;
  /** First of six loopback ports: router, four subgraphs, and the in-process variant's counters. */
  port: number;
  /** Parent folder of the per-scale data folders (`bench-scale-<n>`). */
  dataDir: string;
  outputDir: string;
  progress: boolean;
}

/** Raised for flags the benchmark cannot use; the message is meant for the user, in Swedish. */
export class BenchUsageError extends Error {}

/** Help text of `npm run bench -- --help`. */
export const BENCH_USAGE = `Användning: npm run bench -- [flaggor]

Startar routern och de fyra subgraferna som egna processer på 127.0.0.1 och mäter varje scenario
med autocannon i en egen process, efter en uppvärmning.

Flaggor:
  --duration <s>       mättid per scenario och variant, sekunder (standard 10)
  --warmup <s>         uppvärmning före varje mätning, sekunder (standard 3)
  --connections <n>    samtidiga anslutningar från lastgeneratorn (standard 8)
  --scales <lista>     seed-skalor, kommaseparerade (standard 1,8); den minsta jämför routrar
  --routers <lista>    ${ROUTER_KINDS.join(', ')} (standard alla)
  --scenarios <lista>  ${SCENARIO_NAMES.join(', ')} (standard alla)
  --no-shield-variant  hoppa över varianten utan graphql-shield
  --port <n>           första av sex portar på 127.0.0.1 (standard 4100)
  --data-dir <mapp>    där datamapparna bench-scale-<n> skapas och återanvänds (standard .data)
  --output <mapp>      där resultaten skrivs (standard bench/results)
  --no-progress        ingen förloppsindikator
  --help               visar den här texten
`;

/** Parses the command line of `npm run bench`; returns null when help was asked for. */
export function parseBenchOptions(argv: string[]): BenchOptions | null {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '3' },
      connections: { type: 'string', default: '8' },
      scales: { type: 'string', default: '1,8' },
      routers: { type: 'string', default: ROUTER_KINDS.join(',') },
      scenarios: { type: 'string', default: SCENARIO_NAMES.join(',') },
      'no-shield-variant': { type: 'boolean', default: false },
      port: { type: 'string', default: '4100' },
      'data-dir': { type: 'string', default: '.data' },
      output: { type: 'string', default: path.join('bench', 'results') },
      'no-progress': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return null;

  return {
    durationSeconds: readInteger(values.duration, '--duration', 1, 3600),
    warmupSeconds: readInteger(values.warmup, '--warmup', 0, 600),
    connections: readInteger(values.connections, '--connections', 1, 1000),
    scales: readList(values.scales, '--scales').map((scale) => readInteger(scale, '--scales', 1, 64)),
    routers: readChoices(values.routers, '--routers', ROUTER_KINDS),
    scenarios: readChoices(values.scenarios, '--scenarios', SCENARIO_NAMES),
    withoutShield: !values['no-shield-variant'],
    port: readInteger(values.port, '--port', 1024, 65530),
    dataDir: path.resolve(values['data-dir']),
    outputDir: path.resolve(values.output),
    progress: !values['no-progress'],
  };
}

function readInteger(value: string, flag: string, minimum: number, maximum: number): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < minimum || number > maximum) throw new BenchUsageError(`${flag} ska vara ett heltal från ${minimum} till ${maximum} (fick "${value}").`);
  return number;
}

function readList(value: string, flag: string): string[] {
  const items = [...new Set(value.split(',').map((item) => item.trim()).filter(Boolean))];
  if (items.length === 0) throw new BenchUsageError(`${flag} ska ha minst ett värde.`);
  return items;
}

function readChoices<Choice extends string>(value: string, flag: string, choices: readonly Choice[]): Choice[] {
  const items = readList(value, flag);
  const unknown = items.filter((item) => !(choices as readonly string[]).includes(item));
  if (unknown.length > 0) throw new BenchUsageError(`${flag}: okänt värde ${unknown.map((item) => `"${item}"`).join(', ')}; välj bland ${choices.join(', ')}.`);
  return items as Choice[];
}
