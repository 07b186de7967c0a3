import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FIXED_USERS } from '../src/seed/fixed-users.ts';
import { generateWorld } from '../src/seed/generate-world.ts';
import type { ArendeRecord, BeslutRecord, TillsynsobjektRecord, World } from '../src/seed/world-types.ts';
import { startStack, type GraphqlResponse, type Stack } from './start-stack.ts';


// The seed is deterministic, so the same world the databases were seeded from is the oracle the
// responses are checked against: each expectation below is computed from it in plain code.
let world: World;
let stack: Stack;

beforeAll(async () => {
  world = generateWorld({ scale: 1 });
  stack = await startStack(inject('seededDataSet'));
});

afterAll(async () => {
  await stack?.close();
});

/** Compares two strings by code point, as SQLite's default collation does. */
function compareText(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

const byNameThenId = (a: { namn: string; id: string }, b: { namn: string; id: string }) => compareText(a.namn, b.namn) || compareText(a.id, b.id);

function arendetypOf(arende: ArendeRecord): string {
  return world.klassificeringar.find((entry) => entry.kod === arende.klassificeringKod)?.arendetyp as string;
}

function groupBy<Item>(items: readonly Item[], keyOf: (item: Item) => string): Map<string, Item[]> {
  const groups = new Map<string, Item[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key) ?? [];
    group.push(item);
    groups.set(key, group);
  }
  return groups;
}

let casesByUnit: Map<string, ArendeRecord[]>;
let decisionsByCase: Map<string, BeslutRecord[]>;

function linkedCases(unitId: string): ArendeRecord[] {
  casesByUnit ??= (() => {
    const arendeByNumber = new Map(world.arenden.map((arende) => [arende.diarienummer, arende]));
    const linked = world.kopplingar.map((link) => ({ unitId: link.tillsynsobjektId, arende: arendeByNumber.get(link.diarienummer)! }));
    const groups = groupBy(
      linked.filter(({ arende }) => arende.inkom >= world.kopplingsgrans),
      (entry) => entry.unitId,
    );
    return new Map([...groups].map(([id, entries]) => [id, entries.map((entry) => entry.arende)]));
  })();
  return casesByUnit.get(unitId) ?? [];
}

function decisionsOf(diarienummer: string): BeslutRecord[] {
  decisionsByCase ??= groupBy(world.beslut, (beslut) => beslut.diarienummer);
  return [...(decisionsByCase.get(diarienummer) ?? [])].sort((a, b) => compareText(a.datum, b.datum) || compareText(a.id, b.id));
}

function latestSupervisionDecision(unitId: string): BeslutRecord | null {
  const decisions = linkedCases(unitId)
    .filter((arende) => arendetypOf(arende) === 'TILLSYN')
    .flatMap((arende) => decisionsOf(arende.diarienummer));
  decisions.sort((a, b) => compareText(b.datum, a.datum) || compareText(b.id, a.id));
  return decisions[0] ?? null;
}

describe('federated graph through the router', () => {
  it('finds active HVB units in Västra Götaland for a 15-year-old girl', async () => {
    // A rapportör in SoL IFO in Göteborg, the social worker of the example.
    const response = await stack.query(`
      query Placering {
        sokTillsynsobjekt(filter: { lanKod: "14", verksamhetstyp: [HVB], alder: 15, kon: FLICKOR }, first: 10) {
          totalCount
          edges {
            node {
              id
              namn
              huvudman { namn organisationsnummer }
              kommun { kod namn lan { namn } }
              tillstandsdatum
              senasteTillsynsbeslut { datum beslutstyp sammanfattning }
            }
          }
        }
      }`, undefined, FIXED_USERS.rapportorGoteborgIfo);

    const matching = world.tillsynsobjekt
      .filter(
        (unit) =>
          unit.lanKod === '14' &&
          unit.status === 'AKTIV' &&
          unit.verksamhetstyp === 'HVB' &&
          unit.alderFran <= 15 &&
          unit.alderTill >= 15 &&
          (unit.kon === 'FLICKOR' || unit.kon === 'ALLA'),
      )
      .sort(byNameThenId);
    const toNode = (unit: TillsynsobjektRecord) => {
      const huvudman = world.huvudman.find((provider) => provider.id === unit.huvudmanId)!;
      const kommun = world.kommuner.find((municipality) => municipality.kod === unit.kommunKod)!;
      const decision = latestSupervisionDecision(unit.id);
      return {
        id: unit.id,
        namn: unit.namn,
        huvudman: { namn: huvudman.namn, organisationsnummer: huvudman.organisationsnummer },
        kommun: { kod: kommun.kod, namn: kommun.namn, lan: { namn: 'Västra Götalands län' } },
        tillstandsdatum: unit.tillstandsdatum,
        senasteTillsynsbeslut: decision && { datum: decision.datum, beslutstyp: decision.beslutstyp, sammanfattning: decision.sammanfattning },
      };
    };

    expect(matching.length).toBeGreaterThan(10);
    expect(response).toEqual({
      data: {
        sokTillsynsobjekt: {
          totalCount: matching.length,
          edges: matching.slice(0, 10).map((unit) => ({ node: toNode(unit) })),
        },
      },
    });
  });

  it('lists a unit’s cases since 2022 with decisions and links', async () => {
    // The SoL IFO unit with the most linked cases since 2022 exercises both link methods best. The
    // rapportör in SoL IFO may read its cases except complaint cases, which only IVO staff may read.
    const unit = world.tillsynsobjekt
      .filter((candidate) => candidate.verksamhetsomrade === 'SOL_IFO')
      .map((candidate) => ({ candidate, count: linkedCases(candidate.id).filter((arende) => arende.inkom >= '2022-01-01').length }))
      .sort((a, b) => b.count - a.count || compareText(a.candidate.id, b.candidate.id))[0]!.candidate;
    const response = await stack.query(
      `query Arenden($id: ID!) {
        tillsynsobjekt(id: $id) {
          namn
          arenden(inkomFran: "2022-01-01", first: 100) {
            totalCount
            edges {
              node {
                diarienummer
                arendetyp
                status
                inkom
                beslut { datum beslutstyp }
                koppling { metod konfidens tillsynsobjekt { id namn } }
              }
            }
          }
        }
      }`,
      { id: unit.id },
      FIXED_USERS.rapportorGoteborgIfo,
    );

    const cases = linkedCases(unit.id)
      .filter((arende) => arende.inkom >= '2022-01-01' && arendetypOf(arende) !== 'UPPLYSNING')
      .sort((a, b) => compareText(b.inkom, a.inkom) || compareText(b.diarienummer, a.diarienummer));
    const linkOf = (diarienummer: string) => world.kopplingar.find((link) => link.diarienummer === diarienummer)!;

    expect(cases.length).toBeGreaterThan(1);
    expect(response).toEqual({
      data: {
        tillsynsobjekt: {
          namn: unit.namn,
          arenden: {
            totalCount: cases.length,
            edges: cases.map((arende) => ({
              node: {
                diarienummer: arende.diarienummer,
                arendetyp: arendetypOf(arende),
                status: arende.status,
                inkom: arende.inkom,
                beslut: decisionsOf(arende.diarienummer).map((beslut) => ({ datum: beslut.datum, beslutstyp: beslut.beslutstyp })),
                koppling: {
                  metod: linkOf(arende.diarienummer).metod,
                  konfidens: linkOf(arende.diarienummer).konfidens,
                  tillsynsobjekt: { id: unit.id, namn: unit.namn },
                },
              },
            })),
          },
        },
      },
    });
  });

  it('lists a committee’s open EVB reports with its municipality and county', async () => {
    const response = await stack.query(`
      query Evb {
        namnd(id: "N-0001") {
          namn
          kommun { namn lan { namn } }
          ejVerkstallaBeslut(status: [EJ_VERKSTALLT], first: 100) {
            totalCount
            edges { node { id verksamhetsomrade insats rapporteringskvartal status } }
          }
        }
      }`, undefined, FIXED_USERS.huvudrapportorGoteborg);

    const namnd = world.namnder.find((committee) => committee.id === 'N-0001')!;
    const kommun = world.kommuner.find((municipality) => municipality.kod === namnd.kommunKod)!;
    const lan = world.lan.find((county) => county.kod === kommun.lanKod)!;
    const reports = world.ejVerkstallaBeslut
      .filter((report) => report.namndId === 'N-0001' && report.status === 'EJ_VERKSTALLT')
      .sort((a, b) => compareText(b.rapporteringskvartal, a.rapporteringskvartal) || compareText(a.id, b.id));

    expect(reports.length).toBeGreaterThan(0);
    expect(response).toEqual({
      data: {
        namnd: {
          namn: namnd.namn,
          kommun: { namn: kommun.namn, lan: { namn: lan.namn } },
          ejVerkstallaBeslut: {
            totalCount: reports.length,
            edges: reports.slice(0, 100).map((report) => ({
              node: {
                id: report.id,
                verksamhetsomrade: report.verksamhetsomrade,
                insats: report.insats,
                rapporteringskvartal: report.rapporteringskvartal,
                status: 'EJ_VERKSTALLT',
              },
            })),
          },
        },
      },
    });
  });

  it('allows no cross-origin calls by default', async () => {
    const preflight = await fetch(stack.routerUrl, { method: 'OPTIONS', headers: { origin: 'http://annan-sida.example', 'access-control-request-method': 'POST' } });
    const call = await fetch(stack.routerUrl, { method: 'POST', headers: { origin: 'http://annan-sida.example', 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ allaLan { kod } }' }) });

    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(call.headers.get('access-control-allow-origin')).toBeNull();
    expect(call.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('serves GraphQL on /graphql alone', async () => {
    const origin = new URL(stack.routerUrl).origin;
    const body = JSON.stringify({ query: '{ allaLan { kod } }' });
    const post = (path: string) =>
      fetch(`${origin}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer skräp', 'x-request-id': 'sokvag-1' }, body });

    for (const path of ['/health/graphql', '/x/graphql', '//graphql', '/graphql/x']) {
      const response = await post(path);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({
        errors: [{ message: `Sökvägen ${JSON.stringify(new URL(path, origin).pathname)} finns inte. GraphQL finns på /graphql.`, extensions: { code: 'NOT_FOUND', requestId: 'sokvag-1' } }],
      });
    }
    // The same invalid token on the real path is rejected, so the paths above were no way around it.
    expect((await post('/graphql')).status).toBe(401);
    expect((await post('/graphql/')).status).toBe(401);
  });

  it('rejects introspection mixed with data fields', async () => {
    const response = await stack.query('{ allaLan { kod } __schema { queryType { name } } }');

    expect(response).toEqual({
      errors: [
        {
          message: 'Introspektion (__schema, __type) kan inte blandas med andra fält i samma operation. Skicka den som en egen fråga.',
          locations: [{ line: 1, column: 19 }],
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        },
      ],
    });
    expect(await stack.query('{ __schema { queryType { name } } }')).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });

  it('codes a variable of the wrong type as BAD_USER_INPUT', async () => {
    const response = await stack.query('query Antal($n: Int) { sokTillsynsobjekt(first: $n) { totalCount } }', { n: '100' });

    expect(response).toEqual({
      errors: [
        {
          message: 'Variable "$n" got invalid value "100"; Int cannot represent non-integer value: "100"',
          locations: [{ line: 1, column: 13 }],
          extensions: { code: 'BAD_USER_INPUT' },
        },
      ],
    });
  });

  it('rejects a subscription, which the graph does not serve', async () => {
    const response = await stack.query('subscription Lan { allaLan { kod } }');

    expect(response).toEqual({
      errors: [
        {
          message: 'Grafen har ingen typ Subscription, så den tar inte emot operationer av slaget subscription. Skicka en query eller mutation.',
          locations: [{ line: 1, column: 1 }],
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED', operation: 'subscription' },
        },
      ],
    });
  });

  it('rejects first above 100 with BAD_USER_INPUT', async () => {
    const response = await stack.query('{ sokTillsynsobjekt(first: 101) { totalCount } }');

    expect(response.data).toBeNull();
    expect(response.errors).toHaveLength(1);
    expect(response.errors?.[0]?.path).toEqual(['sokTillsynsobjekt']);
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toBe('Argumentet first får vara högst 100 (fick 101). Hämta fler rader sida för sida med after.');
  });

  it('walks every page of a search exactly once', async () => {
    const query = `query Sida($after: String) {
      sokTillsynsobjekt(filter: { kommunKod: "1480" }, first: 7, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { id } }
      }
    }`;
    const seen: string[] = [];
    let after: string | null = null;
    let totalCount = 0;
    for (let pageNumber = 0; pageNumber < 100; pageNumber += 1) {
      const response: GraphqlResponse = await stack.query(query, { after });
      const connection = response.data.sokTillsynsobjekt;
      totalCount = connection.totalCount;
      seen.push(...connection.edges.map((edge: { node: { id: string } }) => edge.node.id));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }

    const expected = world.tillsynsobjekt.filter((unit) => unit.kommunKod === '1480' && unit.status === 'AKTIV').sort(byNameThenId);
    expect(totalCount).toBe(expected.length);
    expect(seen).toEqual(expected.map((unit) => unit.id));
  });

  it('needs the same SQL statements for 5 and 100 units', async () => {
    const query = `query Kapslad($first: Int!) {
      sokTillsynsobjekt(filter: { status: [] }, first: $first) {
        edges {
          node {
            namn
            malgrupper
            huvudman { namn }
            kommun { namn lan { namn } }
            arenden(first: 5) { edges { node { diarienummer beslut { beslutstyp } } } }
          }
        }
      }
    }`;
    // The first request of a user looks up the access context; later ones use the cache.
    await stack.query('{ jag { id } }', undefined, FIXED_USERS.ivoHandlaggare);
    const countBySubgraph = async (first: number) => {
      const statements = await stack.recordStatements(async () => {
        const response = await stack.query(query, { first }, FIXED_USERS.ivoHandlaggare);
        expect(response.errors).toBeUndefined();
        expect(response.data.sokTillsynsobjekt.edges).toHaveLength(first);
      });
      return Object.fromEntries(Object.entries(statements).map(([name, records]) => [name, records.length]));
    };

    const small = await countBySubgraph(5);
    const large = await countBySubgraph(100);

    expect(large).toEqual(small);
    // Units page, target groups, providers; municipalities, counties; cases page, decisions.
    expect(small).toEqual({ 'care-register': 3, committees: 2, cases: 2, users: 0 });
  });
});
