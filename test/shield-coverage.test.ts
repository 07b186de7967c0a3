import { buildSubgraphSchema } from '@apollo/subgraph';
import { sql, type Kysely } from 'kysely';
import { execute, GraphQLObjectType, isObjectType, parse, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from 'vitest';
import type { AccessContext } from '../src/access/access-context.ts';
import { FORBIDDEN_REASONS } from '../src/access/forbidden.ts';
import { loadInternalPrivateKey } from '../src/access/internal-keys.ts';
import { signInternalToken } from '../src/access/internal-token.ts';
import { publicField, safeRule } from '../src/access/shield-rules.ts';
import { AuditCollector } from '../src/audit/audit-collector.ts';
import { loadSubgraphModule } from '../src/cli/subgraph-modules.ts';
import { databaseDialect } from '../src/db/database-dialect.ts';
import { createLogger } from '../src/log/create-logger.ts';
import { FIXED_USER_RECORDS, FIXED_USERS } from '../src/seed/fixed-users.ts';
import { generateWorld } from '../src/seed/generate-world.ts';
import type { TillsynsobjektRecord, World } from '../src/seed/world-types.ts';
import { buildGuardedSchema } from '../src/subgraph/build-guarded-schema.ts';
import { startSubgraph, type RunningSubgraph } from '../src/subgraph/start-subgraph.ts';
import type { SubgraphModule } from '../src/subgraph/subgraph-module.ts';
import { SUBGRAPH_NAMES, type SubgraphName } from '../src/subgraph-names.ts';
import { startStack, type GraphqlResponse, type Stack } from './start-stack.ts';
import { copyDataSet, openTestDatabase, testConfig } from './test-data-set.ts';

let world: World;
let stack: Stack;

beforeAll(async () => {
  world = generateWorld({ scale: 1 });
  stack = await startStack(inject('seededDataSet'));
});

afterAll(async () => {
  await stack?.close();
});

const ivoHandlaggare = FIXED_USER_RECORDS.find((user) => user.id === FIXED_USERS.ivoHandlaggare)!;
const IVO_STAFF_ACCESS: AccessContext = {
  anonymous: false,
  userId: ivoHandlaggare.id,
  roles: [{ roll: ivoHandlaggare.roll, namndId: ivoHandlaggare.namndId, verksamhetsomraden: [...ivoHandlaggare.verksamhetsomraden] }],
};

/** Returns whether a value is a graphql-shield rule or logic rule, which both have a `resolve` method. */
function isShieldRule(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { resolve?: unknown }).resolve === 'function';
}

function buildPlainSchema(module: SubgraphModule): GraphQLSchema {
  return buildSubgraphSchema({ typeDefs: module.typeDefs, resolvers: module.resolvers as never });
}

/** Lists `Type.field` for every field of every object type that has no rule of its own. */
function fieldsWithoutRule(schema: GraphQLSchema, permissions: Record<string, unknown>): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const rules = permissions[type.name];
    for (const field of Object.keys(type.getFields())) {
      // A rule for a whole type does not count, because each field needs a decision of its own.
      const fieldRule = typeof rules === 'object' && rules !== null && !isShieldRule(rules) ? (rules as Record<string, unknown>)[field] : undefined;
      if (!isShieldRule(fieldRule)) missing.push(`${type.name}.${field}`);
    }
  }
  return missing.sort();
}

/** Lists the rules that name a type or field the schema does not have, or a value that is no rule. */
function staleRules(schema: GraphQLSchema, permissions: Record<string, unknown>): string[] {
  const stale: string[] = [];
  for (const [typeName, rules] of Object.entries(permissions)) {
    const type = schema.getType(typeName);
    if (!(type instanceof GraphQLObjectType)) {
      stale.push(typeName);
      continue;
    }
    if (isShieldRule(rules)) continue;
    for (const [field, fieldRule] of Object.entries(rules as Record<string, unknown>)) {
      if (!(field in type.getFields()) || !isShieldRule(fieldRule)) stale.push(`${typeName}.${field}`);
    }
  }
  return stale.sort();
}

describe.each(SUBGRAPH_NAMES)('%s permissions', (name) => {
  it('give every field an explicit rule', async () => {
    const module = await loadSubgraphModule(name);

    const missing = fieldsWithoutRule(buildPlainSchema(module), module.permissions as Record<string, unknown>);

    expect(missing, `fields without a rule in subgraphs/${name}/permissions.ts: ${missing.join(', ')}`).toEqual([]);
  });

  it('name only existing types and fields', async () => {
    const module = await loadSubgraphModule(name);

    const stale = staleRules(buildPlainSchema(module), module.permissions as Record<string, unknown>);

    expect(stale, `rules for missing types or fields in subgraphs/${name}/permissions.ts: ${stale.join(', ')}`).toEqual([]);
  });

  it('audit only existing fields', async () => {
    const module = await loadSubgraphModule(name);
    const schema = buildPlainSchema(module);

    const stale = Object.entries(module.audit).flatMap(([typeName, spec]) => {
      const type = schema.getType(typeName);
      if (!(type instanceof GraphQLObjectType)) return [typeName];
      return spec.fields.filter((field) => !(field in type.getFields())).map((field) => `${typeName}.${field}`);
    });

    expect(stale, `audited fields missing from the schema of ${name}: ${stale.join(', ')}`).toEqual([]);
  });
});

describe('coverage check', () => {
  // These run the checks above on a module with a gap and a stale rule, to show that they can fail.
  const typeDefs = parse('type Query { oppen: String, utanRegel: String }');

  it('lists a field without a rule', () => {
    const schema = buildSubgraphSchema({ typeDefs });

    expect(fieldsWithoutRule(schema, { Query: { oppen: publicField, _service: publicField }, _Service: { sdl: publicField } })).toEqual(['Query.utanRegel']);
  });

  it('lists rules for missing types and fields', () => {
    const schema = buildSubgraphSchema({ typeDefs });

    expect(staleRules(schema, { Query: { oppen: publicField, borttagen: publicField }, Borttagen: { id: publicField } })).toEqual(['Borttagen', 'Query.borttagen']);
  });
});

/** Builds a one-type subgraph module around `Query` fields and their rules, for the shield's fallback paths. */
function syntheticModule(permissions: Record<string, unknown>): SubgraphModule {
  return {
    name: 'committees',
    typeDefs: parse('type Query { oppen: String, utanRegel: String, trasigRegel: String }'),
    resolvers: { Query: { oppen: () => 'öppen', utanRegel: () => 'hemlig', trasigRegel: () => 'hemlig' } },
    migrations: {},
    seed: async () => {},
    createLoaders: () => ({}),
    permissions: permissions as SubgraphModule['permissions'],
    audit: {},
  };
}

async function executeSynthetic(permissions: Record<string, unknown>, query: string) {
  const schema = buildGuardedSchema(syntheticModule(permissions));
  return execute({ schema, document: parse(query), contextValue: { access: IVO_STAFF_ACCESS, purpose: null, audit: new AuditCollector() } });
}

describe('guarded schema', () => {
  it('withholds a field without a rule', async () => {
    const result = await executeSynthetic({ Query: { oppen: publicField, trasigRegel: publicField } }, '{ oppen utanRegel }');

    expect(result.data).toEqual({ oppen: 'öppen', utanRegel: null });
    expect(result.errors?.map((error) => ({ message: error.message, path: error.path, extensions: error.extensions }))).toEqual([
      { message: FORBIDDEN_REASONS.noRule, path: ['utanRegel'], extensions: { code: 'FORBIDDEN', reason: 'noRule' } },
    ]);
  });

  it('does not turn a failing rule into FORBIDDEN', async () => {
    // A rule that reads the database can fail like a resolver does, and that failure is no denial.
    const failingRule = safeRule('trasigRegel', { cache: 'no_cache' }, () => {
      throw new Error('SQLITE_BUSY: database is locked');
    });

    const result = await executeSynthetic({ Query: { oppen: publicField, utanRegel: publicField, trasigRegel: failingRule } }, '{ trasigRegel }');

    expect(result.data).toEqual({ trasigRegel: null });
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]?.path).toEqual(['trasigRegel']);
    expect(result.errors?.[0]?.extensions.code).not.toBe('FORBIDDEN');
    expect(result.errors?.[0]?.message).toBe('SQLITE_BUSY: database is locked');
  });
});

/** A subgraph running on its own copy of one seeded database, so the test may break the database. */
interface BreakableSubgraph {
  running: RunningSubgraph;
  post(query: string, variables: Record<string, unknown> | undefined, requestId: string): Promise<{ status: number; text: string; body: GraphqlResponse }>;
}

async function startBreakableSubgraph(name: SubgraphName, prepare?: (db: Kysely<any>) => Promise<void>): Promise<BreakableSubgraph> {
  const copy = await copyDataSet(inject('seededDataSet'), [name]);
  onTestFinished(() => copy.remove());
  if (prepare) {
    const database = openTestDatabase(copy, name);
    try {
      await prepare(database.db);
    } finally {
      await database.close();
    }
  }
  const config = testConfig(copy);
  const running = await startSubgraph(await loadSubgraphModule(name), config, { port: 0, log: createLogger('test', 'silent') });
  onTestFinished(() => running.close());
  const privateKey = loadInternalPrivateKey(config);

  return {
    running,
    post: async (query, variables, requestId) => {
      const token = await signInternalToken(privateKey, name, { access: IVO_STAFF_ACCESS, purpose: null });
      const response = await fetch(running.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': requestId },
        body: JSON.stringify({ query, variables }),
      });
      const text = await response.text();
      return { status: response.status, text, body: JSON.parse(text) as GraphqlResponse };
    },
  };
}

function maskedMessage(requestId: string): string {
  return `Ett oväntat fel inträffade. Ange begärans id ${requestId} om du kontaktar IVO.`;
}

/** Returns the 1-based line and column of the first `needle` in a one-line operation. */
function locationOf(query: string, needle: string): { line: number; column: number } {
  return { line: 1, column: query.indexOf(needle) + 1 };
}

describe('errors from resolvers and rules', () => {
  it('masks a resolver’s database failure as INTERNAL_SERVER_ERROR', async () => {
    const subgraph = await startBreakableSubgraph('care-register');
    const unit = world.tillsynsobjekt[0]!;
    const query = 'query Enhet($id: ID!) { tillsynsobjekt(id: $id) { id namn } }';
    await subgraph.running.database.close();

    const response = await subgraph.post(query, { id: unit.id }, 'shield-resolver-failure');

    expect(response.body).toEqual({
      data: { tillsynsobjekt: null },
      errors: [
        {
          message: maskedMessage('shield-resolver-failure'),
          locations: [locationOf(query, 'tillsynsobjekt(')],
          path: ['tillsynsobjekt'],
          extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'shield-resolver-failure' },
        },
      ],
    });
    expect(response.text).not.toContain('stacktrace');
    expect(response.text).not.toContain('destroyed');
    expect(response.text).not.toMatch(/\.ts:\d+/);
  });

  it('masks a rule’s database failure as INTERNAL_SERVER_ERROR', async () => {
    // Every read of a whole role row fails, through a column that raises an error when evaluated.
    // On SQLite it is a virtual column over malformed JSON. On PostgreSQL it is a view column that
    // calls a raising function, declared stable so that a query not selecting it skips it.
    // The reporter list does not read that column, but the users' field rule loads whole role rows.
    const subgraph = await startBreakableSubgraph('users', async (db) => {
      if (databaseDialect(db) === 'sqlite') {
        await sql`alter table rolltilldelning add column trasig text as (json_extract('{', '$')) virtual`.execute(db);
        return;
      }
      await sql`create function trasig() returns text stable language plpgsql as $$ begin raise exception 'trasig rad'; end $$`.execute(db);
      await sql`alter table rolltilldelning rename to rolltilldelning_rader`.execute(db);
      await sql`create view rolltilldelning as select *, trasig() as trasig from rolltilldelning_rader`.execute(db);
    });
    const query = 'query Rapportorer { _entities(representations: [{ __typename: "Namnd", id: "N-0001" }]) { ... on Namnd { rapportorer(first: 1) { totalCount edges { node { id } } } } } }';

    const response = await subgraph.post(query, undefined, 'shield-rule-failure');

    expect(response.body).toEqual({
      data: { _entities: [{ rapportorer: null }] },
      errors: [
        {
          message: maskedMessage('shield-rule-failure'),
          locations: [locationOf(query, 'id } }')],
          path: ['_entities', 0, 'rapportorer', 'edges', 0, 'node', 'id'],
          extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'shield-rule-failure' },
        },
      ],
      // The list resolved before its row failed and nulled it, so the audit errs on the side of
      // recording a list the caller did not finally receive.
      extensions: { ivoAudit: [{ type: 'Namnd', id: 'N-0001', fields: ['rapportorer'] }] },
    });
    expect(response.text).not.toContain('malformed JSON');
  });

  it('reports a denial as FORBIDDEN with its reason', async () => {
    const unit = world.tillsynsobjekt.find((candidate) => !candidate.skyddatBoende)!;
    const query = 'query Enhet($id: ID!) { tillsynsobjekt(id: $id) { id adress { gatuadress } } }';

    const response = await stack.querySubgraph('care-register', query, { id: unit.id });

    expect(response).toEqual({
      data: { tillsynsobjekt: { id: unit.id, adress: null } },
      errors: [
        {
          message: FORBIDDEN_REASONS.notLoggedIn,
          locations: [locationOf(query, 'adress')],
          path: ['tillsynsobjekt', 'adress'],
          extensions: { code: 'FORBIDDEN', reason: 'notLoggedIn' },
        },
      ],
    });
  });
});

// Johan Sandberg, rapportör for N-0001 in SOL_IFO only.
const rapportor = FIXED_USER_RECORDS.find((user) => user.id === FIXED_USERS.rapportorGoteborgIfo)!;
const rapportorAccess: AccessContext = {
  anonymous: false,
  userId: rapportor.id,
  roles: [{ roll: rapportor.roll, namndId: rapportor.namndId, verksamhetsomraden: [...rapportor.verksamhetsomraden] }],
};

function compareText(a: string, b: string): number {
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}
const inAreaUnit = () => world.tillsynsobjekt.find((unit) => unit.verksamhetsomrade === 'SOL_IFO' && !unit.skyddatBoende)!;
const outsideUnit = () => world.tillsynsobjekt.find((unit) => unit.verksamhetsomrade === 'LSS' && !unit.skyddatBoende)!;

/** Counts a unit's linked complaint cases, which the rapportör may count in the unit's area. */
function complaintCount(unit: TillsynsobjektRecord): number {
  const linked = new Set(world.kopplingar.filter((link) => link.tillsynsobjektId === unit.id).map((link) => link.diarienummer));
  const complaintCodes = new Set(world.klassificeringar.filter((entry) => entry.arendetyp === 'UPPLYSNING').map((entry) => entry.kod));
  return world.arenden.filter((arende) => linked.has(arende.diarienummer) && arende.inkom >= world.kopplingsgrans && complaintCodes.has(arende.klassificeringKod)).length;
}

/** The error the router returns for a field withheld by a subgraph. */
function forbiddenAt(path: (string | number)[], reason: 'outsideArea' | 'protectedAddress', serviceName: SubgraphName) {
  return { message: FORBIDDEN_REASONS[reason], path, extensions: { code: 'FORBIDDEN', reason, serviceName } };
}

/** Returns the response with its errors sorted by path, list indexes in numeric order. */
function sortedByPath(response: GraphqlResponse): GraphqlResponse {
  const key = (error: { path?: (string | number)[] }) => (error.path ?? []).map((part) => (typeof part === 'number' ? String(part).padStart(6, '0') : part)).join('/');
  return response.errors ? { ...response, errors: [...response.errors].sort((a, b) => compareText(key(a), key(b))) } : response;
}

describe('rules that read the parent', () => {
  // graphql-shield's contextual cache would reuse the result of the first unit's check for every
  // other unit in the same request.
  it('decide per unit within one request', async () => {
    const inArea = inAreaUnit();
    const outside = outsideUnit();

    // The router sends both root fields to the care register in one request.
    const response = await stack.query(
      `query TvaEnheter($inArea: ID!, $outside: ID!) {
        inArea: tillsynsobjekt(id: $inArea) { id adress { gatuadress } }
        outside: tillsynsobjekt(id: $outside) { id adress { gatuadress } }
      }`,
      { inArea: inArea.id, outside: outside.id },
      rapportor.id,
    );

    expect(response).toEqual({
      data: {
        inArea: { id: inArea.id, adress: { gatuadress: inArea.gatuadress } },
        outside: { id: outside.id, adress: null },
      },
      errors: [forbiddenAt(['outside', 'adress'], 'outsideArea', 'care-register')],
    });
  });

  it('decide per unit in a list of mixed areas', async () => {
    const units = world.tillsynsobjekt
      .filter((unit) => unit.kommunKod === '1480' && unit.status === 'AKTIV' && (unit.verksamhetsomrade === 'SOL_IFO' || unit.verksamhetsomrade === 'LSS'))
      .sort((a, b) => compareText(a.namn, b.namn) || compareText(a.id, b.id))
      .slice(0, 100);
    const readable = (unit: TillsynsobjektRecord) => unit.verksamhetsomrade === 'SOL_IFO';

    const response = await stack.query(
      `query Blandat {
        sokTillsynsobjekt(filter: { kommunKod: "1480", verksamhetsomrade: [SOL_IFO, LSS] }, first: 100) {
          edges { node { id adress { gatuadress } } }
        }
      }`,
      undefined,
      rapportor.id,
    );

    const expectedErrors = units.flatMap((unit, index) => {
      const path = ['sokTillsynsobjekt', 'edges', index, 'node', 'adress'];
      if (!readable(unit)) return [forbiddenAt(path, 'outsideArea', 'care-register')];
      return unit.skyddatBoende ? [forbiddenAt(path, 'protectedAddress', 'care-register')] : [];
    });
    expect(units.filter((unit) => readable(unit) && !unit.skyddatBoende).length).toBeGreaterThan(0);
    expect(units.filter((unit) => !readable(unit)).length).toBeGreaterThan(0);
    expect(sortedByPath(response)).toEqual(
      sortedByPath({
        data: {
          sokTillsynsobjekt: {
            edges: units.map((unit) => ({ node: { id: unit.id, adress: readable(unit) && !unit.skyddatBoende ? { gatuadress: unit.gatuadress } : null } })),
          },
        },
        errors: expectedErrors,
      }),
    );
  });

  it('decide per unit in one _entities call', async () => {
    const inArea = inAreaUnit();
    const outside = outsideUnit();
    const query = 'query Enheter($representations: [_Any!]!) { _entities(representations: $representations) { ... on Tillsynsobjekt { id antalUpplysningsarenden } } }';

    const response = await stack.querySubgraph(
      'cases',
      query,
      {
        representations: [
          { __typename: 'Tillsynsobjekt', id: inArea.id, verksamhetsomrade: inArea.verksamhetsomrade },
          { __typename: 'Tillsynsobjekt', id: outside.id, verksamhetsomrade: outside.verksamhetsomrade },
        ],
      },
      rapportorAccess,
    );

    expect(response).toEqual({
      data: {
        _entities: [
          { id: inArea.id, antalUpplysningsarenden: complaintCount(inArea) },
          { id: outside.id, antalUpplysningsarenden: null },
        ],
      },
      errors: [
        {
          message: FORBIDDEN_REASONS.outsideArea,
          locations: [locationOf(query, 'antalUpplysningsarenden')],
          path: ['_entities', 1, 'antalUpplysningsarenden'],
          extensions: { code: 'FORBIDDEN', reason: 'outsideArea' },
        },
      ],
      extensions: { ivoAudit: [{ type: 'Tillsynsobjekt', id: inArea.id, fields: ['antalUpplysningsarenden'] }] },
    });
  });
});

describe('entity errors through the router', () => {
  // Hive Gateway's default planner (@graphql-tools/batch-delegate 10.1.0) attached every error of
  // a batched _entities call to the first entity's path. The planner the router ships does not.
  it('stay at the denied unit’s path', async () => {
    const inArea = inAreaUnit();
    const outside = outsideUnit();

    // The router fetches both units' counts from the cases subgraph in one _entities call and
    // must put the denial back at the unit it belongs to.
    const response = await stack.query(
      `query TvaRakningar($inArea: ID!, $outside: ID!) {
        inArea: tillsynsobjekt(id: $inArea) { id antalUpplysningsarenden }
        outside: tillsynsobjekt(id: $outside) { id antalUpplysningsarenden }
      }`,
      { inArea: inArea.id, outside: outside.id },
      rapportor.id,
    );

    expect(response).toEqual({
      data: {
        inArea: { id: inArea.id, antalUpplysningsarenden: complaintCount(inArea) },
        outside: { id: outside.id, antalUpplysningsarenden: null },
      },
      errors: [forbiddenAt(['outside', 'antalUpplysningsarenden'], 'outsideArea', 'cases')],
    });
  });
});
