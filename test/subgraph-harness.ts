import { Kind, parse } from 'graphql';
import type { AccessContext } from '../src/access/access-context.ts';
import { loadInternalPrivateKey } from '../src/access/internal-keys.ts';
import { signInternalToken, type InternalClaims } from '../src/access/internal-token.ts';
import { AUDIT_EXTENSION, type AuditedObject } from '../src/audit/audit-collector.ts';
import { loadSubgraphModule } from '../src/cli/subgraph-modules.ts';
import type { Database } from '../src/db/open-database.ts';
import type { StatementRecord } from '../src/db/statement-log.ts';
import { createLogger } from '../src/log/create-logger.ts';
import { FIXED_USER_RECORDS, FIXED_USERS } from '../src/seed/fixed-users.ts';
import { startSubgraph } from '../src/subgraph/start-subgraph.ts';
import type { SubgraphName } from '../src/subgraph-names.ts';
import { testConfig, type TestDataSet } from './test-data-set.ts';

/** A GraphQL response as the tests read it, with the subgraph's audit extension when present. */
export interface GraphqlResponse<Data = any> {
  data?: Data;
  errors?: { message: string; locations?: unknown[]; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  extensions?: Record<string, unknown>;
}

const ivoHandlaggare = FIXED_USER_RECORDS.find((user) => user.id === FIXED_USERS.ivoHandlaggare)!;

/** The access context of the fixed IVO case officer, who may read every field. */
export const IVO_STAFF_ACCESS: AccessContext = {
  anonymous: false,
  userId: ivoHandlaggare.id,
  roles: [{ roll: ivoHandlaggare.roll, namndId: ivoHandlaggare.namndId, verksamhetsomraden: [...ivoHandlaggare.verksamhetsomraden] }],
};

/** The access context of a caller without a login. */
export const ANONYMOUS_ACCESS: AccessContext = { anonymous: true, userId: null, roles: [] };

/** One subgraph running alone on a free loopback port, queried straight and not through the router. */
export interface SubgraphUnderTest {
  url: string;
  database: Database<unknown>;
  /** Sends an operation with an internal token for IVO staff, so that no field is withheld. */
  query<Data = any>(query: string, variables?: Record<string, unknown>): Promise<GraphqlResponse<Data>>;
  /**
   * Sends an operation with an internal token that carries `access`, signed as the router signs
   * it. The purpose `access-context` marks a call the router makes on its own behalf.
   */
  queryAs<Data = any>(access: AccessContext, query: string, variables?: Record<string, unknown>, purpose?: InternalClaims['purpose']): Promise<GraphqlResponse<Data>>;
  /** Sends an operation with exactly these headers besides the content headers, and returns the HTTP status too. */
  post(query: string, variables: Record<string, unknown> | undefined, headers: Record<string, string>): Promise<{ status: number; body: GraphqlResponse }>;
  /** Runs `action` and returns the SQL statements the subgraph sent meanwhile. */
  recordStatements(action: () => Promise<unknown>): Promise<StatementRecord[]>;
  close(): Promise<void>;
}

/**
 * Starts one subgraph over a seeded data set. The subgraph and the test sign and verify internal
 * tokens with the development key pair that lives in the set's folder.
 */
export async function startSubgraphUnderTest(name: SubgraphName, dataSet: TestDataSet): Promise<SubgraphUnderTest> {
  const config = testConfig(dataSet);
  const running = await startSubgraph(await loadSubgraphModule(name), config, { port: 0, log: createLogger('test', 'silent') });
  const privateKey = loadInternalPrivateKey(config);

  const post = async (query: string, variables: Record<string, unknown> | undefined, headers: Record<string, string>) => {
    const response = await fetch(running.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    try {
      return { status: response.status, body: JSON.parse(text) as GraphqlResponse };
    } catch {
      throw new Error(`Expected a JSON body from ${running.url}, got HTTP ${response.status}: ${text.slice(0, 200)}`);
    }
  };
  const queryAs = async (access: AccessContext, query: string, variables?: Record<string, unknown>, purpose: InternalClaims['purpose'] = null) => {
    const token = await signInternalToken(privateKey, name, { access, purpose });
    return (await post(query, variables, { authorization: `Bearer ${token}` })).body;
  };

  return {
    url: running.url,
    database: running.database,
    query: (query, variables) => queryAs(IVO_STAFF_ACCESS, query, variables),
    queryAs,
    post,
    recordStatements: async (action) => {
      running.database.statements.startRecording();
      try {
        await action();
      } catch (error) {
        // Stopping here keeps a failed test from recording into the next one.
        running.database.statements.stopRecording();
        throw error;
      }
      return running.database.statements.stopRecording();
    },
    close: () => running.close(),
  };
}

/** Builds an `_entities` operation that selects `selection` on entities of type `typename`. */
export function entitiesQuery(typename: string, selection: string): string {
  return `query Entities($representations: [_Any!]!) {
    _entities(representations: $representations) { ... on ${typename} { ${selection} } }
  }`;
}

/**
 * Returns the response with its audit list sorted by type and id. The subgraph lists audited
 * objects in the order their fields resolved, which depends on the order loaders finish.
 */
export function withSortedAudit(response: GraphqlResponse): GraphqlResponse {
  const audit = response.extensions?.[AUDIT_EXTENSION] as AuditedObject[] | undefined;
  if (!audit) return response;
  return { ...response, extensions: { ...response.extensions, [AUDIT_EXTENSION]: sortAudit(audit) } };
}

/** Sorts audited objects by type, then id. */
export function sortAudit(audit: readonly AuditedObject[]): AuditedObject[] {
  return [...audit].sort((a, b) => compareText(a.type, b.type) || compareText(a.id, b.id));
}

/** One object the test expects in a response, with the fields of its type that the audit records. */
export interface ExpectedAuditObject {
  type: string;
  id: string;
  /** The object as the test expects it in `data`, holding exactly the selected fields. */
  node: Record<string, unknown>;
  auditedFields: readonly string[];
  /** Audit entries the resolvers add beyond the field names, such as `arendepart.identitet`. */
  extraFields?: readonly string[];
}

/**
 * Builds the audit list a response should carry: for each object, its audited fields that were
 * selected and have a value, merged per object and sorted as `sortAudit` sorts.
 */
export function expectedAudit(objects: readonly ExpectedAuditObject[]): AuditedObject[] {
  const merged = new Map<string, { type: string; id: string; fields: Set<string> }>();
  for (const object of objects) {
    const key = `${object.type}\u0000${object.id}`;
    const entry = merged.get(key) ?? { type: object.type, id: object.id, fields: new Set<string>() };
    for (const field of object.auditedFields) {
      const value = object.node[field];
      if (value !== null && value !== undefined) entry.fields.add(field);
    }
    for (const field of object.extraFields ?? []) entry.fields.add(field);
    if (entry.fields.size > 0) merged.set(key, entry);
  }
  return sortAudit([...merged.values()].map((entry) => ({ type: entry.type, id: entry.id, fields: [...entry.fields].sort() })));
}

/** Reads the entity types of a subgraph SDL with the fields of each `@key`, by type name. */
export function readEntityKeys(sdl: string): Record<string, string[]> {
  const keys: Record<string, string[]> = {};
  for (const definition of parse(sdl).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    for (const directive of definition.directives ?? []) {
      if (directive.name.value !== 'key') continue;
      const fields = directive.arguments?.find((argument) => argument.name.value === 'fields')?.value;
      if (fields?.kind === Kind.STRING) (keys[definition.name.value] ??= []).push(fields.value);
    }
  }
  return keys;
}

/**
 * Compares two strings by UTF-16 code unit. For text without characters outside the Basic
 * Multilingual Plane, such as the seed's Swedish names, this is the order of SQLite's default
 * binary collation.
 */
export function compareText(a: string, b: string): number {
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}
