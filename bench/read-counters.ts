import { SUBGRAPH_NAMES, type SubgraphName } from '../src/subgraph-names.ts';

/** One subgraph's benchmark counters: GraphQL requests, time in them, SQL statements and time in SQL. */
export interface SubgraphCounters {
  requests: number;
  busyMs: number;
  statements: number;
  sqlMs: number;
}

/** Reads every subgraph's counters; `urlOf` gives the counters address of each. */
export async function readCounters(urlOf: (name: SubgraphName) => string): Promise<Record<SubgraphName, SubgraphCounters>> {
  const entries = await Promise.all(
    SUBGRAPH_NAMES.map(async (name) => {
      const response = await fetch(urlOf(name));
      if (!response.ok) throw new Error(`Counters of ${name} at ${urlOf(name)} failed with HTTP ${response.status}; the subgraph must run with IVO_BENCHMARK_COUNTERS=1.`);
      return [name, (await response.json()) as SubgraphCounters] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<SubgraphName, SubgraphCounters>;
}

/** Returns `after - before` for every counter of every subgraph. */
export function subtractCounters(after: Record<SubgraphName, SubgraphCounters>, before: Record<SubgraphName, SubgraphCounters>): Record<SubgraphName, SubgraphCounters> {
  return Object.fromEntries(
    SUBGRAPH_NAMES.map((name) => [
      name,
      {
        requests: after[name].requests - before[name].requests,
        busyMs: after[name].busyMs - before[name].busyMs,
        statements: after[name].statements - before[name].statements,
        sqlMs: after[name].sqlMs - before[name].sqlMs,
      },
    ]),
  ) as Record<SubgraphName, SubgraphCounters>;
}
