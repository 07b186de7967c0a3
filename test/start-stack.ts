import type { Config } from '../src/config/load-config.ts';
import { testConfig, type TestDataSet } from './test-data-set.ts';
import { loadSubgraphModule } from '../src/cli/subgraph-modules.ts';
import type { DestinationStream } from 'pino';
import { createLogger } from '../src/log/create-logger.ts';
import type { StatementRecord } from '../src/db/statement-log.ts';
import { startSubgraph, type RunningSubgraph } from '../src/subgraph/start-subgraph.ts';
import { SUBGRAPH_NAMES, type SubgraphName } from '../src/subgraph-names.ts';
import { startRouter } from '../router/start-router.ts';
import { ANONYMOUS_ACCESS, type AccessContext } from '../src/access/access-context.ts';
import { loadInternalPrivateKey } from '../src/access/internal-keys.ts';
import { signInternalToken } from '../src/access/internal-token.ts';
import { openDatabase } from '../src/db/open-database.ts';
import { issueDevToken } from '../src/dev-idp/issue-dev-token.ts';

/** A GraphQL response as the tests read it. */
export interface GraphqlResponse<Data = any> {
  data?: Data;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** The whole graph running in the test process on free loopback ports. */
export interface Stack {
  config: Config;
  routerUrl: string;
  routerMetricsUrl: string;
  subgraphs: Record<SubgraphName, RunningSubgraph>;
  /** Sends an operation through the router, anonymously or with a development token for a seeded user. */
  query<Data = any>(query: string, variables?: Record<string, unknown>, asUser?: string): Promise<GraphqlResponse<Data>>;
  /** Returns the Authorization header value of a seeded user, by user id. */
  bearerFor(userId: string): Promise<string>;
  /** Sends an operation straight to one subgraph with a valid internal token for an access context (anonymous by default). */
  querySubgraph<Data = any>(name: SubgraphName, query: string, variables?: Record<string, unknown>, access?: AccessContext): Promise<GraphqlResponse<Data>>;
  /** Runs `action` and returns the SQL statements every subgraph sent meanwhile, by subgraph. */
  recordStatements(action: () => Promise<unknown>): Promise<Record<SubgraphName, StatementRecord[]>>;
  close(): Promise<void>;
}

/**
 * Settings every test stack starts with: no rate limit and no response cache, since most suites
 * send many anonymous requests and count SQL statements. Suites about them turn them on.
 */
const TEST_ROUTER_ENV = { IVO_RATE_LIMIT_REQUESTS: '0', IVO_RESPONSE_CACHE: 'false' };

/**
 * Starts the four subgraphs and the router over a seeded data set; `env` adds or overrides
 * configuration. With `logDestination`, each server logs at info level to that stream under its
 * own component name, so a test can read the lines.
 */
export async function startStack(dataSet: TestDataSet, options: { env?: Record<string, string>; logDestination?: DestinationStream } = {}): Promise<Stack> {
  const config = testConfig(dataSet, { ...TEST_ROUTER_ENV, ...options.env, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const log = createLogger('test', (process.env.TEST_LOG_LEVEL ?? 'silent') as 'silent');
  const logOf = (component: string) => (options.logDestination ? createLogger(component, 'info', options.logDestination) : log);
  const subgraphs = {} as Record<SubgraphName, RunningSubgraph>;
  for (const name of SUBGRAPH_NAMES) {
    subgraphs[name] = await startSubgraph(await loadSubgraphModule(name), config, { port: 0, log: logOf(`subgraph-${name}`) });
  }
  const subgraphUrls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, subgraphs[name].url])) as Record<SubgraphName, string>;
  const router = await startRouter(config, { port: 0, subgraphUrls, log: logOf('router') });
  const identities = await readLoginIdentities(config.databaseUrls.users);
  const bearerFor = async (userId: string) => {
    const identity = identities.get(userId);
    if (!identity) throw new Error(`No seeded user ${userId}`);
    return `Bearer ${await issueDevToken(config, identity)}`;
  };

  return {
    config,
    routerUrl: router.url,
    routerMetricsUrl: router.metricsUrl,
    subgraphs,
    query: async (query, variables, asUser) => postGraphql(router.url, query, variables, asUser ? { authorization: await bearerFor(asUser) } : {}),
    bearerFor,
    querySubgraph: async (name, query, variables, access = ANONYMOUS_ACCESS) =>
      postGraphql(subgraphs[name].url, query, variables, {
        authorization: `Bearer ${await signInternalToken(loadInternalPrivateKey(config), name, { access, purpose: null })}`,
      }),
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

/** Reads each seeded user's login identity (personnummer or HSA-id) from the reporter register. */
async function readLoginIdentities(usersDatabaseUrl: string): Promise<Map<string, string>> {
  const database = openDatabase<{ anvandare: { id: string; personnummer: string | null; hsa_id: string | null } }>(usersDatabaseUrl);
  try {
    const rows = await database.db.selectFrom('anvandare').select(['id', 'personnummer', 'hsa_id']).execute();
    return new Map(rows.map((row) => [row.id, (row.personnummer ?? row.hsa_id) as string]));
  } finally {
    await database.close();
  }
}
