import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generateWorld } from '../../src/seed/generate-world.ts';
import { FIXED_USER_RECORDS, FIXED_USERS } from '../../src/seed/fixed-users.ts';
import type { HuvudmanRecord, Kon, TillsynsobjektRecord, VerksamhetRecord, World } from '../../src/seed/world-types.ts';
import type { AccessContext } from '../../src/access/access-context.ts';
import {
  ANONYMOUS_ACCESS,
  compareText,
  entitiesQuery,
  readEntityKeys,
  sortAudit,
  startSubgraphUnderTest,
  withSortedAudit,
  type GraphqlResponse,
  type SubgraphUnderTest,
} from '../../test/subgraph-harness.ts';

// The databases were seeded from this same deterministic world, so every expectation below is
// computed from it in plain code rather than copied from a response.
let world: World;
let subgraph: SubgraphUnderTest;

beforeAll(async () => {
  world = generateWorld({ scale: 1 });
  subgraph = await startSubgraphUnderTest('care-register', inject('seededDataSet'));
});

afterAll(async () => {
  await subgraph?.close();
});

/** A unit filter as the schema's TillsynsobjektFilter input takes it. */
interface UnitFilter {
  kommunKod?: string;
  lanKod?: string;
  verksamhetstyp?: string[];
  verksamhetsomrade?: string[];
  status?: string[];
  malgrupp?: string[];
  alder?: number;
  kon?: Kon;
  namn?: string;
}

const ACCEPTED_KON: Record<Kon, Kon[]> = { FLICKOR: ['FLICKOR', 'ALLA'], POJKAR: ['POJKAR', 'ALLA'], ALLA: ['ALLA'] };

/** Lower-cases A–Z only, as SQLite's LIKE does, so "Ö" and "ö" stay different. */
function asciiLowerCase(text: string): string {
  return text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

/**
 * Returns whether a unit passes a filter as the schema describes it: status AKTIV when no status
 * is given, every status for an empty list, and an empty list of any other field filters nothing.
 */
function matchesFilter(unit: TillsynsobjektRecord, filter: UnitFilter): boolean {
  const status = filter.status ?? ['AKTIV'];
  const inList = (list: string[] | undefined, value: string) => list === undefined || list.length === 0 || list.includes(value);

  if (filter.kommunKod !== undefined && unit.kommunKod !== filter.kommunKod) return false;
  if (filter.lanKod !== undefined && unit.lanKod !== filter.lanKod) return false;
  if (!inList(filter.verksamhetstyp, unit.verksamhetstyp)) return false;
  if (!inList(filter.verksamhetsomrade, unit.verksamhetsomrade)) return false;
  if (!inList(status, unit.status)) return false;
  if (filter.malgrupp?.length && !unit.malgrupper.some((malgrupp) => filter.malgrupp?.includes(malgrupp))) return false;
  if (filter.alder !== undefined && (unit.alderFran > filter.alder || unit.alderTill < filter.alder)) return false;
  if (filter.kon !== undefined && !ACCEPTED_KON[filter.kon].includes(unit.kon)) return false;
  if (filter.namn !== undefined && !asciiLowerCase(unit.namn).includes(asciiLowerCase(filter.namn.trim()))) return false;
  return true;
}

function byNameThenId(a: { namn: string; id: string }, b: { namn: string; id: string }): number {
  return compareText(a.namn, b.namn) || compareText(a.id, b.id);
}

function unitsMatching(filter: UnitFilter): TillsynsobjektRecord[] {
  return world.tillsynsobjekt.filter((unit) => matchesFilter(unit, filter)).sort(byNameThenId);
}

function unitById(id: string): TillsynsobjektRecord {
  const unit = world.tillsynsobjekt.find((candidate) => candidate.id === id);
  if (!unit) throw new Error(`The world has no unit ${id}.`);
  return unit;
}

function huvudmanById(id: string): HuvudmanRecord {
  const huvudman = world.huvudman.find((provider) => provider.id === id);
  if (!huvudman) throw new Error(`The world has no provider ${id}.`);
  return huvudman;
}

const UNIT_SELECTION = `
  id namn verksamhetstyp verksamhetsomrade status
  kommun { kod } huvudman { id } verksamhet { id }
  adress { gatuadress postnummer postort } kontaktuppgifter { telefon epost }
  malgrupper alder { fran till } kon antalPlatser tillstandsdatum skyddatBoende senastAndrad`;

/** Returns a unit as UNIT_SELECTION selects it. */
function unitNode(unit: TillsynsobjektRecord) {
  return {
    id: unit.id,
    namn: unit.namn,
    verksamhetstyp: unit.verksamhetstyp,
    verksamhetsomrade: unit.verksamhetsomrade,
    status: unit.status,
    kommun: { kod: unit.kommunKod },
    huvudman: { id: unit.huvudmanId },
    verksamhet: { id: unit.verksamhetId },
    adress: { gatuadress: unit.gatuadress, postnummer: unit.postnummer, postort: unit.postort },
    kontaktuppgifter: { telefon: unit.telefon, epost: unit.epost },
    malgrupper: [...unit.malgrupper].sort(compareText),
    alder: { fran: unit.alderFran, till: unit.alderTill },
    kon: unit.kon,
    antalPlatser: unit.antalPlatser,
    tillstandsdatum: unit.tillstandsdatum,
    skyddatBoende: unit.skyddatBoende,
    senastAndrad: new Date(unit.senastAndrad).toISOString(),
  };
}

/** Returns the audit list of a response that returned the address and contact details of these units. */
function contactDetailsAudit(units: readonly TillsynsobjektRecord[]) {
  return sortAudit(units.map((unit) => ({ type: 'Tillsynsobjekt', id: unit.id, fields: ['adress', 'kontaktuppgifter'] })));
}

/** Returns whether an organisationsnummer is a sole trader's personnummer: its month digits start with 0 or 1. */
function isSoleTraderNumber(organisationsnummer: string): boolean {
  return /^\d{2}[01]\d{3}-\d{4}$/.test(organisationsnummer);
}

/** Returns an operation as VERKSAMHET_SELECTION selects it. */
function verksamhetNode(verksamhet: VerksamhetRecord) {
  return {
    id: verksamhet.id,
    namn: verksamhet.namn,
    huvudman: { id: verksamhet.huvudmanId },
    tillstand:
      verksamhet.tillstandDatum === null
        ? null
        : { datum: verksamhet.tillstandDatum, omfattning: verksamhet.tillstandOmfattning, status: verksamhet.tillstandStatus },
    tillsynsobjekt: world.tillsynsobjekt
      .filter((unit) => unit.verksamhetId === verksamhet.id)
      .sort(byNameThenId)
      .map((unit) => ({ id: unit.id })),
  };
}

const VERKSAMHET_SELECTION = 'id namn huvudman { id } tillstand { datum omfattning status } tillsynsobjekt { id }';

type ListField = 'sokTillsynsobjekt' | 'placeringsalternativ';

/** Walks every page of a unit search and returns each page's total count and the ids in page order. */
async function searchAllPages(field: ListField, filter: UnitFilter | null, pageSize = 100) {
  const query = `query Search($filter: TillsynsobjektFilter, $first: Int, $after: String) {
    ${field}(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id } }
    }
  }`;
  const ids: string[] = [];
  const totalCounts = new Set<number>();
  let after: string | null = null;
  for (let pageNumber = 0; pageNumber < 1000; pageNumber += 1) {
    const response: GraphqlResponse = await subgraph.query(query, { filter, first: pageSize, after });
    expect(response.errors).toBeUndefined();
    const connection = response.data[field];
    totalCounts.add(connection.totalCount);
    ids.push(...connection.edges.map((edge: { node: { id: string } }) => edge.node.id));
    if (!connection.pageInfo.hasNextPage) break;
    after = connection.pageInfo.endCursor;
  }
  return { totalCounts: [...totalCounts], ids };
}

function expectRejected(response: GraphqlResponse, path: (string | number)[], extensions: Record<string, unknown>, message: string): void {
  expect(response.errors).toHaveLength(1);
  expect(response.errors?.[0]?.path).toEqual(path);
  expect(response.errors?.[0]?.extensions).toEqual(extensions);
  expect(response.errors?.[0]?.message).toBe(message);
}

function encodeCursorValue(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

describe('sokTillsynsobjekt', () => {
  it('defaults to active units by name', async () => {
    const response = await subgraph.query(`{ sokTillsynsobjekt(first: 100) { totalCount edges { node { ${UNIT_SELECTION} } } } }`);

    const active = unitsMatching({ status: ['AKTIV'] });
    expect(active.length).toBeLessThan(world.tillsynsobjekt.length);
    expect(withSortedAudit(response)).toEqual({
      data: { sokTillsynsobjekt: { totalCount: active.length, edges: active.slice(0, 100).map((unit) => ({ node: unitNode(unit) })) } },
      extensions: { ivoAudit: contactDetailsAudit(active.slice(0, 100)) },
    });
  });

  it('returns 20 units without first', async () => {
    const response = await subgraph.query('{ sokTillsynsobjekt { edges { node { id } } } }');

    expect(response).toEqual({ data: { sokTillsynsobjekt: { edges: unitsMatching({}).slice(0, 20).map((unit) => ({ node: { id: unit.id } })) } } });
  });

  it('treats an empty status list as every status', async () => {
    const { totalCounts, ids } = await searchAllPages('sokTillsynsobjekt', { status: [] });

    expect(totalCounts).toEqual([world.tillsynsobjekt.length]);
    expect(ids).toEqual([...world.tillsynsobjekt].sort(byNameThenId).map((unit) => unit.id));
  });

  it.each<{ label: string; filter: UnitFilter }>([
    { label: 'status', filter: { status: ['VILANDE', 'UPPHORD'] } },
    { label: 'kommunKod', filter: { kommunKod: '1480' } },
    { label: 'lanKod', filter: { lanKod: '14' } },
    { label: 'verksamhetstyp', filter: { verksamhetstyp: ['LSS_BOSTAD_BARN', 'SARSKILT_BOENDE'] } },
    { label: 'verksamhetsomrade', filter: { verksamhetsomrade: ['SOL_IFO'] } },
    { label: 'malgrupp', filter: { malgrupp: ['ENSAMKOMMANDE', 'VALD_I_NARA_RELATION'] } },
    { label: 'alder', filter: { alder: 15 } },
    { label: 'namn', filter: { namn: 'BOSTADEN' } },
    { label: 'every field at once', filter: { lanKod: '14', verksamhetstyp: ['HVB'], verksamhetsomrade: ['SOL_IFO'], malgrupp: ['BARN_OCH_UNGA'], alder: 15, kon: 'FLICKOR', namn: 'e' } },
  ])('filters by $label', async ({ filter }) => {
    const { totalCounts, ids } = await searchAllPages('sokTillsynsobjekt', filter);

    const expected = unitsMatching(filter).map((unit) => unit.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(unitsMatching({}).length);
    expect(totalCounts).toEqual([expected.length]);
    expect(ids).toEqual(expected);
  });

  it('matches FLICKOR with units for girls or all', async () => {
    const { ids } = await searchAllPages('sokTillsynsobjekt', { kon: 'FLICKOR', status: [] });
    const kons = new Set(ids.map((id) => unitById(id).kon));

    expect(ids).toEqual(unitsMatching({ kon: 'FLICKOR', status: [] }).map((unit) => unit.id));
    expect([...kons].sort()).toEqual(['ALLA', 'FLICKOR']);
  });

  it('matches POJKAR with units for boys or all', async () => {
    const { ids } = await searchAllPages('sokTillsynsobjekt', { kon: 'POJKAR', status: [] });
    const kons = new Set(ids.map((id) => unitById(id).kon));

    expect(ids).toEqual(unitsMatching({ kon: 'POJKAR', status: [] }).map((unit) => unit.id));
    expect([...kons].sort()).toEqual(['ALLA', 'POJKAR']);
  });

  it('matches ALLA with units for all only', async () => {
    const { ids } = await searchAllPages('sokTillsynsobjekt', { kon: 'ALLA', status: [] });
    const kons = new Set(ids.map((id) => unitById(id).kon));

    expect(ids).toEqual(world.tillsynsobjekt.filter((unit) => unit.kon === 'ALLA').sort(byNameThenId).map((unit) => unit.id));
    expect([...kons]).toEqual(['ALLA']);
  });

  it('accepts the age limits 0 and 130', async () => {
    const response = await subgraph.query('{ youngest: sokTillsynsobjekt(filter: { alder: 0 }) { totalCount } oldest: sokTillsynsobjekt(filter: { alder: 130 }) { totalCount } }');

    expect(response).toEqual({
      data: {
        youngest: { totalCount: unitsMatching({ alder: 0 }).length },
        oldest: { totalCount: unitsMatching({ alder: 130 }).length },
      },
    });
  });

  it('matches names ignoring ASCII case and surrounding blanks', async () => {
    const unit = unitsMatching({}).find((candidate) => /^[A-Za-z]+ [A-Za-z]+$/.test(candidate.namn));
    expect(unit).toBeDefined();
    const term = `  ${unit!.namn.toUpperCase()}  `;
    const { ids } = await searchAllPages('sokTillsynsobjekt', { namn: term });

    expect(ids).toContain(unit!.id);
    expect(ids).toEqual(unitsMatching({ namn: term }).map((candidate) => candidate.id));
  });

  it('treats % and _ in a name literally', async () => {
    const unit = unitsMatching({}).find((candidate) => /^[A-Za-z]+ [A-Za-z]+$/.test(candidate.namn))!;
    // The name with one letter replaced: "_" would match that letter if it were a LIKE wildcard.
    const withUnderscore = `${unit.namn.slice(0, 3)}_${unit.namn.slice(4)}`;
    const response = await subgraph.query(
      `query Names($percent: TillsynsobjektFilter, $underscore: TillsynsobjektFilter, $wildcardLetter: TillsynsobjektFilter) {
        percent: sokTillsynsobjekt(filter: $percent) { totalCount }
        underscore: sokTillsynsobjekt(filter: $underscore) { totalCount }
        wildcardLetter: sokTillsynsobjekt(filter: $wildcardLetter) { totalCount }
      }`,
      { percent: { namn: '%', status: [] }, underscore: { namn: '_', status: [] }, wildcardLetter: { namn: withUnderscore, status: [] } },
    );

    expect(world.tillsynsobjekt.filter((candidate) => /[%_]/.test(candidate.namn))).toEqual([]);
    expect(response).toEqual({ data: { percent: { totalCount: 0 }, underscore: { totalCount: 0 }, wildcardLetter: { totalCount: 0 } } });
  });

  it.each<{ label: string; filter: UnitFilter; argument: string; message: string }>([
    { label: 'alder -1', filter: { alder: -1 }, argument: 'filter.alder', message: 'Filtret alder ska vara en ålder från 0 till 130 år (fick -1).' },
    { label: 'alder 131', filter: { alder: 131 }, argument: 'filter.alder', message: 'Filtret alder ska vara en ålder från 0 till 130 år (fick 131).' },
    {
      label: 'kommunKod "14"',
      filter: { kommunKod: '14' },
      argument: 'filter.kommunKod',
      message: 'Filtret kommunKod ska vara SCB:s kommunkod med fyra siffror, till exempel 1480 (fick "14").',
    },
    {
      label: 'kommunKod "148O"',
      filter: { kommunKod: '148O' },
      argument: 'filter.kommunKod',
      message: 'Filtret kommunKod ska vara SCB:s kommunkod med fyra siffror, till exempel 1480 (fick "148O").',
    },
    {
      label: 'lanKod "1"',
      filter: { lanKod: '1' },
      argument: 'filter.lanKod',
      message: 'Filtret lanKod ska vara SCB:s länskod med två siffror, till exempel 14 (fick "1").',
    },
    {
      label: 'lanKod "140"',
      filter: { lanKod: '140' },
      argument: 'filter.lanKod',
      message: 'Filtret lanKod ska vara SCB:s länskod med två siffror, till exempel 14 (fick "140").',
    },
    { label: 'namn of 101 characters', filter: { namn: 'a'.repeat(101) }, argument: 'filter.namn', message: 'Filtret namn får vara högst 100 tecken (fick 101).' },
  ])('rejects $label', async ({ filter, argument, message }) => {
    const response = await subgraph.query('query Search($filter: TillsynsobjektFilter) { sokTillsynsobjekt(filter: $filter) { totalCount } }', { filter });

    expect(response.data).toBeNull();
    expectRejected(response, ['sokTillsynsobjekt'], { code: 'BAD_USER_INPUT', argument }, message);
  });

  it('rejects first 101', async () => {
    const response = await subgraph.query('{ sokTillsynsobjekt(first: 101) { totalCount } }');

    expect(response.data).toBeNull();
    expectRejected(
      response,
      ['sokTillsynsobjekt'],
      { code: 'BAD_USER_INPUT', argument: 'first', maximum: 100 },
      'Argumentet first får vara högst 100 (fick 101). Hämta fler rader sida för sida med after.',
    );
  });

  it('rejects first -1', async () => {
    const response = await subgraph.query('{ sokTillsynsobjekt(first: -1) { totalCount } }');

    expect(response.data).toBeNull();
    expectRejected(response, ['sokTillsynsobjekt'], { code: 'BAD_USER_INPUT', argument: 'first' }, 'Argumentet first ska vara ett heltal från 0 till 100 (fick -1).');
  });

  it('returns no rows for first 0', async () => {
    const response = await subgraph.query('{ sokTillsynsobjekt(first: 0) { totalCount pageInfo { hasNextPage startCursor endCursor } edges { node { id } } } }');

    expect(response).toEqual({
      data: { sokTillsynsobjekt: { totalCount: unitsMatching({}).length, pageInfo: { hasNextPage: true, startCursor: null, endCursor: null }, edges: [] } },
    });
  });

  it.each([
    { label: 'characters outside base64url', after: 'inte en markör!' },
    { label: 'text that is not JSON', after: Buffer.from('inte json', 'utf8').toString('base64url') },
    { label: 'a JSON object', after: encodeCursorValue({ namn: 'A', id: 'TO-000001' }) },
    { label: 'an empty array', after: encodeCursorValue([]) },
    { label: 'an array of objects', after: encodeCursorValue([{}, {}]) },
    { label: 'more than 512 characters', after: 'A'.repeat(513) },
  ])('rejects an after cursor of $label', async ({ after }) => {
    const response = await subgraph.query('query Page($after: String) { sokTillsynsobjekt(after: $after) { totalCount } }', { after });

    expect(response.data).toBeNull();
    expectRejected(
      response,
      ['sokTillsynsobjekt'],
      { code: 'BAD_USER_INPUT', argument: 'after' },
      `Argumentet after är ingen giltig markör (fick "${after.slice(0, 60)}"). Använd endCursor från en tidigare sida.`,
    );
  });

  it('rejects a cursor from a list with other sort keys', async () => {
    const response = await subgraph.query('query Page($after: String) { sokTillsynsobjekt(after: $after) { totalCount } }', { after: encodeCursorValue(['1480']) });

    expect(response.data).toBeNull();
    expectRejected(response, ['sokTillsynsobjekt'], { code: 'BAD_USER_INPUT', argument: 'after' }, 'Argumentet after hör till en annan lista. Använd endCursor från en sida av samma lista.');
  });

  it('walks every page once with cursors', async () => {
    const query = `query Page($after: String) {
      sokTillsynsobjekt(filter: { kommunKod: "1480", status: [] }, first: 7, after: $after) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        edges { cursor node { id } }
      }
    }`;
    const expected = unitsMatching({ kommunKod: '1480', status: [] }).map((unit) => unit.id);
    const pages: { ids: string[]; pageInfo: Record<string, unknown>; cursors: string[]; totalCount: number }[] = [];
    let after: string | null = null;
    for (let pageNumber = 0; pageNumber < 100; pageNumber += 1) {
      const response: GraphqlResponse = await subgraph.query(query, { after });
      const connection = response.data.sokTillsynsobjekt;
      pages.push({
        ids: connection.edges.map((edge: { node: { id: string } }) => edge.node.id),
        cursors: connection.edges.map((edge: { cursor: string }) => edge.cursor),
        pageInfo: connection.pageInfo,
        totalCount: connection.totalCount,
      });
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }

    expect(pages).toHaveLength(Math.ceil(expected.length / 7));
    expect(pages.flatMap((page) => page.ids)).toEqual(expected);
    pages.forEach((page, index) => {
      expect(page.totalCount).toBe(expected.length);
      expect(page.pageInfo).toEqual({
        hasNextPage: index < pages.length - 1,
        hasPreviousPage: index > 0,
        startCursor: page.cursors[0],
        endCursor: page.cursors.at(-1),
      });
    });
  });
});

describe('placeringsalternativ', () => {
  it('defaults to active HVB and stödboenden', async () => {
    const { totalCounts, ids } = await searchAllPages('placeringsalternativ', null);

    const expected = unitsMatching({ verksamhetstyp: ['HVB', 'STODBOENDE'] });
    expect(new Set(expected.map((unit) => unit.verksamhetstyp))).toEqual(new Set(['HVB', 'STODBOENDE']));
    expect(totalCounts).toEqual([expected.length]);
    expect(ids).toEqual(expected.map((unit) => unit.id));
  });

  it('keeps the type default beside other filters', async () => {
    const filter: UnitFilter = { lanKod: '14', alder: 15, kon: 'FLICKOR' };
    const { ids } = await searchAllPages('placeringsalternativ', filter);

    expect(ids).toEqual(unitsMatching({ ...filter, verksamhetstyp: ['HVB', 'STODBOENDE'] }).map((unit) => unit.id));
  });

  it('takes the given types instead of the default', async () => {
    const { ids } = await searchAllPages('placeringsalternativ', { verksamhetstyp: ['HVB_VUXNA_MISSBRUK'] });

    const expected = unitsMatching({ verksamhetstyp: ['HVB_VUXNA_MISSBRUK'] }).map((unit) => unit.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(ids).toEqual(expected);
  });

  it('treats an empty type list as every type', async () => {
    const { ids } = await searchAllPages('placeringsalternativ', { verksamhetstyp: [] });

    expect(ids).toEqual(unitsMatching({}).map((unit) => unit.id));
  });

  it('takes the given statuses instead of AKTIV', async () => {
    const { ids } = await searchAllPages('placeringsalternativ', { status: ['UPPHORD'] });

    const expected = unitsMatching({ verksamhetstyp: ['HVB', 'STODBOENDE'], status: ['UPPHORD'] }).map((unit) => unit.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(ids).toEqual(expected);
  });

  it('rejects an invalid filter value', async () => {
    const response = await subgraph.query('{ placeringsalternativ(filter: { alder: 131 }) { totalCount } }');

    expect(response.data).toBeNull();
    expectRejected(response, ['placeringsalternativ'], { code: 'BAD_USER_INPUT', argument: 'filter.alder' }, 'Filtret alder ska vara en ålder från 0 till 130 år (fick 131).');
  });
});

describe('tillsynsobjekt', () => {
  it('returns every field of a unit', async () => {
    const unit = world.tillsynsobjekt.find(
      (candidate) => candidate.tillstandsdatum !== null && candidate.malgrupper.length > 1 && !isSoleTraderNumber(huvudmanById(candidate.huvudmanId).organisationsnummer),
    )!;
    const response = await subgraph.query(`query Unit($id: ID!) { tillsynsobjekt(id: $id) { ${UNIT_SELECTION} huvudman { namn organisationsnummer } } }`, { id: unit.id });

    const huvudman = huvudmanById(unit.huvudmanId);
    expect(response).toEqual({
      data: { tillsynsobjekt: { ...unitNode(unit), huvudman: { id: huvudman.id, namn: huvudman.namn, organisationsnummer: huvudman.organisationsnummer } } },
      extensions: { ivoAudit: contactDetailsAudit([unit]) },
    });
  });

  it('returns null for an unknown id', async () => {
    const response = await subgraph.query('{ tillsynsobjekt(id: "TO-999999") { id } }');

    expect(response).toEqual({ data: { tillsynsobjekt: null } });
  });

  it('returns skyddatBoende as a boolean', async () => {
    const protectedUnit = world.tillsynsobjekt.find((unit) => unit.skyddatBoende)!;
    const openUnit = world.tillsynsobjekt.find((unit) => !unit.skyddatBoende)!;
    const response = await subgraph.query(
      'query Units($protected: ID!, $open: ID!) { protected: tillsynsobjekt(id: $protected) { skyddatBoende } open: tillsynsobjekt(id: $open) { skyddatBoende } }',
      { protected: protectedUnit.id, open: openUnit.id },
    );

    expect(response.data.protected.skyddatBoende).toBe(true);
    expect(response.data.open.skyddatBoende).toBe(false);
    expect(response).toEqual({ data: { protected: { skyddatBoende: true }, open: { skyddatBoende: false } } });
  });
});

describe('huvudman', () => {
  // The provider with the most units among those with a unit that is not active, so the list
  // shows that a provider's units are listed whatever their status.
  function providerWithInactiveUnits(): HuvudmanRecord {
    const counts = new Map<string, number>();
    for (const unit of world.tillsynsobjekt) counts.set(unit.huvudmanId, (counts.get(unit.huvudmanId) ?? 0) + 1);
    const candidates = world.huvudman.filter((huvudman) => world.tillsynsobjekt.some((unit) => unit.huvudmanId === huvudman.id && unit.status !== 'AKTIV'));
    return candidates.sort((a, b) => (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0) || compareText(a.id, b.id))[0]!;
  }

  it('returns operations and every unit of a provider', async () => {
    const huvudman = providerWithInactiveUnits();
    const response = await subgraph.query(
      `query Provider($id: ID!) {
        huvudman(id: $id) {
          id organisationsnummer namn huvudmannatyp
          verksamheter { ${VERKSAMHET_SELECTION} }
          tillsynsobjekt(first: 100) { totalCount edges { node { id status } } }
        }
      }`,
      { id: huvudman.id },
    );

    const units = world.tillsynsobjekt.filter((unit) => unit.huvudmanId === huvudman.id).sort(byNameThenId);
    const verksamheter = world.verksamheter.filter((verksamhet) => verksamhet.huvudmanId === huvudman.id).sort((a, b) => compareText(a.id, b.id));
    expect(units.length).toBeGreaterThan(1);
    expect(units.length).toBeLessThanOrEqual(100);
    expect(response).toEqual({
      data: {
        huvudman: {
          id: huvudman.id,
          organisationsnummer: huvudman.organisationsnummer,
          namn: huvudman.namn,
          huvudmannatyp: huvudman.huvudmannatyp,
          verksamheter: verksamheter.map(verksamhetNode),
          tillsynsobjekt: { totalCount: units.length, edges: units.map((unit) => ({ node: { id: unit.id, status: unit.status } })) },
        },
      },
    });
  });

  it('pages a provider’s units with cursors', async () => {
    const huvudman = providerWithInactiveUnits();
    const query = `query Provider($id: ID!, $after: String) {
      huvudman(id: $id) { tillsynsobjekt(first: 1, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } } }
    }`;
    const ids: string[] = [];
    let after: string | null = null;
    for (let pageNumber = 0; pageNumber < 100; pageNumber += 1) {
      const response: GraphqlResponse = await subgraph.query(query, { id: huvudman.id, after });
      const connection = response.data.huvudman.tillsynsobjekt;
      ids.push(...connection.edges.map((edge: { node: { id: string } }) => edge.node.id));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }

    expect(ids).toEqual(world.tillsynsobjekt.filter((unit) => unit.huvudmanId === huvudman.id).sort(byNameThenId).map((unit) => unit.id));
  });

  it('finds a provider by organisationsnummer', async () => {
    const huvudman = providerWithInactiveUnits();
    const response = await subgraph.query(
      'query Provider($number: String!) { found: huvudmanMedOrganisationsnummer(organisationsnummer: $number) { id namn } missing: huvudmanMedOrganisationsnummer(organisationsnummer: "000000-0000") { id } }',
      { number: huvudman.organisationsnummer },
    );

    expect(response).toEqual({ data: { found: { id: huvudman.id, namn: huvudman.namn }, missing: null } });
  });

  it('returns null for an unknown id', async () => {
    const response = await subgraph.query('{ huvudman(id: "HM-999999") { id } }');

    expect(response).toEqual({ data: { huvudman: null } });
  });
});

describe('verksamhet', () => {
  it('returns a permit with date, scope and status', async () => {
    const verksamhet = world.verksamheter.find((candidate) => candidate.tillstandDatum !== null)!;
    const response = await subgraph.query(`query Operation($id: ID!) { verksamhet(id: $id) { ${VERKSAMHET_SELECTION} } }`, { id: verksamhet.id });

    expect(response).toEqual({ data: { verksamhet: verksamhetNode(verksamhet) } });
    expect(response.data.verksamhet.tillstand).not.toBeNull();
  });

  it('returns tillstand null without a permit date', async () => {
    const verksamhet = world.verksamheter.find((candidate) => candidate.tillstandDatum === null)!;
    const response = await subgraph.query('query Operation($id: ID!) { verksamhet(id: $id) { id tillstand { datum omfattning status } } }', { id: verksamhet.id });

    expect(response).toEqual({ data: { verksamhet: { id: verksamhet.id, tillstand: null } } });
  });

  it('returns null for an unknown id', async () => {
    const response = await subgraph.query('{ verksamhet(id: "VH-999999") { id } }');

    expect(response).toEqual({ data: { verksamhet: null } });
  });
});

describe('_entities', () => {
  it('resolves every Tillsynsobjekt and a missing id to null', async () => {
    const representations = [...world.tillsynsobjekt.map((unit) => ({ __typename: 'Tillsynsobjekt', id: unit.id })), { __typename: 'Tillsynsobjekt', id: 'TO-999999' }];
    const response = await subgraph.query(entitiesQuery('Tillsynsobjekt', UNIT_SELECTION), { representations });

    expect(withSortedAudit(response)).toEqual({
      data: { _entities: [...world.tillsynsobjekt.map(unitNode), null] },
      extensions: { ivoAudit: contactDetailsAudit(world.tillsynsobjekt) },
    });
  });

  it('resolves every Verksamhet, with or without permit', async () => {
    const representations = world.verksamheter.map((verksamhet) => ({ __typename: 'Verksamhet', id: verksamhet.id }));
    const response = await subgraph.query(entitiesQuery('Verksamhet', VERKSAMHET_SELECTION), { representations });

    expect(world.verksamheter.some((verksamhet) => verksamhet.tillstandDatum === null)).toBe(true);
    expect(response).toEqual({ data: { _entities: world.verksamheter.map(verksamhetNode) } });
  });

  it('resolves Huvudman by id and a missing id to null', async () => {
    const [first, second] = world.huvudman;
    const response = await subgraph.query(entitiesQuery('Huvudman', 'id namn organisationsnummer huvudmannatyp'), {
      representations: [
        { __typename: 'Huvudman', id: second!.id },
        { __typename: 'Huvudman', id: 'HM-999999' },
        { __typename: 'Huvudman', id: first!.id },
      ],
    });

    const entity = (huvudman: HuvudmanRecord) => ({ id: huvudman.id, namn: huvudman.namn, organisationsnummer: huvudman.organisationsnummer, huvudmannatyp: huvudman.huvudmannatyp });
    expect(response).toEqual({ data: { _entities: [entity(second!), null, entity(first!)] } });
  });

  it('lists a Kommun’s active units by default', async () => {
    const response = await subgraph.query(entitiesQuery('Kommun', 'kod tillsynsobjekt(first: 100) { totalCount edges { node { id status } } }'), {
      representations: [
        { __typename: 'Kommun', kod: '1480' },
        { __typename: 'Kommun', kod: '9999' },
        { __typename: 'Kommun', kod: '0180' },
      ],
    });

    const entity = (kod: string) => {
      const units = unitsMatching({ kommunKod: kod });
      return { kod, tillsynsobjekt: { totalCount: units.length, edges: units.slice(0, 100).map((unit) => ({ node: { id: unit.id, status: 'AKTIV' } })) } };
    };
    expect(response).toEqual({ data: { _entities: [entity('1480'), entity('9999'), entity('0180')] } });
  });

  it('filters a Kommun’s units and ignores kommunKod in the filter', async () => {
    const filter = { status: [], verksamhetstyp: ['HVB', 'STODBOENDE'], kommunKod: '0180' };
    const response = await subgraph.query(
      `query Entities($representations: [_Any!]!, $filter: TillsynsobjektFilter) {
        _entities(representations: $representations) { ... on Kommun { kod tillsynsobjekt(filter: $filter, first: 100) { totalCount edges { node { id } } } } }
      }`,
      { representations: [{ __typename: 'Kommun', kod: '1480' }], filter },
    );

    const units = unitsMatching({ ...filter, kommunKod: '1480' });
    expect(units.some((unit) => unit.status !== 'AKTIV')).toBe(true);
    expect(response).toEqual({
      data: { _entities: [{ kod: '1480', tillsynsobjekt: { totalCount: units.length, edges: units.map((unit) => ({ node: { id: unit.id } })) } }] },
    });
  });

  it('walks a Kommun’s units page by page', async () => {
    const query = `query Entities($representations: [_Any!]!, $after: String) {
      _entities(representations: $representations) { ... on Kommun { tillsynsobjekt(first: 9, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } } } }
    }`;
    const ids: string[] = [];
    let after: string | null = null;
    for (let pageNumber = 0; pageNumber < 100; pageNumber += 1) {
      const response: GraphqlResponse = await subgraph.query(query, { representations: [{ __typename: 'Kommun', kod: '1480' }], after });
      const connection = response.data._entities[0].tillsynsobjekt;
      ids.push(...connection.edges.map((edge: { node: { id: string } }) => edge.node.id));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }

    expect(ids).toEqual(unitsMatching({ kommunKod: '1480' }).map((unit) => unit.id));
  });

  it('rejects an invalid filter on a Kommun', async () => {
    const response = await subgraph.query(entitiesQuery('Kommun', 'tillsynsobjekt(filter: { lanKod: "1" }) { totalCount }'), {
      representations: [{ __typename: 'Kommun', kod: '1480' }],
    });

    expect(response.data).toEqual({ _entities: [null] });
    expectRejected(
      response,
      ['_entities', 0, 'tillsynsobjekt'],
      { code: 'BAD_USER_INPUT', argument: 'filter.lanKod' },
      'Filtret lanKod ska vara SCB:s länskod med två siffror, till exempel 14 (fick "1").',
    );
  });

  it('loads units of every Kommun with two statements', async () => {
    const representations = world.kommuner.map((kommun) => ({ __typename: 'Kommun', kod: kommun.kod }));
    let response: GraphqlResponse | undefined;
    const statements = await subgraph.recordStatements(async () => {
      response = await subgraph.query(entitiesQuery('Kommun', 'tillsynsobjekt(first: 3) { totalCount edges { node { id } } }'), { representations });
    });

    expect(response).toEqual({
      data: {
        _entities: world.kommuner.map((kommun) => {
          const units = unitsMatching({ kommunKod: kommun.kod });
          return { tillsynsobjekt: { totalCount: units.length, edges: units.slice(0, 3).map((unit) => ({ node: { id: unit.id } })) } };
        }),
      },
    });
    // One page statement and one count statement for all 290 municipalities.
    expect(statements).toHaveLength(2);
  });

  it('reports a next page for first 0 on a municipality list', async () => {
    const units = unitsMatching({ kommunKod: '1480' });
    const response = await subgraph.query(entitiesQuery('Kommun', 'tillsynsobjekt(first: 0) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } }'), {
      representations: [{ __typename: 'Kommun', kod: '1480' }],
    });

    expect(units.length).toBeGreaterThan(0);
    expect(response).toEqual({
      data: { _entities: [{ tillsynsobjekt: { totalCount: units.length, pageInfo: { hasNextPage: true, endCursor: null }, edges: [] } }] },
    });
  });

  it('rejects a representation without its key', async () => {
    const response = await subgraph.query(entitiesQuery('Tillsynsobjekt', 'id'), { representations: [{ __typename: 'Tillsynsobjekt' }] });

    // Apollo's _entities resolver lets the error through for the whole non-null list.
    expect(response.data).toBeNull();
    expect(response.errors).toHaveLength(1);
    expect(response.errors?.[0]?.path).toEqual(['_entities']);
    expect(response.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'representations' });
    expect(response.errors?.[0]?.message).toBe('Representationen av Tillsynsobjekt saknar nyckelfältet id.');
  });
});

describe('_service', () => {
  it('publishes the entity types with their keys', async () => {
    const response = await subgraph.query('{ _service { sdl } }');

    expect(response.errors).toBeUndefined();
    expect(readEntityKeys(response.data._service.sdl)).toEqual({ Huvudman: ['id'], Verksamhet: ['id'], Tillsynsobjekt: ['id'], Kommun: ['kod'] });
  });
});

describe('access', () => {
  const NOT_LOGGED_IN = 'Uppgiften visas bara för inloggade användare. Logga in med BankID eller SITHS-kort.';
  const OUTSIDE_AREA = 'Uppgiften visas bara för användare med en roll i verksamhetsområdet som uppgiften hör till.';
  const PROTECTED_ADDRESS = 'Adress och kontaktuppgifter till ett skyddat boende visas bara för IVO:s handläggare.';
  const CONTACT_QUERY = 'query Unit($id: ID!) { tillsynsobjekt(id: $id) { id adress { gatuadress } kontaktuppgifter { telefon } } }';

  // Johan Sandberg, rapportör for N-0001 in SOL_IFO only.
  const rapportor = FIXED_USER_RECORDS.find((user) => user.id === FIXED_USERS.rapportorGoteborgIfo)!;
  const rapportorAccess: AccessContext = {
    anonymous: false,
    userId: rapportor.id,
    roles: [{ roll: rapportor.roll, namndId: rapportor.namndId, verksamhetsomraden: [...rapportor.verksamhetsomraden] }],
  };

  function contactErrors(reason: string, message: string) {
    return ['adress', 'kontaktuppgifter'].map((field) => ({
      message,
      locations: expect.any(Array),
      path: ['tillsynsobjekt', field],
      extensions: { code: 'FORBIDDEN', reason },
    }));
  }

  it('rejects a request without internal token', async () => {
    const { status, body } = await subgraph.post('{ sokTillsynsobjekt { totalCount } }', undefined, {});

    expect(status).toBe(401);
    expect(body).toEqual({
      errors: [{ message: 'Subgrafen tar bara emot anrop från routern med en giltig intern token.', extensions: { code: 'UNAUTHENTICATED', requestId: expect.any(String) } }],
    });
  });

  it('withholds contact details from anonymous callers', async () => {
    const unit = world.tillsynsobjekt.find((candidate) => !candidate.skyddatBoende)!;
    const response = await subgraph.queryAs(ANONYMOUS_ACCESS, CONTACT_QUERY, { id: unit.id });

    expect(response).toEqual({
      data: { tillsynsobjekt: { id: unit.id, adress: null, kontaktuppgifter: null } },
      errors: contactErrors('notLoggedIn', NOT_LOGGED_IN),
    });
  });

  it('shows contact details in the caller’s area only', async () => {
    const inArea = world.tillsynsobjekt.find((unit) => unit.verksamhetsomrade === 'SOL_IFO' && !unit.skyddatBoende)!;
    const outsideArea = world.tillsynsobjekt.find((unit) => unit.verksamhetsomrade === 'LSS' && !unit.skyddatBoende)!;
    const inside = await subgraph.queryAs(rapportorAccess, CONTACT_QUERY, { id: inArea.id });
    const outside = await subgraph.queryAs(rapportorAccess, CONTACT_QUERY, { id: outsideArea.id });

    expect(inside).toEqual({
      data: { tillsynsobjekt: { id: inArea.id, adress: { gatuadress: inArea.gatuadress }, kontaktuppgifter: { telefon: inArea.telefon } } },
      extensions: { ivoAudit: contactDetailsAudit([inArea]) },
    });
    expect(outside).toEqual({
      data: { tillsynsobjekt: { id: outsideArea.id, adress: null, kontaktuppgifter: null } },
      errors: contactErrors('outsideArea', OUTSIDE_AREA),
    });
  });

  it('shows a protected address to IVO staff only', async () => {
    const unit = world.tillsynsobjekt.find((candidate) => candidate.skyddatBoende && candidate.verksamhetsomrade === 'SOL_IFO')!;
    expect(unit).toBeDefined();
    const asRapportor = await subgraph.queryAs(rapportorAccess, CONTACT_QUERY, { id: unit.id });
    const asIvoStaff = await subgraph.query(CONTACT_QUERY, { id: unit.id });

    expect(asRapportor).toEqual({
      data: { tillsynsobjekt: { id: unit.id, adress: null, kontaktuppgifter: null } },
      errors: contactErrors('protectedAddress', PROTECTED_ADDRESS),
    });
    expect(asIvoStaff).toEqual({
      data: { tillsynsobjekt: { id: unit.id, adress: { gatuadress: unit.gatuadress }, kontaktuppgifter: { telefon: unit.telefon } } },
      extensions: { ivoAudit: contactDetailsAudit([unit]) },
    });
  });

  it('masks a sole trader’s personnummer except for IVO staff', async () => {
    const soleTrader = world.huvudman.find((huvudman) => isSoleTraderNumber(huvudman.organisationsnummer))!;
    expect(soleTrader).toBeDefined();
    const query = 'query Provider($id: ID!) { huvudman(id: $id) { id organisationsnummer } }';
    const anonymous = await subgraph.queryAs(ANONYMOUS_ACCESS, query, { id: soleTrader.id });
    const ivoStaff = await subgraph.query(query, { id: soleTrader.id });

    expect(anonymous).toEqual({ data: { huvudman: { id: soleTrader.id, organisationsnummer: `${soleTrader.organisationsnummer.slice(0, 6)}-****` } } });
    expect(ivoStaff).toEqual({
      data: { huvudman: { id: soleTrader.id, organisationsnummer: soleTrader.organisationsnummer } },
      extensions: { ivoAudit: [{ type: 'Huvudman', id: soleTrader.id, fields: ['organisationsnummer'] }] },
    });
  });

  it('shows open register data to anonymous callers', async () => {
    const response = await subgraph.queryAs(ANONYMOUS_ACCESS, '{ sokTillsynsobjekt(filter: { kommunKod: "1480" }, first: 100) { totalCount edges { node { id namn status skyddatBoende } } } }');

    const units = unitsMatching({ kommunKod: '1480' });
    expect(response).toEqual({
      data: {
        sokTillsynsobjekt: {
          totalCount: units.length,
          edges: units.map((unit) => ({ node: { id: unit.id, namn: unit.namn, status: unit.status, skyddatBoende: unit.skyddatBoende } })),
        },
      },
    });
  });
});
