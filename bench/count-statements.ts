import type { SubgraphName } from '../src/subgraph-names.ts';
import { readCounters, subtractCounters } from './read-counters.ts';
import { checkResponse, scenarioRequest } from './run-scenario.ts';
import type { Scenario } from './scenarios.ts';

/** SQL statements of one request of a scenario at a small and at its full page size. */
export interface StatementCheck {
  scenario: Scenario['name'];
  scale: number;
  smallPageSize: number;
  fullPageSize: number;
  smallPageStatements: number;
  fullPageStatements: number;
}

/**
 * Sends a scenario once at a small page size and once at its own, with no other load, and counts
 * the SQL statements each request caused in all subgraphs together. The access context is looked
 * up first, so its statement is not counted.
 */
export async function countStatements(scenario: Scenario, scale: number, routerUrl: string, token: string | null, countersUrl: (name: SubgraphName) => string): Promise<StatementCheck> {
  const fullPageSize = scenario.variables[scenario.pageSize.variable] as number;
  const count = async (pageSize: number) => {
    const request = scenarioRequest(scenario, token, { ...scenario.variables, [scenario.pageSize.variable]: pageSize });
    await checkResponse(scenario, routerUrl, request);
    const before = await readCounters(countersUrl);
    await checkResponse(scenario, routerUrl, request);
    const diff = subtractCounters(await readCounters(countersUrl), before);
    return Object.values(diff).reduce((sum, value) => sum + value.statements, 0);
  };
  return {
    scenario: scenario.name,
    scale,
    smallPageSize: scenario.pageSize.small,
    fullPageSize,
    smallPageStatements: await count(scenario.pageSize.small),
    fullPageStatements: await count(fullPageSize),
  };
}
