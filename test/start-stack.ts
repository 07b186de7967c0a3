import { loadConfig, type Config } from '../src/config/load-config.ts';
import { loadSubgraphModule } from '../src/cli/subgraph-modules.ts';
import { createLogger } from '../src/log/create-logger.ts';
import type { StatementRecord } from '../src/db/statement-log.ts';
import { startSubgraph, type RunningSubgraph } from '../src/subgraph/start-subgraph.ts';
import { SUBGRAPH_NAMES, type SubgraphName } from '../src/subgraph-names.ts';
import { startRouter } from '../router/start-router.ts';

/** A GraphQL response as the tests read it. */
export interface GraphqlResponse<Data = any> {
  data?: Data;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** The whole graph running in the test process on free loopback ports. */
export interface Stack {
  config: Config;
  routerUrl: string;
  subgraphs: Record<SubgraphName, RunningSubgraph>;
  /** Sends an operation through the router. */
  query<Data = any>(query: string, variables?: Record<string, unknown>): Promise<GraphqlResponse<Data>>;
  /** Sends an operation straight to one subgraph. */
  querySubgraph<Data = any>(name: SubgraphName, query: string, variables?: Record<string, unknown>): Promise<GraphqlResponse<Data>>;
  /** Runs `action` and returns the SQL statements every subgraph sent meanwhile, by subgraph. */
  recordStatements(action: () => Promise<unknown>): Promise<Record<SubgraphName, StatementRecord[]>>;
  close(): Promise<void>;
}

/** Starts the four subgraphs and the router over a seeded data folder. */
export async function startStack(dataDir: string): Promise<Stack> {
  const config = loadConfig({ IVO_DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const log = createLogger('test', 'silent');
  const subgraphs = {} as Record<SubgraphName, RunningSubgraph>;
  for (const name of SUBGRAPH_NAMES) {
    subgraphs[name] = await startSubgraph(await loadSubgraphModule(name), config, { port: 0, log });
  }
  const subgraphUrls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, subgraphs[name].url])) as Record<SubgraphName, string>;
  const router = await startRouter(config, { port: 0, subgraphUrls, log });

  return {
    config,
    routerUrl: router.url,
    subgraphs,
    query: (query, variables) => postGraphql(router.url, query, variables),
    querySubgraph: (name, query, variables) => postGraphql(subgraphs[name].url, query, variables),
    recordStatements: async (action) => {
      for (const name of SUBGRAPH_NAMES) subgraphs[name].database.statements.startRecording();
      const stopAll = () =>
        Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, subgraphs[name].database.statements.stopRecording()])) as Record<SubgraphName, StatementRecord[]>;
      try {
        await action();
      } catch (error) {
        stopAll();
        throw error;
      }
      return stopAll();
    },
    close: async () => {
      await router.close();
      for (const name of SUBGRAPH_NAMES) await subgraphs[name].close();
    },
  };
}

/** Posts a GraphQL operation and returns the parsed JSON body; fails on a body that is not JSON. */
export async function postGraphql<Data = any>(url: string, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<GraphqlResponse<Data>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  try {
    return JSON.parse(text) as GraphqlResponse<Data>;
  } catch {
    throw new Error(`Expected a JSON body from ${url}, got HTTP ${response.status}: ${text.slice(0, 200)}`);
  }
}
