import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signInternalToken } from '../../src/access/internal-token.ts';
import { generateWorld } from '../../src/seed/generate-world.ts';
import { VERKSAMHETSOMRADEN, type KommunRecord, type LanRecord, type NamndRecord, type World } from '../../src/seed/world-types.ts';
import {
  ANONYMOUS_ACCESS,
  compareText,
  entitiesQuery,
  readEntityKeys,
  startSubgraphUnderTest,
  type GraphqlResponse,
  type SubgraphUnderTest,
} from '../../test/subgraph-harness.ts';

// The databases were seeded from this same deterministic world, so every expectation below is
// computed from it in plain code rather than copied from a response.
let world: World;
let subgraph: SubgraphUnderTest;

beforeAll(async () => {
  world = generateWorld({ scale: 1 });
  subgraph = await startSubgraphUnderTest('committees', inject('seededDataSet'));
});

afterAll(async () => {
  await subgraph?.close();
});

function lanByKod(kod: string): LanRecord {
  const lan = world.lan.find((county) => county.kod === kod);
  if (!lan) throw new Error(`The world has no county ${kod}.`);
  return lan;
}

function kommunByKod(kod: string): KommunRecord {
  const kommun = world.kommuner.find((municipality) => municipality.kod === kod);
  if (!kommun) throw new Error(`The world has no municipality ${kod}.`);
  return kommun;
}

function namndById(id: string): NamndRecord {
  const namnd = world.namnder.find((committee) => committee.id === id);
  if (!namnd) throw new Error(`The world has no committee ${id}.`);
  return namnd;
}

function kommunerInCodeOrder(lanKod?: string): KommunRecord[] {
  return world.kommuner.filter((kommun) => lanKod === undefined || kommun.lanKod === lanKod).sort((a, b) => compareText(a.kod, b.kod));
}

function namnderInIdOrder(filter: { kommunKod?: string; verksamhetsomrade?: string }): NamndRecord[] {
  return world.namnder
    .filter((namnd) => filter.kommunKod === undefined || namnd.kommunKod === filter.kommunKod)
    .filter((namnd) => filter.verksamhetsomrade === undefined || (namnd.verksamhetsomraden as string[]).includes(filter.verksamhetsomrade))
    .sort((a, b) => compareText(a.id, b.id));
}

/** Returns the committee's areas in the order the subgraph lists them: by enum name. */
function areasOf(namnd: NamndRecord): string[] {
  return [...namnd.verksamhetsomraden].sort(compareText);
}

/** Returns a committee as `id namn verksamhetsomraden kommun { kod }` selects it. */
function namndNode(namnd: NamndRecord) {
  return { id: namnd.id, namn: namnd.namn, verksamhetsomraden: areasOf(namnd), kommun: { kod: namnd.kommunKod } };
}

/** Walks every page of a connection field and returns its total count and the keys in page order. */
async function walkPages(field: 'kommuner' | 'namnder', key: 'kod' | 'id', args: string, pageSize: number) {
  const query = `query Page($after: String) {
    ${field}(${args ? `${args}, ` : ''}first: ${pageSize}, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ${key} } }
    }
  }`;
  const keys: string[] = [];
  const totalCounts = new Set<number>();
  let after: string | null = null;
  for (let pageNumber = 0; pageNumber < 1000; pageNumber += 1) {
    const response: GraphqlResponse = await subgraph.query(query, { after });
    expect(response.errors).toBeUndefined();
    const connection = response.data[field];
    totalCounts.add(connection.totalCount);
    keys.push(...connection.edges.map((edge: { node: Record<string, string> }) => edge.node[key]));
    if (!connection.pageInfo.hasNextPage) break;
    after = connection.pageInfo.endCursor;
  }
  return { totalCounts: [...totalCounts], keys };
}

describe('allaLan', () => {
  it('returns 21 counties in code order', async () => {
    const response = await subgraph.query('{ allaLan { kod namn } }');

    const expected = [...world.lan].sort((a, b) => compareText(a.kod, b.kod)).map((lan) => ({ kod: lan.kod, namn: lan.namn }));
    expect(expected).toHaveLength(21);
    expect(response).toEqual({ data: { allaLan: expected } });
  });
});

describe('lan', () => {
  it('returns a county with its municipalities in code order', async () => {
    const response = await subgraph.query('{ lan(kod: "14") { kod namn kommuner { kod namn lan { kod } } } }');

    const kommuner = kommunerInCodeOrder('14').map((kommun) => ({ kod: kommun.kod, namn: kommun.namn, lan: { kod: '14' } }));
    expect(kommuner.length).toBeGreaterThan(40);
    expect(response).toEqual({ data: { lan: { kod: '14', namn: lanByKod('14').namn, kommuner } } });
  });
});

describe('kommuner', () => {
  it.each([[''], ['1'], ['abc']])('rejects lanKod "%s" with BAD_USER_INPUT', async (lanKod) => {
    const response = await subgraph.query('query($lanKod: ID) { kommuner(lanKod: $lanKod) { totalCount } }', { lanKod });

    expect(response.data).toBeNull();
    expect(response.errors).toHaveLength(1);
    expect(response.errors?.[0]?.path).toEqual(['kommuner']);
    expect(response.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'lanKod' });
    expect(response.errors?.[0]?.message).toBe(`Argumentet lanKod ska vara SCB:s länskod med två siffror, till exempel 14 (fick "${lanKod}").`);
  });

  it('totals 290 municipalities in code order over all pages', async () => {
    const { totalCounts, keys } = await walkPages('kommuner', 'kod', '', 100);

    expect(totalCounts).toEqual([290]);
    expect(keys).toEqual(kommunerInCodeOrder().map((kommun) => kommun.kod));
    expect(new Set(keys).size).toBe(290);
  });

  it('returns the first 20 by default', async () => {
    const response = await subgraph.query('{ kommuner { totalCount pageInfo { hasNextPage hasPreviousPage } edges { node { kod namn } } } }');

    expect(response).toEqual({
      data: {
        kommuner: {
          totalCount: 290,
          pageInfo: { hasNextPage: true, hasPreviousPage: false },
          edges: kommunerInCodeOrder()
            .slice(0, 20)
            .map((kommun) => ({ node: { kod: kommun.kod, namn: kommun.namn } })),
        },
      },
    });
  });

  it('filters by lanKod for every county', async () => {
    let sum = 0;
    for (const lan of world.lan) {
      const response = await subgraph.query('query Lan($lanKod: ID!) { kommuner(lanKod: $lanKod, first: 100) { totalCount edges { node { kod } } } }', { lanKod: lan.kod });
      const expected = kommunerInCodeOrder(lan.kod);
      sum += expected.length;

      expect(response).toEqual({ data: { kommuner: { totalCount: expected.length, edges: expected.map((kommun) => ({ node: { kod: kommun.kod } })) } } });
    }
    expect(sum).toBe(290);
  });

  it('returns an empty page for an unknown lanKod', async () => {
    const response = await subgraph.query('{ kommuner(lanKod: "99") { totalCount pageInfo { hasNextPage endCursor } edges { node { kod } } } }');

    expect(response).toEqual({ data: { kommuner: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } } });
  });

  it('rejects first above 100', async () => {
    const response = await subgraph.query('{ kommuner(first: 101) { totalCount } }');

    expect(response.data).toBeNull();
    expect(response.errors).toHaveLength(1);
    expect(response.errors?.[0]?.path).toEqual(['kommuner']);
    expect(response.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'first', maximum: 100 });
    expect(response.errors?.[0]?.message).toBe('Argumentet first får vara högst 100 (fick 101). Hämta fler rader sida för sida med after.');
  });

  it('rejects an after value that is no cursor', async () => {
    const response = await subgraph.query('{ kommuner(after: "inte en markör") { totalCount } }');

    expect(response.data).toBeNull();
    expect(response.errors).toHaveLength(1);
    expect(response.errors?.[0]?.path).toEqual(['kommuner']);
    expect(response.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'after' });
    expect(response.errors?.[0]?.message).toBe('Argumentet after är ingen giltig markör (fick "inte en markör"). Använd endCursor från en tidigare sida.');
  });
});

describe('kommun', () => {
  it('returns a municipality with county and committees', async () => {
    const response = await subgraph.query('{ kommun(kod: "1480") { kod namn lan { kod namn } namnder { id namn verksamhetsomraden kommun { kod } } } }');

    const kommun = kommunByKod('1480');
    const namnder = namnderInIdOrder({ kommunKod: '1480' });
    expect(namnder.map((namnd) => namnd.id)).toContain('N-0001');
    expect(response).toEqual({
      data: {
        kommun: {
          kod: '1480',
          namn: kommun.namn,
          lan: { kod: kommun.lanKod, namn: lanByKod(kommun.lanKod).namn },
          namnder: namnder.map(namndNode),
        },
      },
    });
  });

});

describe('unknown codes', () => {
  it('return null without errors', async () => {
    const response = await subgraph.query('{ lan(kod: "99") { kod } kommun(kod: "9999") { kod } namnd(id: "N-9999") { id } }');

    expect(response).toEqual({ data: { lan: null, kommun: null, namnd: null } });
  });
});

describe('namnd', () => {
  it('returns a committee with municipality and areas', async () => {
    const response = await subgraph.query('{ namnd(id: "N-0003") { id namn verksamhetsomraden kommun { kod namn lan { kod } } } }');

    const namnd = namndById('N-0003');
    const kommun = kommunByKod(namnd.kommunKod);
    expect(response).toEqual({
      data: {
        namnd: {
          id: 'N-0003',
          namn: namnd.namn,
          verksamhetsomraden: areasOf(namnd),
          kommun: { kod: kommun.kod, namn: kommun.namn, lan: { kod: kommun.lanKod } },
        },
      },
    });
  });
});

describe('namnder', () => {
  it('totals every committee in id order without a filter', async () => {
    const { totalCounts, keys } = await walkPages('namnder', 'id', '', 100);

    expect(totalCounts).toEqual([world.namnder.length]);
    expect(keys).toEqual(namnderInIdOrder({}).map((namnd) => namnd.id));
    expect(new Set(keys).size).toBe(world.namnder.length);
  });

  it('filters by kommunKod', async () => {
    const response = await subgraph.query('{ namnder(kommunKod: "1480", first: 100) { totalCount edges { node { id namn verksamhetsomraden kommun { kod } } } } }');

    const expected = namnderInIdOrder({ kommunKod: '1480' });
    expect(expected.length).toBeGreaterThan(1);
    expect(response).toEqual({ data: { namnder: { totalCount: expected.length, edges: expected.map((namnd) => ({ node: namndNode(namnd) })) } } });
  });

  it.each(VERKSAMHETSOMRADEN)('filters by verksamhetsomrade %s', async (omrade) => {
    const { totalCounts, keys } = await walkPages('namnder', 'id', `verksamhetsomrade: ${omrade}`, 100);

    const expected = namnderInIdOrder({ verksamhetsomrade: omrade }).map((namnd) => namnd.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(world.namnder.length);
    expect(totalCounts).toEqual([expected.length]);
    expect(keys).toEqual(expected);
  });

  it('combines kommunKod and verksamhetsomrade', async () => {
    const response = await subgraph.query('{ namnder(kommunKod: "1480", verksamhetsomrade: LSS, first: 100) { totalCount edges { node { id } } } }');

    const expected = namnderInIdOrder({ kommunKod: '1480', verksamhetsomrade: 'LSS' });
    expect(expected.map((namnd) => namnd.id)).toContain('N-0002');
    expect(expected.map((namnd) => namnd.id)).not.toContain('N-0001');
    expect(response).toEqual({ data: { namnder: { totalCount: expected.length, edges: expected.map((namnd) => ({ node: { id: namnd.id } })) } } });
  });

  it('pages with cursors and reports both directions', async () => {
    const first = await subgraph.query('{ namnder(kommunKod: "1480", first: 1) { pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } } } }');
    const firstPage = first.data.namnder;
    const second = await subgraph.query('query Next($after: String) { namnder(kommunKod: "1480", first: 1, after: $after) { pageInfo { hasPreviousPage } edges { node { id } } } }', {
      after: firstPage.pageInfo.endCursor,
    });

    const expected = namnderInIdOrder({ kommunKod: '1480' });
    expect(firstPage.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual([expected[0]?.id]);
    expect(firstPage.pageInfo.hasNextPage).toBe(true);
    expect(firstPage.pageInfo.hasPreviousPage).toBe(false);
    expect(firstPage.pageInfo.startCursor).toBe(firstPage.edges[0].cursor);
    expect(firstPage.pageInfo.endCursor).toBe(firstPage.edges[0].cursor);
    expect(second).toEqual({ data: { namnder: { pageInfo: { hasPreviousPage: true }, edges: [{ node: { id: expected[1]?.id } }] } } });
  });
});

describe('_entities', () => {
  it('resolves Kommun by kod and a missing kod to null', async () => {
    const response = await subgraph.query(entitiesQuery('Kommun', 'kod namn lan { kod namn } namnder { id }'), {
      representations: [
        { __typename: 'Kommun', kod: '1480' },
        { __typename: 'Kommun', kod: '9999' },
        { __typename: 'Kommun', kod: '0180' },
      ],
    });

    const entity = (kod: string) => {
      const kommun = kommunByKod(kod);
      return {
        kod,
        namn: kommun.namn,
        lan: { kod: kommun.lanKod, namn: lanByKod(kommun.lanKod).namn },
        namnder: namnderInIdOrder({ kommunKod: kod }).map((namnd) => ({ id: namnd.id })),
      };
    };
    expect(response).toEqual({ data: { _entities: [entity('1480'), null, entity('0180')] } });
  });

  it('resolves Lan by kod and a missing kod to null', async () => {
    const response = await subgraph.query(entitiesQuery('Lan', 'kod namn kommuner { kod }'), {
      representations: [
        { __typename: 'Lan', kod: '01' },
        { __typename: 'Lan', kod: '00' },
        { __typename: 'Lan', kod: '25' },
      ],
    });

    const entity = (kod: string) => ({ kod, namn: lanByKod(kod).namn, kommuner: kommunerInCodeOrder(kod).map((kommun) => ({ kod: kommun.kod })) });
    expect(response).toEqual({ data: { _entities: [entity('01'), null, entity('25')] } });
  });

  it('resolves Namnd by id and a missing id to null', async () => {
    const response = await subgraph.query(entitiesQuery('Namnd', 'id namn verksamhetsomraden kommun { kod namn }'), {
      representations: [
        { __typename: 'Namnd', id: 'N-0002' },
        { __typename: 'Namnd', id: 'N-0000' },
        { __typename: 'Namnd', id: 'N-0001' },
      ],
    });

    const entity = (id: string) => {
      const namnd = namndById(id);
      return { id, namn: namnd.namn, verksamhetsomraden: areasOf(namnd), kommun: { kod: namnd.kommunKod, namn: kommunByKod(namnd.kommunKod).namn } };
    };
    expect(response).toEqual({ data: { _entities: [entity('N-0002'), null, entity('N-0001')] } });
  });

  it('loads every municipality with three statements', async () => {
    const representations = world.kommuner.map((kommun) => ({ __typename: 'Kommun', kod: kommun.kod }));
    let response: GraphqlResponse | undefined;
    const statements = await subgraph.recordStatements(async () => {
      response = await subgraph.query(entitiesQuery('Kommun', 'kod lan { kod } namnder { id }'), { representations });
    });

    expect(response).toEqual({
      data: {
        _entities: world.kommuner.map((kommun) => ({
          kod: kommun.kod,
          lan: { kod: kommun.lanKod },
          namnder: namnderInIdOrder({ kommunKod: kommun.kod }).map((namnd) => ({ id: namnd.id })),
        })),
      },
    });
    // Municipalities, their counties, their committees: one statement each, whatever the count.
    expect(statements).toHaveLength(3);
  });
});

describe('_service', () => {
  it('publishes the entity types with their keys', async () => {
    const response = await subgraph.query('{ _service { sdl } }');
    const sdl: string = response.data._service.sdl;

    expect(response.errors).toBeUndefined();
    expect(readEntityKeys(sdl)).toEqual({ Lan: ['kod'], Kommun: ['kod'], Namnd: ['id'] });
    expect(sdl).toContain('union _Entity = Kommun | Lan | Namnd');
  });
});

describe('access', () => {
  it('rejects a request without internal token', async () => {
    const { status, body } = await subgraph.post('{ allaLan { kod } }', undefined, {});

    expect(status).toBe(401);
    expect(body).toEqual({
      errors: [{ message: 'Subgrafen tar bara emot anrop från routern med en giltig intern token.', extensions: { code: 'UNAUTHENTICATED', requestId: expect.any(String) } }],
    });
  });

  it('rejects a token signed with another key', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const token = await signInternalToken(privateKey, 'committees', { access: ANONYMOUS_ACCESS, purpose: null });
    const { status, body } = await subgraph.post('{ allaLan { kod } }', undefined, { authorization: `Bearer ${token}` });

    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(body.data).toBeUndefined();
  });

  it('shows reference data to anonymous callers', async () => {
    const response = await subgraph.queryAs(ANONYMOUS_ACCESS, '{ namnd(id: "N-0001") { id namn verksamhetsomraden kommun { kod namn lan { kod namn } } } }');

    const namnd = namndById('N-0001');
    const kommun = kommunByKod(namnd.kommunKod);
    expect(response).toEqual({
      data: {
        namnd: {
          id: namnd.id,
          namn: namnd.namn,
          verksamhetsomraden: areasOf(namnd),
          kommun: { kod: kommun.kod, namn: kommun.namn, lan: { kod: kommun.lanKod, namn: lanByKod(kommun.lanKod).namn } },
        },
      },
    });
  });
});
