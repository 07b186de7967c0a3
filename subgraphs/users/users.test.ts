import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { AccessContext } from '../../src/access/access-context.ts';
import { copyDataSet, openTestDatabase, type TestDataSetCopy } from '../../test/test-data-set.ts';
import type { UsersDatabase } from './database.ts';
import { addDays } from '../../src/seed/dates.ts';
import { FIXED_USER_RECORDS, FIXED_USERS } from '../../src/seed/fixed-users.ts';
import { generateWorld } from '../../src/seed/generate-world.ts';
import type { AnvandareRecord, RolltilldelningRecord, World } from '../../src/seed/world-types.ts';
import { todayInSweden } from '../../src/time/today-in-sweden.ts';
import {
  ANONYMOUS_ACCESS,
  compareText,
  entitiesQuery,
  expectedAudit,
  readEntityKeys,
  startSubgraphUnderTest,
  withSortedAudit,
  type GraphqlResponse,
  type SubgraphUnderTest,
} from '../../test/subgraph-harness.ts';

// The databases were seeded from this same deterministic world, so every expectation below is
// computed from it in plain code rather than copied from a response.
let world: World;
let subgraph: SubgraphUnderTest;
let userById: Map<string, AnvandareRecord>;
let today: string;

beforeAll(async () => {
  world = generateWorld({ scale: 1 });
  userById = new Map(world.anvandare.map((user) => [user.id, user]));
  // The subgraph compares role dates with the same Swedish calendar date.
  today = todayInSweden();
  subgraph = await startSubgraphUnderTest('users', inject('seededDataSet'));
});

afterAll(async () => {
  await subgraph?.close();
});

const ANVANDARE_AUDITED = ['id', 'namn', 'epost', 'roller', 'maskeradIdentitet'];
// The reporter list is audited as a whole too, because its cursors carry the users' names.
const NAMND_AUDITED = ['rapportorer'];
const REPORTER_ROLES = new Set(['RAPPORTOR', 'HUVUDRAPPORTOR']);

function isValidOn(role: Pick<RolltilldelningRecord, 'giltigFran' | 'giltigTill'>, date: string): boolean {
  return role.giltigFran <= date && (role.giltigTill === null || role.giltigTill >= date);
}

function byNameThenId(a: AnvandareRecord, b: AnvandareRecord): number {
  return compareText(a.namn, b.namn) || compareText(a.id, b.id);
}

/** Returns the users with a rapportör or huvudrapportör role in the committee valid today, each once, by name and then id. */
function reportersOf(namndId: string, roles: readonly RolltilldelningRecord[] = world.rolltilldelningar): AnvandareRecord[] {
  const ids = new Set(roles.filter((role) => role.namndId === namndId && REPORTER_ROLES.has(role.roll) && isValidOn(role, today)).map((role) => role.anvandareId));
  return [...ids].map((id) => userById.get(id)!).sort(byNameThenId);
}

function rolesOf(userId: string): RolltilldelningRecord[] {
  return world.rolltilldelningar.filter((role) => role.anvandareId === userId).sort((a, b) => compareText(a.giltigFran, b.giltigFran) || compareText(a.id, b.id));
}

const ROLE_SELECTION = 'id roll namnd { id } verksamhetsomraden giltigFran giltigTill';
const ROLLTILLDELNING_AUDITED = ['anvandare', 'roll', 'namnd', 'verksamhetsomraden', 'giltigFran', 'giltigTill'];

/** Returns the expected audit entries of a user's roles, selected with ROLE_SELECTION. */
function roleAudits(userId: string) {
  return rolesOf(userId).map((role) => ({ type: 'Rolltilldelning', id: role.id, node: roleNode(role), auditedFields: ROLLTILLDELNING_AUDITED }));
}

function roleNode(role: RolltilldelningRecord) {
  return {
    id: role.id,
    roll: role.roll,
    namnd: role.namndId === null ? null : { id: role.namndId },
    verksamhetsomraden: [...role.verksamhetsomraden].sort(compareText),
    giltigFran: role.giltigFran,
    giltigTill: role.giltigTill,
  };
}

function userNode(user: AnvandareRecord) {
  return { id: user.id, namn: user.namn, epost: user.epost, roller: rolesOf(user.id).map(roleNode) };
}

function accessOf(userId: string): AccessContext {
  const user = FIXED_USER_RECORDS.find((candidate) => candidate.id === userId)!;
  return { anonymous: false, userId: user.id, roles: [{ roll: user.roll, namndId: user.namndId, verksamhetsomraden: [...user.verksamhetsomraden] }] };
}

const REPORTER_QUERY = `query Reporters($representations: [_Any!]!, $first: Int, $after: String) {
  _entities(representations: $representations) {
    ... on Namnd { id rapportorer(first: $first, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { node { id } } } }
  }
}`;

describe('Namnd.rapportorer', () => {
  it('lists a committee’s current reporters by name', async () => {
    const response = await subgraph.query(entitiesQuery('Namnd', 'id rapportorer { totalCount edges { node { id namn epost } } }'), {
      representations: [{ __typename: 'Namnd', id: 'N-0001' }],
    });

    const reporters = reportersOf('N-0001');
    const nodes = reporters.map((user) => ({ id: user.id, namn: user.namn, epost: user.epost }));
    const entity = { id: 'N-0001', rapportorer: { totalCount: reporters.length, edges: nodes.map((node) => ({ node })) } };
    expect(reporters.map((user) => user.id)).toEqual(expect.arrayContaining([FIXED_USERS.huvudrapportorGoteborg, FIXED_USERS.rapportorGoteborgIfo]));
    expect(withSortedAudit(response)).toEqual({
      data: { _entities: [entity] },
      extensions: {
        ivoAudit: expectedAudit([
          { type: 'Namnd', id: 'N-0001', node: entity, auditedFields: NAMND_AUDITED },
          ...nodes.map((node) => ({ type: 'Anvandare', id: node.id, node, auditedFields: ANVANDARE_AUDITED })),
        ]),
      },
    });
  });

  it('lists the reporters of every committee', async () => {
    const response = await subgraph.query(entitiesQuery('Namnd', 'id rapportorer(first: 100) { totalCount edges { node { id } } }'), {
      representations: world.namnder.map((namnd) => ({ __typename: 'Namnd', id: namnd.id })),
    });

    const expected = world.namnder.map((namnd) => {
      const reporters = reportersOf(namnd.id);
      return { id: namnd.id, rapportorer: { totalCount: reporters.length, edges: reporters.map((user) => ({ node: { id: user.id } })) } };
    });
    // Counting every reporter role, ended ones and repeats included, would give other lists.
    const naive = world.namnder.filter((namnd) => world.rolltilldelningar.filter((role) => role.namndId === namnd.id && REPORTER_ROLES.has(role.roll)).length !== reportersOf(namnd.id).length);
    expect(naive.length).toBeGreaterThan(10);
    expect(expected.every((entry) => entry.rapportorer.totalCount <= 100)).toBe(true);
    expect(withSortedAudit(response)).toEqual({
      data: { _entities: expected },
      extensions: {
        ivoAudit: expectedAudit([
          ...expected.map((entry) => ({ type: 'Namnd', id: entry.id, node: entry, auditedFields: NAMND_AUDITED })),
          ...expected.flatMap((entry) => entry.rapportorer.edges.map((edge) => ({ type: 'Anvandare', id: edge.node.id, node: edge.node, auditedFields: ANVANDARE_AUDITED }))),
        ]),
      },
    });
  });

  it('leaves out ended roles', async () => {
    const ended = world.rolltilldelningar.find(
      (role) =>
        role.roll === 'RAPPORTOR' &&
        role.giltigTill !== null &&
        !world.rolltilldelningar.some((other) => other !== role && other.anvandareId === role.anvandareId && other.namndId === role.namndId && isValidOn(other, today)),
    )!;
    const response = await subgraph.query(REPORTER_QUERY, { representations: [{ __typename: 'Namnd', id: ended.namndId }], first: 100 });

    const ids = response.data._entities[0].rapportorer.edges.map((edge: { node: { id: string } }) => edge.node.id);
    expect(ended.giltigTill! < today).toBe(true);
    expect(ids).not.toContain(ended.anvandareId);
    expect(ids).toEqual(reportersOf(ended.namndId!).map((user) => user.id));
  });

  it('leaves out MAS', async () => {
    const response = await subgraph.query(REPORTER_QUERY, { representations: [{ __typename: 'Namnd', id: 'N-0002' }], first: 100 });

    const ids = response.data._entities[0].rapportorer.edges.map((edge: { node: { id: string } }) => edge.node.id);
    expect(rolesOf(FIXED_USERS.masGoteborg).map((role) => [role.roll, role.namndId])).toEqual([['MEDICINSKT_ANSVARIG_SJUKSKOTERSKA', 'N-0002']]);
    expect(ids).not.toContain(FIXED_USERS.masGoteborg);
    expect(ids).toEqual(reportersOf('N-0002').map((user) => user.id));
  });

  it('lists a user with several roles once', async () => {
    const repeated = world.rolltilldelningar.find(
      (role) =>
        REPORTER_ROLES.has(role.roll) &&
        isValidOn(role, today) &&
        world.rolltilldelningar.some((other) => other.id !== role.id && other.anvandareId === role.anvandareId && other.namndId === role.namndId && REPORTER_ROLES.has(other.roll) && isValidOn(other, today)),
    )!;
    const response = await subgraph.query(REPORTER_QUERY, { representations: [{ __typename: 'Namnd', id: repeated.namndId }], first: 100 });

    const connection = response.data._entities[0].rapportorer;
    const ids = connection.edges.map((edge: { node: { id: string } }) => edge.node.id);
    expect(ids.filter((id: string) => id === repeated.anvandareId)).toEqual([repeated.anvandareId]);
    expect(connection.totalCount).toBe(reportersOf(repeated.namndId!).length);
    expect(ids).toEqual(reportersOf(repeated.namndId!).map((user) => user.id));
  });

  it('pages reporters with cursors', async () => {
    const expected = reportersOf('N-0001').map((user) => user.id);
    const pages: { ids: string[]; hasPreviousPage: boolean; totalCount: number }[] = [];
    let after: string | null = null;
    for (let pageNumber = 0; pageNumber < 100; pageNumber += 1) {
      const response: GraphqlResponse = await subgraph.query(REPORTER_QUERY, { representations: [{ __typename: 'Namnd', id: 'N-0001' }], first: 2, after });
      const connection = response.data._entities[0].rapportorer;
      pages.push({ ids: connection.edges.map((edge: { node: { id: string } }) => edge.node.id), hasPreviousPage: connection.pageInfo.hasPreviousPage, totalCount: connection.totalCount });
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }

    expect(expected.length).toBeGreaterThan(4);
    expect(pages.flatMap((page) => page.ids)).toEqual(expected);
    expect(pages.map((page) => page.hasPreviousPage)).toEqual(pages.map((_, index) => index > 0));
    expect(pages.map((page) => page.totalCount)).toEqual(pages.map(() => expected.length));
  });

  it('returns an empty list for an unknown committee', async () => {
    const response = await subgraph.query(REPORTER_QUERY, { representations: [{ __typename: 'Namnd', id: 'N-9999' }] });

    const entity = { id: 'N-9999', rapportorer: { totalCount: 0, pageInfo: { hasNextPage: false, hasPreviousPage: false, endCursor: null }, edges: [] } };
    expect(response).toEqual({
      data: { _entities: [entity] },
      extensions: { ivoAudit: expectedAudit([{ type: 'Namnd', id: 'N-9999', node: entity, auditedFields: NAMND_AUDITED }]) },
    });
  });

  it('rejects first -1', async () => {
    const response = await subgraph.query(REPORTER_QUERY, { representations: [{ __typename: 'Namnd', id: 'N-0001' }], first: -1 });

    expect(response.data).toEqual({ _entities: [{ id: 'N-0001', rapportorer: null }] });
    expect(response.errors).toHaveLength(1);
    expect(response.errors?.[0]?.path).toEqual(['_entities', 0, 'rapportorer']);
    expect(response.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'first' });
    expect(response.errors?.[0]?.message).toBe('Argumentet first ska vara ett heltal från 0 till 100 (fick -1).');
  });
});

describe('role validity dates', () => {
  // A copy of the seeded database, so the test can add roles that start or end around today.
  let copy: TestDataSetCopy;
  let copySubgraph: SubgraphUnderTest;

  beforeAll(async () => {
    copy = await copyDataSet(inject('seededDataSet'), ['users']);
    copySubgraph = await startSubgraphUnderTest('users', copy);
  });

  afterAll(async () => {
    await copySubgraph?.close();
    await copy?.remove();
  });

  it('counts the first and last day of a role', async () => {
    const namndId = 'N-0005';
    const outsiders = world.anvandare.filter((user) => !world.rolltilldelningar.some((role) => role.anvandareId === user.id && role.namndId === namndId)).slice(100, 105);
    const added: RolltilldelningRecord[] = [
      { id: 'R-TEST1', anvandareId: outsiders[0]!.id, roll: 'RAPPORTOR', namndId, verksamhetsomraden: [], giltigFran: today, giltigTill: null },
      { id: 'R-TEST2', anvandareId: outsiders[1]!.id, roll: 'HUVUDRAPPORTOR', namndId, verksamhetsomraden: [], giltigFran: '2020-01-01', giltigTill: today },
      { id: 'R-TEST3', anvandareId: outsiders[2]!.id, roll: 'RAPPORTOR', namndId, verksamhetsomraden: [], giltigFran: '2020-01-01', giltigTill: addDays(today, -1) },
      { id: 'R-TEST4', anvandareId: outsiders[3]!.id, roll: 'RAPPORTOR', namndId, verksamhetsomraden: [], giltigFran: addDays(today, 1), giltigTill: null },
      { id: 'R-TEST5', anvandareId: outsiders[4]!.id, roll: 'MEDICINSKT_ANSVARIG_SJUKSKOTERSKA', namndId, verksamhetsomraden: [], giltigFran: '2020-01-01', giltigTill: null },
    ];
    const database = openTestDatabase<UsersDatabase>(copy, 'users');
    try {
      await database.db
        .insertInto('rolltilldelning')
        .values(
          added.map((role) => ({
            id: role.id,
            anvandare_id: role.anvandareId,
            roll: role.roll,
            namnd_id: role.namndId,
            giltig_fran: role.giltigFran,
            giltig_till: role.giltigTill,
            version: 1,
          })),
        )
        .execute();
    } finally {
      await database.close();
    }
    const response = await copySubgraph.query(REPORTER_QUERY, { representations: [{ __typename: 'Namnd', id: namndId }], first: 100 });

    const expected = reportersOf(namndId, [...world.rolltilldelningar, ...added]);
    expect(expected.map((user) => user.id)).toEqual(expect.arrayContaining([outsiders[0]!.id, outsiders[1]!.id]));
    expect(expected.map((user) => user.id)).not.toEqual(expect.arrayContaining([outsiders[2]!.id]));
    expect(response.errors).toBeUndefined();
    expect(response.data._entities[0].rapportorer.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual(expected.map((user) => user.id));
    expect(response.data._entities[0].rapportorer.totalCount).toBe(expected.length);
  });
});

describe('anvandare', () => {
  it('returns a user with current and ended roles', async () => {
    const user = world.anvandare.find((candidate) => rolesOf(candidate.id).some((role) => role.giltigTill !== null) && rolesOf(candidate.id).some((role) => role.giltigTill === null))!;
    const response = await subgraph.query(`query User($id: ID!) { anvandare(id: $id) { id namn epost roller { ${ROLE_SELECTION} } } }`, { id: user.id });

    const node = userNode(user);
    expect(node.roller.length).toBeGreaterThan(1);
    expect(withSortedAudit(response)).toEqual({
      data: { anvandare: node },
      extensions: { ivoAudit: expectedAudit([{ type: 'Anvandare', id: user.id, node, auditedFields: ANVANDARE_AUDITED }, ...roleAudits(user.id)]) },
    });
  });

  it('returns the roles of the fixed users', async () => {
    const ids = FIXED_USER_RECORDS.map((user) => user.id);
    const response = await subgraph.query(entitiesQuery('Anvandare', `id namn roller { ${ROLE_SELECTION} }`), {
      representations: ids.map((id) => ({ __typename: 'Anvandare', id })),
    });

    const nodes = FIXED_USER_RECORDS.map((fixed) => ({ id: fixed.id, namn: fixed.namn, roller: rolesOf(fixed.id).map(roleNode) }));
    expect(nodes.map((node) => node.roller.map((role) => [role.roll, role.namnd?.id ?? null]))).toEqual(FIXED_USER_RECORDS.map((fixed) => [[fixed.roll, fixed.namndId]]));
    expect(nodes[0]!.roller[0]!.namnd).toBeNull();
    expect(withSortedAudit(response)).toEqual({
      data: { _entities: nodes },
      extensions: {
        ivoAudit: expectedAudit([...nodes.map((node) => ({ type: 'Anvandare', id: node.id, node, auditedFields: ANVANDARE_AUDITED })), ...ids.flatMap(roleAudits)]),
      },
    });
  });

  it('returns null for an unknown id', async () => {
    const response = await subgraph.query('{ anvandare(id: "A-99999") { id } }');

    expect(response).toEqual({ data: { anvandare: null } });
  });

  it('resolves Anvandare entities and a missing key to null', async () => {
    const response = await subgraph.query(entitiesQuery('Anvandare', 'id epost'), {
      representations: [
        { __typename: 'Anvandare', id: 'A-00004' },
        { __typename: 'Anvandare', id: 'A-99999' },
        { __typename: 'Anvandare', id: 'A-00003' },
      ],
    });

    const node = (id: string) => ({ id, epost: userById.get(id)!.epost });
    expect(withSortedAudit(response)).toEqual({
      data: { _entities: [node('A-00004'), null, node('A-00003')] },
      extensions: { ivoAudit: expectedAudit(['A-00004', 'A-00003'].map((id) => ({ type: 'Anvandare', id, node: node(id), auditedFields: ANVANDARE_AUDITED }))) },
    });
  });

  it('never publishes a login identity field', async () => {
    const response = await subgraph.query('{ _service { sdl } }');
    const sdl: string = response.data._service.sdl;

    expect(sdl).not.toMatch(/personnummer\s*:/i);
    expect(sdl).not.toMatch(/hsa_?id\s*:/i);
    expect(sdl).toMatch(/maskeradIdentitet: String\n/);
  });
});

describe('jag', () => {
  it('returns the caller with a masked identity', async () => {
    const rapportor = FIXED_USER_RECORDS.find((user) => user.id === FIXED_USERS.rapportorGoteborgIfo)!;
    const mas = FIXED_USER_RECORDS.find((user) => user.id === FIXED_USERS.masGoteborg)!;
    const query = '{ jag { id maskeradIdentitet } }';
    const asRapportor = await subgraph.queryAs(accessOf(rapportor.id), query);
    const asMas = await subgraph.queryAs(accessOf(mas.id), query);

    const rapportorIdentity = `${rapportor.personnummer!.slice(0, 8)}-****`;
    const masIdentity = `${mas.hsaId!.split('-')[0]}-****`;
    expect(asRapportor).toEqual({
      data: { jag: { id: rapportor.id, maskeradIdentitet: rapportorIdentity } },
      extensions: { ivoAudit: [{ type: 'Anvandare', id: rapportor.id, fields: ['id', 'maskeradIdentitet'] }] },
    });
    expect(asMas).toEqual({
      data: { jag: { id: mas.id, maskeradIdentitet: masIdentity } },
      extensions: { ivoAudit: [{ type: 'Anvandare', id: mas.id, fields: ['id', 'maskeradIdentitet'] }] },
    });
  });

  it('returns null for anonymous callers', async () => {
    const response = await subgraph.queryAs(ANONYMOUS_ACCESS, '{ jag { id } }');

    expect(response.data).toEqual({ jag: null });
  });
});

describe('access', () => {
  const NOT_LOGGED_IN = 'Uppgiften visas bara för inloggade användare. Logga in med BankID eller SITHS-kort.';
  const USER = 'Uppgifter om en användare visas bara för användaren själv, för huvudrapportören i användarens nämnd och för IVO:s handläggare.';

  it('rejects a request without internal token', async () => {
    const { status, body } = await subgraph.post('{ anvandare(id: "A-00001") { id } }', undefined, {});

    expect(status).toBe(401);
    expect(body).toEqual({
      errors: [{ message: 'Subgrafen tar bara emot anrop från routern med en giltig intern token.', extensions: { code: 'UNAUTHENTICATED', requestId: expect.any(String) } }],
    });
  });

  it('withholds a committee’s MAS from its huvudrapportör', async () => {
    // A huvudrapportör of N-0002 administers its reporters, and the MAS A-00005 is not a reporter.
    const lead = { anonymous: false, userId: 'A-99999', roles: [{ roll: 'HUVUDRAPPORTOR' as const, namndId: 'N-0002', verksamhetsomraden: ['SOL_ALDREOMSORG' as const] }] };

    const response = await subgraph.queryAs(lead, '{ anvandare(id: "A-00005") { id namn } }');

    expect(response).toEqual({
      data: { anvandare: null },
      errors: [{ message: USER, locations: [{ line: 1, column: 3 }], path: ['anvandare'], extensions: { code: 'FORBIDDEN', reason: 'user' } }],
    });
  });

  it('withholds users from anonymous callers', async () => {
    const response = await subgraph.queryAs(ANONYMOUS_ACCESS, '{ anvandare(id: "A-00003") { id namn } }');

    expect(response).toEqual({
      data: { anvandare: null },
      errors: [{ message: NOT_LOGGED_IN, locations: expect.any(Array), path: ['anvandare'], extensions: { code: 'FORBIDDEN', reason: 'notLoggedIn' } }],
    });
  });

  it('lets a huvudrapportör see their own committee only', async () => {
    const huvudrapportor = accessOf(FIXED_USERS.huvudrapportorGoteborg);
    const response = await subgraph.queryAs(
      huvudrapportor,
      `query Reporters($representations: [_Any!]!) {
        _entities(representations: $representations) { ... on Namnd { id rapportorer(first: 100) { totalCount } } }
        own: anvandare(id: "${FIXED_USERS.rapportorGoteborgIfo}") { id }
        other: anvandare(id: "${FIXED_USERS.huvudrapportorStockholm}") { id }
      }`,
      {
        representations: [
          { __typename: 'Namnd', id: 'N-0001' },
          { __typename: 'Namnd', id: 'N-0003' },
        ],
      },
    );

    expect(withSortedAudit(response)).toEqual({
      data: {
        _entities: [
          { id: 'N-0001', rapportorer: { totalCount: reportersOf('N-0001').length } },
          { id: 'N-0003', rapportorer: null },
        ],
        own: { id: FIXED_USERS.rapportorGoteborgIfo },
        other: null,
      },
      errors: expect.arrayContaining([
        { message: USER, locations: expect.any(Array), path: ['_entities', 1, 'rapportorer'], extensions: { code: 'FORBIDDEN', reason: 'user' } },
        { message: USER, locations: expect.any(Array), path: ['other'], extensions: { code: 'FORBIDDEN', reason: 'user' } },
      ]),
      // The withheld list of N-0003 is null, so only N-0001 is audited.
      extensions: {
        ivoAudit: [
          { type: 'Anvandare', id: FIXED_USERS.rapportorGoteborgIfo, fields: ['id'] },
          { type: 'Namnd', id: 'N-0001', fields: ['rapportorer'] },
        ],
      },
    });
    expect(response.errors).toHaveLength(2);
  });

  it('keeps the access context lookup for the router', async () => {
    const query = 'query Context($identitet: String!) { atkomstkontext(identitet: $identitet) { anvandareId roller { roll namndId verksamhetsomraden } } }';
    const rapportor = FIXED_USER_RECORDS.find((user) => user.id === FIXED_USERS.rapportorGoteborgIfo)!;
    const asCaller = await subgraph.query(query, { identitet: rapportor.personnummer });
    const asRouter = await subgraph.queryAs(ANONYMOUS_ACCESS, query, { identitet: rapportor.personnummer }, 'access-context');

    expect(asCaller.data).toBeNull();
    expect(asCaller.errors?.map((error) => ({ path: error.path, code: error.extensions?.code, reason: error.extensions?.reason }))).toEqual([
      { path: ['atkomstkontext'], code: 'FORBIDDEN', reason: 'routerOnly' },
    ]);
    expect(asRouter).toEqual({
      data: { atkomstkontext: { anvandareId: rapportor.id, roller: [{ roll: 'RAPPORTOR', namndId: 'N-0001', verksamhetsomraden: ['SOL_IFO'] }] } },
    });
  });
});

describe('_service', () => {
  it('publishes the entity types with their keys', async () => {
    const response = await subgraph.query('{ _service { sdl } }');

    expect(response.errors).toBeUndefined();
    expect(readEntityKeys(response.data._service.sdl)).toEqual({ Anvandare: ['id'], Namnd: ['id'] });
  });
});
