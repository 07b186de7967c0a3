import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { AccessContext } from '../../src/access/access-context.ts';
import type { Database } from '../../src/db/open-database.ts';
import { copyDataSet, openTestDatabase, type TestDataSetCopy } from '../../test/test-data-set.ts';
import type { CasesDatabase } from './database.ts';
import { FIXED_USER_RECORDS, FIXED_USERS } from '../../src/seed/fixed-users.ts';
import { generateWorld } from '../../src/seed/generate-world.ts';
import type { ArendeKopplingRecord, ArendeRecord, Arendetyp, BeslutRecord, EjVerkstalltBeslutRecord, TillsynsobjektRecord, World } from '../../src/seed/world-types.ts';
import {
  ANONYMOUS_ACCESS,
  compareText,
  entitiesQuery,
  expectedAudit,
  readEntityKeys,
  startSubgraphUnderTest,
  withSortedAudit,
  type ExpectedAuditObject,
  type GraphqlResponse,
  type SubgraphUnderTest,
} from '../../test/subgraph-harness.ts';

// The databases were seeded from this same deterministic world, so every expectation below is
// computed from it in plain code rather than copied from a response.
let world: World;
let subgraph: SubgraphUnderTest;
let arendetypByKod: Map<string, Arendetyp>;
let klassificeringByKod: Map<string, { kod: string; namn: string }>;
let arendeByNummer: Map<string, ArendeRecord>;
let linkByNummer: Map<string, ArendeKopplingRecord>;
let linkedCasesByUnit: Map<string, ArendeRecord[]>;
let decisionsByNummer: Map<string, BeslutRecord[]>;

beforeAll(async () => {
  world = generateWorld({ scale: 1 });
  arendetypByKod = new Map(world.klassificeringar.map((entry) => [entry.kod, entry.arendetyp]));
  klassificeringByKod = new Map(world.klassificeringar.map((entry) => [entry.kod, { kod: entry.kod, namn: entry.namn }]));
  arendeByNummer = new Map(world.arenden.map((arende) => [arende.diarienummer, arende]));
  linkByNummer = new Map(world.kopplingar.map((link) => [link.diarienummer, link]));

  linkedCasesByUnit = new Map();
  for (const link of world.kopplingar) {
    const arende = arendeByNummer.get(link.diarienummer)!;
    if (arende.inkom < world.kopplingsgrans) continue;
    const cases = linkedCasesByUnit.get(link.tillsynsobjektId) ?? [];
    cases.push(arende);
    linkedCasesByUnit.set(link.tillsynsobjektId, cases);
  }
  for (const cases of linkedCasesByUnit.values()) cases.sort(newestFirst);

  decisionsByNummer = new Map();
  for (const beslut of world.beslut) {
    const decisions = decisionsByNummer.get(beslut.diarienummer) ?? [];
    decisions.push(beslut);
    decisionsByNummer.set(beslut.diarienummer, decisions);
  }
  for (const decisions of decisionsByNummer.values()) decisions.sort((a, b) => compareText(a.datum, b.datum) || compareText(a.id, b.id));

  subgraph = await startSubgraphUnderTest('cases', inject('seededDataSet'));
});

afterAll(async () => {
  await subgraph?.close();
});

const ARENDE_AUDITED = ['diarienummer', 'klassificering', 'arendetyp', 'verksamhetsomrade', 'arendemening', 'status', 'inkom', 'avslutat', 'arendepart', 'koppling', 'beslut'];
const BESLUT_AUDITED = ['id', 'datum', 'beslutstyp', 'sammanfattning', 'arende'];
const EVB_AUDITED = ['id', 'namnd', 'lagrum', 'verksamhetsomrade', 'beslutsdatum', 'insats', 'pseudoidentitet', 'kon', 'orsak', 'rapporteringskvartal', 'status', 'verkstalltDatum', 'avslutatDatum'];
// The list fields are audited as a whole too, because their cursors and counts carry case numbers and ids.
const TILLSYNSOBJEKT_AUDITED = ['arenden', 'senasteTillsynsbeslut', 'antalUpplysningsarenden'];
const NAMND_AUDITED = ['ejVerkstallaBeslut'];

function newestFirst(a: ArendeRecord, b: ArendeRecord): number {
  return compareText(b.inkom, a.inkom) || compareText(b.diarienummer, a.diarienummer);
}

function arendetypOf(arende: ArendeRecord): Arendetyp {
  return arendetypByKod.get(arende.klassificeringKod)!;
}

/** Returns the cases linked to a unit that the graph shows: opened on or after the cut-off, newest first. */
function linkedCases(unitId: string): ArendeRecord[] {
  return linkedCasesByUnit.get(unitId) ?? [];
}

function decisionsOf(diarienummer: string): BeslutRecord[] {
  return decisionsByNummer.get(diarienummer) ?? [];
}

function unitById(id: string): TillsynsobjektRecord {
  const unit = world.tillsynsobjekt.find((candidate) => candidate.id === id);
  if (!unit) throw new Error(`The world has no unit ${id}.`);
  return unit;
}

/** Returns the unit with the most linked cases, the lowest id first on a tie. */
function busiestUnit(): TillsynsobjektRecord {
  const [id] = [...linkedCasesByUnit].sort((a, b) => b[1].length - a[1].length || compareText(a[0], b[0]))[0]!;
  return unitById(id);
}

/** Returns the representation the router sends for a unit: its key and the area that `@requires` names. */
function unitReference(unit: TillsynsobjektRecord) {
  return { __typename: 'Tillsynsobjekt', id: unit.id, verksamhetsomrade: unit.verksamhetsomrade };
}

/** Returns the newest decision in a linked supervision case of the unit, by date and then id. */
function latestSupervisionDecision(unitId: string): BeslutRecord | null {
  const decisions = linkedCases(unitId)
    .filter((arende) => arendetypOf(arende) === 'TILLSYN')
    .flatMap((arende) => decisionsOf(arende.diarienummer));
  decisions.sort((a, b) => compareText(b.datum, a.datum) || compareText(b.id, a.id));
  return decisions[0] ?? null;
}

const BESLUT_SELECTION = 'id datum beslutstyp sammanfattning';
const CASE_SELECTION = `
  diarienummer klassificering { kod namn } arendetyp verksamhetsomrade arendemening status inkom avslutat
  arendepart { namn typ identitet } koppling { tillsynsobjekt { id } metod konfidens } beslut { ${BESLUT_SELECTION} }`;

function beslutNode(beslut: BeslutRecord) {
  return { id: beslut.id, datum: beslut.datum, beslutstyp: beslut.beslutstyp, sammanfattning: beslut.sammanfattning };
}

/** Returns the link the graph shows for a case, or null for a case opened before the cut-off. */
function kopplingNode(arende: ArendeRecord) {
  const link = linkByNummer.get(arende.diarienummer);
  if (!link || arende.inkom < world.kopplingsgrans) return null;
  return { tillsynsobjekt: { id: link.tillsynsobjektId }, metod: link.metod, konfidens: link.konfidens };
}

/** Returns a case as CASE_SELECTION selects it for IVO staff, who see a sole trader's personnummer. */
function caseNode(arende: ArendeRecord) {
  return {
    diarienummer: arende.diarienummer,
    klassificering: klassificeringByKod.get(arende.klassificeringKod),
    arendetyp: arendetypOf(arende),
    verksamhetsomrade: arende.verksamhetsomrade,
    arendemening: arende.arendemening,
    status: arende.status,
    inkom: arende.inkom,
    avslutat: arende.avslutat,
    arendepart: { namn: arende.partNamn, typ: arende.partTyp, identitet: arende.partIdentitet },
    koppling: kopplingNode(arende),
    beslut: decisionsOf(arende.diarienummer).map(beslutNode),
  };
}

/** Returns the audit entries of a case node and the decisions in it, as returned to IVO staff. */
function caseAudit(arende: ArendeRecord, node: Record<string, unknown>): ExpectedAuditObject[] {
  const partIdentity = 'arendepart' in node && arende.partTyp === 'PERSON' ? ['arendepart.identitet'] : [];
  const decisions = (node.beslut as Record<string, unknown>[] | undefined) ?? [];
  return [
    { type: 'Arende', id: arende.diarienummer, node, auditedFields: ARENDE_AUDITED, extraFields: partIdentity },
    ...decisions.map((decision) => ({ type: 'Beslut', id: decision.id as string, node: decision, auditedFields: BESLUT_AUDITED })),
  ];
}

function evbNode(report: EjVerkstalltBeslutRecord) {
  return {
    id: report.id,
    namnd: { id: report.namndId },
    lagrum: report.lagrum,
    verksamhetsomrade: report.verksamhetsomrade,
    beslutsdatum: report.beslutsdatum,
    insats: report.insats,
    pseudoidentitet: report.pseudoidentitet,
    kon: report.kon,
    orsak: report.orsak,
    rapporteringskvartal: report.rapporteringskvartal,
    status: report.status,
    verkstalltDatum: report.verkstalltDatum,
    avslutatDatum: report.avslutatDatum,
  };
}

const EVB_SELECTION = 'id namnd { id } lagrum verksamhetsomrade beslutsdatum insats pseudoidentitet kon orsak rapporteringskvartal status verkstalltDatum avslutatDatum';

/** Returns a committee's EVB reports in the graph's order: latest quarter first, then by id. */
function reportsOf(namndId: string, filter: { status?: string[]; verksamhetsomrade?: string[] } = {}): EjVerkstalltBeslutRecord[] {
  return world.ejVerkstallaBeslut
    .filter((report) => report.namndId === namndId)
    .filter((report) => !filter.status?.length || filter.status.includes(report.status))
    .filter((report) => !filter.verksamhetsomrade?.length || filter.verksamhetsomrade.includes(report.verksamhetsomrade))
    .sort((a, b) => compareText(b.rapporteringskvartal, a.rapporteringskvartal) || compareText(a.id, b.id));
}

function accessOf(userId: string): AccessContext {
  const user = FIXED_USER_RECORDS.find((candidate) => candidate.id === userId)!;
  return { anonymous: false, userId: user.id, roles: [{ roll: user.roll, namndId: user.namndId, verksamhetsomraden: [...user.verksamhetsomraden] }] };
}

interface CaseFilter {
  arendetyp?: Arendetyp[];
  inkomFran?: string;
  inkomTill?: string;
}

const CASE_PAGE_QUERY = `query Cases($representations: [_Any!]!, $arendetyp: [Arendetyp!], $inkomFran: Datum, $inkomTill: Datum, $first: Int, $after: String) {
  _entities(representations: $representations) {
    ... on Tillsynsobjekt {
      arenden(arendetyp: $arendetyp, inkomFran: $inkomFran, inkomTill: $inkomTill, first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        edges { cursor node { diarienummer } }
      }
    }
  }
}`;

/** Walks every page of a unit's cases and returns each page's total count and the case numbers in page order. */
async function walkCases(unit: TillsynsobjektRecord, filter: CaseFilter, pageSize = 100) {
  const numbers: string[] = [];
  const totalCounts = new Set<number>();
  let after: string | null = null;
  for (let pageNumber = 0; pageNumber < 1000; pageNumber += 1) {
    const response: GraphqlResponse = await subgraph.query(CASE_PAGE_QUERY, { representations: [unitReference(unit)], ...filter, first: pageSize, after });
    expect(response.errors).toBeUndefined();
    const connection = response.data._entities[0].arenden;
    totalCounts.add(connection.totalCount);
    numbers.push(...connection.edges.map((edge: { node: { diarienummer: string } }) => edge.node.diarienummer));
    if (!connection.pageInfo.hasNextPage) break;
    after = connection.pageInfo.endCursor;
  }
  return { totalCounts: [...totalCounts], numbers };
}

function matchesCaseFilter(arende: ArendeRecord, filter: CaseFilter): boolean {
  if (filter.arendetyp && !filter.arendetyp.includes(arendetypOf(arende))) return false;
  if (filter.inkomFran && arende.inkom < filter.inkomFran) return false;
  if (filter.inkomTill && arende.inkom > filter.inkomTill) return false;
  return true;
}

describe('Tillsynsobjekt.arenden', () => {
  it('lists linked cases newest first', async () => {
    const unit = busiestUnit();
    const response = await subgraph.query(entitiesQuery('Tillsynsobjekt', `id arenden(first: 100) { totalCount edges { node { ${CASE_SELECTION} } } }`), {
      representations: [unitReference(unit)],
    });

    const cases = linkedCases(unit.id);
    const nodes = cases.map(caseNode);
    expect(cases.length).toBeGreaterThan(20);
    expect(cases.length).toBeLessThanOrEqual(100);
    const entity = { id: unit.id, arenden: { totalCount: cases.length, edges: nodes.map((node) => ({ node })) } };
    expect(nodes.every((node) => node.koppling?.tillsynsobjekt.id === unit.id)).toBe(true);
    expect(withSortedAudit(response)).toEqual({
      data: { _entities: [entity] },
      extensions: {
        ivoAudit: expectedAudit([
          { type: 'Tillsynsobjekt', id: unit.id, node: entity, auditedFields: TILLSYNSOBJEKT_AUDITED },
          ...cases.flatMap((arende, index) => caseAudit(arende, nodes[index]!)),
        ]),
      },
    });
  });

  it('leaves out cases opened before the cut-off', async () => {
    const { numbers } = await walkCases(busiestUnit(), {});

    expect(numbers.length).toBeGreaterThan(0);
    expect(numbers.filter((number) => arendeByNummer.get(number)!.inkom < world.kopplingsgrans)).toEqual([]);
  });

  it('walks small pages without duplicates', async () => {
    const unit = busiestUnit();
    const expected = linkedCases(unit.id).map((arende) => arende.diarienummer);
    const pages: GraphqlResponse[] = [];
    let after: string | null = null;
    for (let pageNumber = 0; pageNumber < 100; pageNumber += 1) {
      const response: GraphqlResponse = await subgraph.query(CASE_PAGE_QUERY, { representations: [unitReference(unit)], first: 5, after });
      pages.push(response);
      const connection = response.data._entities[0].arenden;
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }

    const connections = pages.map((page) => page.data._entities[0].arenden);
    expect(pages.map((page) => page.errors)).toEqual(pages.map(() => undefined));
    expect(connections.flatMap((connection) => connection.edges.map((edge: { node: { diarienummer: string } }) => edge.node.diarienummer))).toEqual(expected);
    expect(connections).toHaveLength(Math.ceil(expected.length / 5));
    connections.forEach((connection, index) => {
      expect(connection.totalCount).toBe(expected.length);
      expect(connection.pageInfo).toEqual({
        hasNextPage: index < connections.length - 1,
        hasPreviousPage: index > 0,
        startCursor: connection.edges[0].cursor,
        endCursor: connection.edges.at(-1).cursor,
      });
    });
  });

  it.each<{ label: string; filter: (cases: ArendeRecord[]) => CaseFilter }>([
    { label: 'arendetyp TILLSYN', filter: () => ({ arendetyp: ['TILLSYN'] }) },
    { label: 'arendetyp UPPLYSNING and TILLSTAND', filter: () => ({ arendetyp: ['UPPLYSNING', 'TILLSTAND'] }) },
    // Periods start and end on days when a case came in, so the bounds must be inclusive.
    { label: 'inkomFran', filter: (cases) => ({ inkomFran: cases[5]!.inkom }) },
    { label: 'inkomTill', filter: (cases) => ({ inkomTill: cases[5]!.inkom }) },
    { label: 'a period and a type', filter: (cases) => ({ inkomFran: cases[15]!.inkom, inkomTill: cases[3]!.inkom, arendetyp: ['TILLSYN'] }) },
  ])('filters by $label', async ({ filter: makeFilter }) => {
    const unit = busiestUnit();
    const cases = linkedCases(unit.id);
    const filter = makeFilter(cases);
    const { totalCounts, numbers } = await walkCases(unit, filter, 7);

    const expected = cases.filter((arende) => matchesCaseFilter(arende, filter)).map((arende) => arende.diarienummer);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(cases.length);
    expect(totalCounts).toEqual([expected.length]);
    expect(numbers).toEqual(expected);
  });

  it('returns an empty list for a unit without cases', async () => {
    const unit = world.tillsynsobjekt.find((candidate) => linkedCases(candidate.id).length === 0)!;
    const response = await subgraph.query(CASE_PAGE_QUERY, { representations: [unitReference(unit)] });

    const entity = { arenden: { totalCount: 0, pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null }, edges: [] } };
    expect(response).toEqual({
      data: { _entities: [entity] },
      extensions: { ivoAudit: expectedAudit([{ type: 'Tillsynsobjekt', id: unit.id, node: entity, auditedFields: TILLSYNSOBJEKT_AUDITED }]) },
    });
  });

  it('rejects an inverted period', async () => {
    const response = await subgraph.query(CASE_PAGE_QUERY, { representations: [unitReference(busiestUnit())], inkomFran: '2024-01-01', inkomTill: '2023-12-31' });

    expect(response.data).toEqual({ _entities: [{ arenden: null }] });
    expect(response.errors).toHaveLength(1);
    expect(response.errors?.[0]?.path).toEqual(['_entities', 0, 'arenden']);
    expect(response.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'inkomFran' });
    expect(response.errors?.[0]?.message).toBe('Argumentet inkomFran (2024-01-01) ligger efter inkomTill (2023-12-31); ange en period där början kommer först.');
  });

  it('rejects first 101', async () => {
    const response = await subgraph.query(CASE_PAGE_QUERY, { representations: [unitReference(busiestUnit())], first: 101 });

    expect(response.data).toEqual({ _entities: [{ arenden: null }] });
    expect(response.errors).toHaveLength(1);
    expect(response.errors?.[0]?.path).toEqual(['_entities', 0, 'arenden']);
    expect(response.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'first', maximum: 100 });
    expect(response.errors?.[0]?.message).toBe('Argumentet first får vara högst 100 (fick 101). Hämta fler rader sida för sida med after.');
  });

  it('rejects an impossible date before reading the database', async () => {
    let response: GraphqlResponse | undefined;
    const statements = await subgraph.recordStatements(async () => {
      response = await subgraph.query(CASE_PAGE_QUERY, { representations: [unitReference(busiestUnit())], inkomFran: '2023-02-30' });
    });

    expect(response?.data).toBeUndefined();
    expect(response?.errors).toHaveLength(1);
    expect(statements).toEqual([]);
  });

  it('rejects an impossible date in a variable with BAD_USER_INPUT', async () => {
    const response = await subgraph.query(CASE_PAGE_QUERY, { representations: [unitReference(busiestUnit())], inkomFran: '2023-02-30' });

    expect(response.data).toBeUndefined();
    expect(response.errors).toHaveLength(1);
    expect(response.errors?.[0]?.path).toBeUndefined();
    expect(response.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT' });
    expect(response.errors?.[0]?.message).toBe(
      'Variable "$inkomFran" got invalid value "2023-02-30"; Ett datum ska skrivas ÅÅÅÅ-MM-DD och finnas i kalendern (fick "2023-02-30").',
    );
  });

  it('rejects an impossible date in the query text', async () => {
    const response = await subgraph.query(entitiesQuery('Tillsynsobjekt', 'arenden(inkomTill: "2023-02-30") { totalCount }'), {
      representations: [unitReference(busiestUnit())],
    });

    expect(response.data).toBeUndefined();
    expect(response.errors).toHaveLength(1);
    expect(response.errors?.[0]?.message).toBe('Ett datum ska skrivas ÅÅÅÅ-MM-DD och finnas i kalendern (fick "2023-02-30").');
    // Apollo Server reports every error found while validating the query text as
    // GRAPHQL_VALIDATION_FAILED, so a literal gets another code than the same value in a variable.
    expect(response.errors?.[0]?.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });

  it('loads cases of 100 units with five statements', async () => {
    const units = world.tillsynsobjekt.slice(0, 100);
    let response: GraphqlResponse | undefined;
    const statements = await subgraph.recordStatements(async () => {
      response = await subgraph.query(
        entitiesQuery('Tillsynsobjekt', 'arenden(first: 5) { totalCount edges { node { diarienummer klassificering { kod } beslut { id } } } } senasteTillsynsbeslut { id }'),
        { representations: units.map(unitReference) },
      );
    });

    expect(response?.errors).toBeUndefined();
    expect(response?.data._entities).toEqual(
      units.map((unit) => ({
        arenden: {
          totalCount: linkedCases(unit.id).length,
          edges: linkedCases(unit.id)
            .slice(0, 5)
            .map((arende) => ({
              node: {
                diarienummer: arende.diarienummer,
                klassificering: { kod: arende.klassificeringKod },
                beslut: decisionsOf(arende.diarienummer).map((beslut) => ({ id: beslut.id })),
              },
            })),
        },
        senasteTillsynsbeslut: latestSupervisionDecision(unit.id) && { id: latestSupervisionDecision(unit.id)!.id },
      })),
    );
    // Case pages, case counts, classifications, decisions, latest decisions: one statement each.
    expect(statements).toHaveLength(5);
  });
});

describe('Tillsynsobjekt.senasteTillsynsbeslut', () => {
  it('returns the newest supervision decision of every unit', async () => {
    const response = await subgraph.query(entitiesQuery('Tillsynsobjekt', `id senasteTillsynsbeslut { ${BESLUT_SELECTION} }`), {
      representations: world.tillsynsobjekt.map(unitReference),
    });

    const latest = world.tillsynsobjekt.map((unit) => latestSupervisionDecision(unit.id));
    const withDecision = latest.filter((beslut): beslut is BeslutRecord => beslut !== null);
    const entities = world.tillsynsobjekt.map((unit, index) => ({ id: unit.id, senasteTillsynsbeslut: latest[index] && beslutNode(latest[index]!) }));
    expect(withDecision.length).toBeGreaterThan(1000);
    expect(withDecision.length).toBeLessThan(world.tillsynsobjekt.length);
    expect(withSortedAudit(response)).toEqual({
      data: { _entities: entities },
      extensions: {
        // A unit without a supervision decision has senasteTillsynsbeslut null, so expectedAudit leaves that unit out.
        ivoAudit: expectedAudit([
          ...entities.map((entity) => ({ type: 'Tillsynsobjekt', id: entity.id, node: entity, auditedFields: TILLSYNSOBJEKT_AUDITED })),
          ...withDecision.map((beslut) => ({ type: 'Beslut', id: beslut.id, node: beslutNode(beslut), auditedFields: BESLUT_AUDITED })),
        ]),
      },
    });
  });

  it('ignores decisions in other case types', async () => {
    // A unit whose newest decision of any type is not a supervision decision.
    const unit = world.tillsynsobjekt.find((candidate) => {
      const newest = linkedCases(candidate.id)
        .flatMap((arende) => decisionsOf(arende.diarienummer).map((beslut) => ({ beslut, arendetyp: arendetypOf(arende) })))
        .sort((a, b) => compareText(b.beslut.datum, a.beslut.datum) || compareText(b.beslut.id, a.beslut.id))[0];
      return newest !== undefined && newest.arendetyp !== 'TILLSYN' && latestSupervisionDecision(candidate.id) !== null;
    })!;
    const response = await subgraph.query(entitiesQuery('Tillsynsobjekt', 'senasteTillsynsbeslut { id }'), { representations: [unitReference(unit)] });

    expect(response.data).toEqual({ _entities: [{ senasteTillsynsbeslut: { id: latestSupervisionDecision(unit.id)!.id } }] });
  });
});

describe('Tillsynsobjekt.antalUpplysningsarenden', () => {
  it('counts complaint cases of every unit, all time and in a period', async () => {
    const response = await subgraph.query(
      entitiesQuery('Tillsynsobjekt', 'id total: antalUpplysningsarenden period: antalUpplysningsarenden(fran: "2021-03-01", till: "2023-06-30")'),
      { representations: world.tillsynsobjekt.map(unitReference) },
    );

    const complaints = (unitId: string) => linkedCases(unitId).filter((arende) => arendetypOf(arende) === 'UPPLYSNING');
    const expected = world.tillsynsobjekt.map((unit) => ({
      id: unit.id,
      total: complaints(unit.id).length,
      period: complaints(unit.id).filter((arende) => arende.inkom >= '2021-03-01' && arende.inkom <= '2023-06-30').length,
    }));
    expect(expected.filter((entry) => entry.total > entry.period && entry.period > 0).length).toBeGreaterThan(0);
    expect(withSortedAudit(response)).toEqual({
      data: { _entities: expected },
      extensions: {
        ivoAudit: expectedAudit(world.tillsynsobjekt.map((unit) => ({ type: 'Tillsynsobjekt', id: unit.id, node: { antalUpplysningsarenden: 0 }, auditedFields: ['antalUpplysningsarenden'] }))),
      },
    });
  });

  it('counts both ends of the period', async () => {
    const unit = [...world.tillsynsobjekt].sort(
      (a, b) => linkedCases(b.id).filter((arende) => arendetypOf(arende) === 'UPPLYSNING').length - linkedCases(a.id).filter((arende) => arendetypOf(arende) === 'UPPLYSNING').length,
    )[0]!;
    const complaints = linkedCases(unit.id).filter((arende) => arendetypOf(arende) === 'UPPLYSNING');
    const newest = complaints[0]!;
    const oldest = complaints.at(-1)!;
    const response = await subgraph.query(
      'query Count($representations: [_Any!]!, $fran: Datum, $till: Datum) { _entities(representations: $representations) { ... on Tillsynsobjekt { antalUpplysningsarenden(fran: $fran, till: $till) } } }',
      { representations: [unitReference(unit)], fran: oldest.inkom, till: newest.inkom },
    );

    expect(complaints.length).toBeGreaterThan(2);
    expect(response.data).toEqual({ _entities: [{ antalUpplysningsarenden: complaints.length }] });
  });

  it('rejects an inverted period', async () => {
    const unit = busiestUnit();
    const response = await subgraph.query(entitiesQuery('Tillsynsobjekt', 'antalUpplysningsarenden(fran: "2023-01-02", till: "2023-01-01")'), { representations: [unitReference(unit)] });

    expect(response.data).toEqual({ _entities: [{ antalUpplysningsarenden: null }] });
    expect(response.errors).toHaveLength(1);
    expect(response.errors?.[0]?.path).toEqual(['_entities', 0, 'antalUpplysningsarenden']);
    expect(response.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'fran' });
    expect(response.errors?.[0]?.message).toBe('Argumentet fran (2023-01-02) ligger efter till (2023-01-01); ange en period där början kommer först.');
  });
});

describe('arende', () => {
  it('returns a case with its decisions oldest first', async () => {
    const arende = world.arenden.find((candidate) => candidate.inkom >= world.kopplingsgrans && linkByNummer.has(candidate.diarienummer) && decisionsOf(candidate.diarienummer).length === 2)!;
    const response = await subgraph.query(`query Case($nummer: ID!) { arende(diarienummer: $nummer) { ${CASE_SELECTION} } }`, { nummer: arende.diarienummer });

    const node = caseNode(arende);
    expect(node.beslut[0]!.datum <= node.beslut[1]!.datum).toBe(true);
    expect(withSortedAudit(response)).toEqual({ data: { arende: node }, extensions: { ivoAudit: expectedAudit(caseAudit(arende, node)) } });
  });

  it('returns no link for a case before the cut-off', async () => {
    const arende = world.arenden.find((candidate) => candidate.inkom < world.kopplingsgrans && arendetypOf(candidate) === 'TILLSYN')!;
    const response = await subgraph.query('query Case($nummer: ID!) { arende(diarienummer: $nummer) { diarienummer inkom koppling { metod } } }', { nummer: arende.diarienummer });

    // The seed links no case opened before the cut-off; the copied database below adds such links.
    expect(world.kopplingar.filter((link) => arendeByNummer.get(link.diarienummer)!.inkom < world.kopplingsgrans)).toEqual([]);
    expect(response.data).toEqual({ arende: { diarienummer: arende.diarienummer, inkom: arende.inkom, koppling: null } });
  });

  it('returns no link for an unlinked case after the cut-off', async () => {
    const arende = world.arenden.find((candidate) => candidate.inkom >= world.kopplingsgrans && !linkByNummer.has(candidate.diarienummer))!;
    const response = await subgraph.query('query Case($nummer: ID!) { arende(diarienummer: $nummer) { diarienummer koppling { metod } } }', { nummer: arende.diarienummer });

    expect(response.data).toEqual({ arende: { diarienummer: arende.diarienummer, koppling: null } });
  });

  it('gives a name match a confidence below 1', async () => {
    const nameMatch = world.kopplingar.find((link) => link.metod === 'NAMNMATCHNING')!;
    const explicit = world.kopplingar.find((link) => link.metod === 'EXPLICIT')!;
    const response = await subgraph.query(
      'query Cases($nameMatch: ID!, $explicit: ID!) { nameMatch: arende(diarienummer: $nameMatch) { koppling { metod konfidens } } explicit: arende(diarienummer: $explicit) { koppling { metod konfidens } } }',
      { nameMatch: nameMatch.diarienummer, explicit: explicit.diarienummer },
    );

    expect(response.data.nameMatch.koppling.konfidens).toBeLessThan(1);
    expect(response.data.nameMatch.koppling.konfidens).toBeGreaterThan(0);
    expect(response.data).toEqual({
      nameMatch: { koppling: { metod: 'NAMNMATCHNING', konfidens: nameMatch.konfidens } },
      explicit: { koppling: { metod: 'EXPLICIT', konfidens: 1 } },
    });
  });

  it('gives every name match a confidence below 1', async () => {
    const nameMatches = world.kopplingar.filter((link) => link.metod === 'NAMNMATCHNING');
    const response = await subgraph.query(entitiesQuery('Arende', 'diarienummer koppling { metod konfidens }'), {
      representations: nameMatches.map((link) => ({ __typename: 'Arende', diarienummer: link.diarienummer })),
    });

    const konfidenser: number[] = response.data._entities.map((entity: { koppling: { konfidens: number } }) => entity.koppling.konfidens);
    expect(konfidenser.filter((konfidens) => !(konfidens > 0 && konfidens < 1))).toEqual([]);
    expect(response.data._entities).toEqual(nameMatches.map((link) => ({ diarienummer: link.diarienummer, koppling: { metod: 'NAMNMATCHNING', konfidens: link.konfidens } })));
  });

  it('returns null for an unknown case number', async () => {
    const response = await subgraph.query('{ arende(diarienummer: "3.1.2-1/1999") { diarienummer } }');

    expect(response).toEqual({ data: { arende: null } });
  });

  it('resolves Arende entities and a missing key to null', async () => {
    const [first, second] = linkedCases(busiestUnit().id);
    const response = await subgraph.query(entitiesQuery('Arende', 'diarienummer arendetyp status'), {
      representations: [
        { __typename: 'Arende', diarienummer: second!.diarienummer },
        { __typename: 'Arende', diarienummer: '3.1.2-1/1999' },
        { __typename: 'Arende', diarienummer: first!.diarienummer },
      ],
    });

    const entity = (arende: ArendeRecord) => ({ diarienummer: arende.diarienummer, arendetyp: arendetypOf(arende), status: arende.status });
    expect(withSortedAudit(response)).toEqual({
      data: { _entities: [entity(second!), null, entity(first!)] },
      extensions: {
        ivoAudit: expectedAudit([first!, second!].map((arende) => ({ type: 'Arende', id: arende.diarienummer, node: entity(arende), auditedFields: ARENDE_AUDITED }))),
      },
    });
  });
});

describe('beslut', () => {
  it('returns a decision with its case', async () => {
    const beslut = world.beslut.find((candidate) => arendetypOf(arendeByNummer.get(candidate.diarienummer)!) === 'TILLSYN')!;
    const response = await subgraph.query(`query Decision($id: ID!) { beslut(id: $id) { ${BESLUT_SELECTION} arende { diarienummer } } }`, { id: beslut.id });

    const node = { ...beslutNode(beslut), arende: { diarienummer: beslut.diarienummer } };
    expect(withSortedAudit(response)).toEqual({
      data: { beslut: node },
      extensions: {
        ivoAudit: expectedAudit([
          { type: 'Beslut', id: beslut.id, node, auditedFields: BESLUT_AUDITED },
          { type: 'Arende', id: beslut.diarienummer, node: node.arende, auditedFields: ARENDE_AUDITED },
        ]),
      },
    });
  });

  it('returns null for an unknown id', async () => {
    const response = await subgraph.query('{ beslut(id: "B-9999999") { id } }');

    expect(response).toEqual({ data: { beslut: null } });
  });

  it('resolves Beslut entities and a missing key to null', async () => {
    const [first, second] = world.beslut;
    const response = await subgraph.query(entitiesQuery('Beslut', BESLUT_SELECTION), {
      representations: [
        { __typename: 'Beslut', id: first!.id },
        { __typename: 'Beslut', id: 'B-9999999' },
        { __typename: 'Beslut', id: second!.id },
      ],
    });

    expect(withSortedAudit(response)).toEqual({
      data: { _entities: [beslutNode(first!), null, beslutNode(second!)] },
      extensions: { ivoAudit: expectedAudit([first!, second!].map((beslut) => ({ type: 'Beslut', id: beslut.id, node: beslutNode(beslut), auditedFields: BESLUT_AUDITED }))) },
    });
  });
});

describe('Namnd.ejVerkstallaBeslut', () => {
  const EVB_PAGE_QUERY = `query Reports($representations: [_Any!]!, $status: [EvbStatus!], $verksamhetsomrade: [Verksamhetsomrade!], $first: Int, $after: String) {
    _entities(representations: $representations) {
      ... on Namnd {
        ejVerkstallaBeslut(status: $status, verksamhetsomrade: $verksamhetsomrade, first: $first, after: $after) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges { node { id } }
        }
      }
    }
  }`;

  async function walkReports(namndId: string, filter: { status?: string[]; verksamhetsomrade?: string[] }, pageSize: number) {
    const ids: string[] = [];
    const totalCounts = new Set<number>();
    let after: string | null = null;
    for (let pageNumber = 0; pageNumber < 1000; pageNumber += 1) {
      const response: GraphqlResponse = await subgraph.query(EVB_PAGE_QUERY, { representations: [{ __typename: 'Namnd', id: namndId }], ...filter, first: pageSize, after });
      expect(response.errors).toBeUndefined();
      const connection = response.data._entities[0].ejVerkstallaBeslut;
      totalCounts.add(connection.totalCount);
      ids.push(...connection.edges.map((edge: { node: { id: string } }) => edge.node.id));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    return { totalCounts: [...totalCounts], ids };
  }

  it('returns a page of reports with every field', async () => {
    const response = await subgraph.query(entitiesQuery('Namnd', `id ejVerkstallaBeslut { totalCount edges { node { ${EVB_SELECTION} } } }`), {
      representations: [{ __typename: 'Namnd', id: 'N-0001' }],
    });

    const reports = reportsOf('N-0001');
    const nodes = reports.slice(0, 20).map(evbNode);
    const entity = { id: 'N-0001', ejVerkstallaBeslut: { totalCount: reports.length, edges: nodes.map((node) => ({ node })) } };
    expect(reports.length).toBeGreaterThan(20);
    expect(withSortedAudit(response)).toEqual({
      data: { _entities: [entity] },
      extensions: {
        ivoAudit: expectedAudit([
          { type: 'Namnd', id: 'N-0001', node: entity, auditedFields: NAMND_AUDITED },
          ...nodes.map((node) => ({ type: 'EjVerkstalltBeslut', id: node.id, node, auditedFields: EVB_AUDITED })),
        ]),
      },
    });
  });

  it('orders by latest quarter, then id', async () => {
    const { totalCounts, ids } = await walkReports('N-0002', {}, 100);

    const expected = reportsOf('N-0002').map((report) => report.id);
    expect(expected.length).toBeGreaterThan(100);
    expect(totalCounts).toEqual([expected.length]);
    expect(ids).toEqual(expected);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each<{ label: string; filter: { status?: string[]; verksamhetsomrade?: string[] } }>([
    { label: 'status', filter: { status: ['EJ_VERKSTALLT'] } },
    { label: 'two statuses', filter: { status: ['VERKSTALLT', 'AVSLUTAT'] } },
    { label: 'verksamhetsomrade', filter: { verksamhetsomrade: ['SOL_FUNKTIONSNEDSATTNING'] } },
    { label: 'status and verksamhetsomrade', filter: { status: ['EJ_VERKSTALLT'], verksamhetsomrade: ['SOL_IFO'] } },
  ])('filters by $label', async ({ filter }) => {
    const { totalCounts, ids } = await walkReports('N-0001', filter, 30);

    const expected = reportsOf('N-0001', filter).map((report) => report.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(reportsOf('N-0001').length);
    expect(totalCounts).toEqual([expected.length]);
    expect(ids).toEqual(expected);
  });

  it('treats empty lists as no filter', async () => {
    const { totalCounts, ids } = await walkReports('N-0001', { status: [], verksamhetsomrade: [] }, 100);

    expect(totalCounts).toEqual([reportsOf('N-0001').length]);
    expect(ids).toEqual(reportsOf('N-0001').map((report) => report.id));
  });

  it('counts reports of every committee with two statements', async () => {
    let response: GraphqlResponse | undefined;
    const statements = await subgraph.recordStatements(async () => {
      response = await subgraph.query(entitiesQuery('Namnd', 'ejVerkstallaBeslut(status: [EJ_VERKSTALLT], first: 1) { totalCount edges { node { id } } }'), {
        representations: world.namnder.map((namnd) => ({ __typename: 'Namnd', id: namnd.id })),
      });
    });

    expect(response?.errors).toBeUndefined();
    expect(response?.data._entities).toEqual(
      world.namnder.map((namnd) => {
        const open = reportsOf(namnd.id, { status: ['EJ_VERKSTALLT'] });
        return { ejVerkstallaBeslut: { totalCount: open.length, edges: open.slice(0, 1).map((report) => ({ node: { id: report.id } })) } };
      }),
    );
    expect(statements).toHaveLength(2);
  });

  it('returns one report by id, and null for an unknown id', async () => {
    const report = reportsOf('N-0003')[0]!;
    const response = await subgraph.query(`query Report($id: ID!) { found: ejVerkstalltBeslut(id: $id) { ${EVB_SELECTION} } missing: ejVerkstalltBeslut(id: "EVB-9999999") { id } }`, {
      id: report.id,
    });

    const node = evbNode(report);
    expect(withSortedAudit(response)).toEqual({
      data: { found: node, missing: null },
      extensions: { ivoAudit: expectedAudit([{ type: 'EjVerkstalltBeslut', id: report.id, node, auditedFields: EVB_AUDITED }]) },
    });
  });

  it('resolves EjVerkstalltBeslut entities and a missing key to null', async () => {
    const report = reportsOf('N-0002')[0]!;
    const response = await subgraph.query(entitiesQuery('EjVerkstalltBeslut', 'id status namnd { id }'), {
      representations: [
        { __typename: 'EjVerkstalltBeslut', id: 'EVB-9999999' },
        { __typename: 'EjVerkstalltBeslut', id: report.id },
      ],
    });

    const node = { id: report.id, status: report.status, namnd: { id: 'N-0002' } };
    expect(withSortedAudit(response)).toEqual({
      data: { _entities: [null, node] },
      extensions: { ivoAudit: expectedAudit([{ type: 'EjVerkstalltBeslut', id: report.id, node, auditedFields: EVB_AUDITED }]) },
    });
  });
});

describe('klassificeringar', () => {
  it('lists the scheme in code order', async () => {
    const response = await subgraph.query('{ klassificeringar { kod namn } }');

    const expected = [...world.klassificeringar].sort((a, b) => compareText(a.kod, b.kod)).map((entry) => ({ kod: entry.kod, namn: entry.namn }));
    expect(expected.map((entry) => entry.kod)).toEqual(['3.1.2', '3.2.2', '3.4.2', '3.5.1', '4.1.1', '4.1.2', '4.1.3', '6.3.1', '6.3.2']);
    expect(response).toEqual({ data: { klassificeringar: expected } });
  });
});

describe('cut-off date', () => {
  // A copy of the seeded database, so the tests can add links and move the cut-off.
  let copy: TestDataSetCopy;
  let copySubgraph: SubgraphUnderTest;
  let database: Database<CasesDatabase>;
  const setCutOff = (value: string) => database.db.updateTable('installning').set({ varde: value }).where('nyckel', '=', 'kopplingsgrans').execute();

  beforeAll(async () => {
    copy = await copyDataSet(inject('seededDataSet'), ['cases']);
    database = openTestDatabase<CasesDatabase>(copy, 'cases');
    copySubgraph = await startSubgraphUnderTest('cases', copy);
  });

  afterAll(async () => {
    await copySubgraph?.close();
    await database?.close();
    await copy?.remove();
  });

  it('ignores links to cases before the cut-off', async () => {
    const unit = world.tillsynsobjekt.find((candidate) => linkedCases(candidate.id).length === 0)!;
    const early = (arendetyp: Arendetyp) =>
      world.arenden.find(
        (arende) =>
          arende.inkom < world.kopplingsgrans && arendetypOf(arende) === arendetyp && arende.verksamhetsomrade === unit.verksamhetsomrade && decisionsOf(arende.diarienummer).length > 0,
      )!;
    const supervision = early('TILLSYN');
    const complaint = early('UPPLYSNING');
    await database.db
      .insertInto('arende_koppling')
      .values([supervision, complaint].map((arende) => ({ diarienummer: arende.diarienummer, tillsynsobjekt_id: unit.id, metod: 'EXPLICIT', konfidens: 1 })))
      .execute();

    const response = await copySubgraph.query(
      `query Unit($representations: [_Any!]!, $nummer: ID!) {
        _entities(representations: $representations) {
          ... on Tillsynsobjekt { arenden { totalCount } senasteTillsynsbeslut { id } antalUpplysningsarenden(fran: "2015-01-01") }
        }
        arende(diarienummer: $nummer) { diarienummer koppling { metod } }
      }`,
      { representations: [unitReference(unit)], nummer: supervision.diarienummer },
    );

    const entity = { arenden: { totalCount: 0 }, senasteTillsynsbeslut: null, antalUpplysningsarenden: 0 };
    expect(withSortedAudit(response)).toEqual({
      data: {
        _entities: [entity],
        arende: { diarienummer: supervision.diarienummer, koppling: null },
      },
      extensions: {
        ivoAudit: expectedAudit([
          { type: 'Tillsynsobjekt', id: unit.id, node: entity, auditedFields: TILLSYNSOBJEKT_AUDITED },
          { type: 'Arende', id: supervision.diarienummer, node: { diarienummer: supervision.diarienummer, koppling: null }, auditedFields: ARENDE_AUDITED },
        ]),
      },
    });

    // With the cut-off moved before them, the same links count, so the rows above were read.
    await setCutOff('2015-01-01');
    try {
      const moved = await copySubgraph.query(entitiesQuery('Tillsynsobjekt', 'arenden { totalCount } antalUpplysningsarenden'), { representations: [unitReference(unit)] });
      expect(moved.data).toEqual({ _entities: [{ arenden: { totalCount: 2 }, antalUpplysningsarenden: 1 }] });
    } finally {
      await setCutOff(world.kopplingsgrans);
    }
  });

  it('reads the cut-off from the installning table', async () => {
    const unit = busiestUnit();
    const cutOff = '2022-01-01';
    const beforeCutOff = linkedCases(unit.id).find((arende) => arende.inkom < cutOff)!;
    await setCutOff(cutOff);
    try {
      const response = await copySubgraph.query(
        `query Unit($representations: [_Any!]!, $nummer: ID!) {
          _entities(representations: $representations) { ... on Tillsynsobjekt { arenden(first: 100) { edges { node { diarienummer } } } } }
          arende(diarienummer: $nummer) { koppling { metod } }
        }`,
        { representations: [unitReference(unit)], nummer: beforeCutOff.diarienummer },
      );

      const expected = linkedCases(unit.id).filter((arende) => arende.inkom >= cutOff);
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(linkedCases(unit.id).length);
      expect(response.errors).toBeUndefined();
      expect(response.data).toEqual({
        _entities: [{ arenden: { edges: expected.map((arende) => ({ node: { diarienummer: arende.diarienummer } })) } }],
        arende: { koppling: null },
      });
    } finally {
      await setCutOff(world.kopplingsgrans);
    }
  });
});

describe('access', () => {
  const NOT_LOGGED_IN = 'Uppgiften visas bara för inloggade användare. Logga in med BankID eller SITHS-kort.';
  const UPPLYSNING = 'Innehållet i upplysningsärenden visas bara för IVO:s handläggare. Antalet visas i antalUpplysningsarenden.';
  const EVB = 'Rapporter om ej verkställda beslut visas bara för nämndens rapportörer och huvudrapportör i rapportens verksamhetsområde och för IVO:s handläggare.';

  it('rejects a request without internal token', async () => {
    const { status, body } = await subgraph.post('{ klassificeringar { kod } }', undefined, {});

    expect(status).toBe(401);
    expect(body).toEqual({
      errors: [{ message: 'Subgrafen tar bara emot anrop från routern med en giltig intern token.', extensions: { code: 'UNAUTHENTICATED', requestId: expect.any(String) } }],
    });
  });

  it('withholds cases from anonymous callers', async () => {
    const unit = busiestUnit();
    const arende = linkedCases(unit.id)[0]!;
    const response = await subgraph.queryAs(
      ANONYMOUS_ACCESS,
      `query Unit($representations: [_Any!]!, $nummer: ID!) {
        _entities(representations: $representations) { ... on Tillsynsobjekt { id arenden { totalCount } } }
        arende(diarienummer: $nummer) { diarienummer }
      }`,
      { representations: [unitReference(unit)], nummer: arende.diarienummer },
    );

    expect(response.data).toEqual({ _entities: [{ id: unit.id, arenden: null }], arende: null });
    expect(response.extensions).toBeUndefined();
    expect(response.errors?.map((error) => ({ path: error.path, extensions: error.extensions, message: error.message }))).toEqual([
      { path: ['_entities', 0, 'arenden'], extensions: { code: 'FORBIDDEN', reason: 'notLoggedIn' }, message: NOT_LOGGED_IN },
      { path: ['arende'], extensions: { code: 'FORBIDDEN', reason: 'notLoggedIn' }, message: NOT_LOGGED_IN },
    ]);
  });

  it('shows complaint cases to IVO staff only but counts them for reporters', async () => {
    const rapportor = accessOf(FIXED_USERS.rapportorGoteborgIfo);
    const unit = busiestUnit();
    const complaint = linkedCases(unit.id).find((arende) => arendetypOf(arende) === 'UPPLYSNING')!;
    const response = await subgraph.queryAs(
      rapportor,
      `query Unit($representations: [_Any!]!, $nummer: ID!) {
        _entities(representations: $representations) { ... on Tillsynsobjekt { arenden(first: 100) { totalCount edges { node { diarienummer } } } antalUpplysningsarenden } }
        arende(diarienummer: $nummer) { diarienummer }
      }`,
      { representations: [unitReference(unit)], nummer: complaint.diarienummer },
    );

    const visible = linkedCases(unit.id).filter((arende) => arendetypOf(arende) !== 'UPPLYSNING');
    const complaints = linkedCases(unit.id).length - visible.length;
    const entity = { arenden: { totalCount: visible.length, edges: visible.map((arende) => ({ node: { diarienummer: arende.diarienummer } })) }, antalUpplysningsarenden: complaints };
    expect(unit.verksamhetsomrade).toBe('SOL_IFO');
    expect(withSortedAudit(response)).toEqual({
      data: {
        _entities: [entity],
        arende: null,
      },
      errors: [{ message: UPPLYSNING, locations: expect.any(Array), path: ['arende'], extensions: { code: 'FORBIDDEN', reason: 'upplysning' } }],
      extensions: {
        ivoAudit: expectedAudit([
          { type: 'Tillsynsobjekt', id: unit.id, node: entity, auditedFields: TILLSYNSOBJEKT_AUDITED },
          ...visible.map((arende) => ({ type: 'Arende', id: arende.diarienummer, node: { diarienummer: arende.diarienummer }, auditedFields: ARENDE_AUDITED })),
        ]),
      },
    });
  });

  it('masks a sole trader’s personnummer for reporters', async () => {
    const rapportor = accessOf(FIXED_USERS.rapportorGoteborgIfo);
    const arende = world.arenden.find((candidate) => candidate.partTyp === 'PERSON' && candidate.verksamhetsomrade === 'SOL_IFO' && arendetypOf(candidate) === 'TILLSYN')!;
    const query = 'query Case($nummer: ID!) { arende(diarienummer: $nummer) { arendepart { namn typ identitet } } }';
    const asRapportor = await subgraph.queryAs(rapportor, query, { nummer: arende.diarienummer });
    const asIvoStaff = await subgraph.query(query, { nummer: arende.diarienummer });

    expect(arende.partIdentitet).toMatch(/^\d{12}$/);
    expect(asRapportor).toEqual({
      data: { arende: { arendepart: { namn: arende.partNamn, typ: 'PERSON', identitet: `${arende.partIdentitet.slice(0, 8)}-****` } } },
      extensions: { ivoAudit: [{ type: 'Arende', id: arende.diarienummer, fields: ['arendepart'] }] },
    });
    expect(asIvoStaff).toEqual({
      data: { arende: { arendepart: { namn: arende.partNamn, typ: 'PERSON', identitet: arende.partIdentitet } } },
      extensions: { ivoAudit: [{ type: 'Arende', id: arende.diarienummer, fields: ['arendepart', 'arendepart.identitet'] }] },
    });
  });

  it('audits an unmasked personnummer only when it is selected', async () => {
    const arende = world.arenden.find((candidate) => candidate.partTyp === 'PERSON' && candidate.verksamhetsomrade === 'SOL_IFO' && arendetypOf(candidate) === 'TILLSYN')!;
    const response = await subgraph.query('query Case($nummer: ID!) { arende(diarienummer: $nummer) { arendepart { namn } } }', { nummer: arende.diarienummer });

    expect(response).toEqual({
      data: { arende: { arendepart: { namn: arende.partNamn } } },
      extensions: { ivoAudit: [{ type: 'Arende', id: arende.diarienummer, fields: ['arendepart'] }] },
    });
  });

  it('shows a committee’s reports in the reporter’s areas only', async () => {
    const rapportor = accessOf(FIXED_USERS.rapportorGoteborgIfo);
    const response = await subgraph.queryAs(rapportor, entitiesQuery('Namnd', 'id ejVerkstallaBeslut(first: 100) { totalCount edges { node { id verksamhetsomrade } } }'), {
      representations: [
        { __typename: 'Namnd', id: 'N-0001' },
        { __typename: 'Namnd', id: 'N-0002' },
      ],
    });

    const visible = reportsOf('N-0001', { verksamhetsomrade: ['SOL_IFO'] });
    const nodes = visible.slice(0, 100).map((report) => ({ id: report.id, verksamhetsomrade: 'SOL_IFO' }));
    const entities = [
      { id: 'N-0001', ejVerkstallaBeslut: { totalCount: visible.length, edges: nodes.map((node) => ({ node })) } },
      { id: 'N-0002', ejVerkstallaBeslut: null },
    ];
    expect(visible.length).toBeLessThan(reportsOf('N-0001').length);
    expect(withSortedAudit(response)).toEqual({
      data: { _entities: entities },
      errors: [{ message: EVB, locations: expect.any(Array), path: ['_entities', 1, 'ejVerkstallaBeslut'], extensions: { code: 'FORBIDDEN', reason: 'evb' } }],
      extensions: {
        // The withheld list of N-0002 is null, so expectedAudit leaves that committee out.
        ivoAudit: expectedAudit([
          ...entities.map((entity) => ({ type: 'Namnd', id: entity.id, node: entity, auditedFields: NAMND_AUDITED })),
          ...nodes.map((node) => ({ type: 'EjVerkstalltBeslut', id: node.id, node, auditedFields: EVB_AUDITED })),
        ]),
      },
    });
  });
});

describe('_service', () => {
  it('publishes the entity types with their keys', async () => {
    const response = await subgraph.query('{ _service { sdl } }');

    expect(response.errors).toBeUndefined();
    expect(readEntityKeys(response.data._service.sdl)).toEqual({
      Arende: ['diarienummer'],
      Beslut: ['id'],
      EjVerkstalltBeslut: ['id'],
      Tillsynsobjekt: ['id'],
      Namnd: ['id'],
    });
  });
});
