import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from 'vitest';
import { FORBIDDEN_REASONS } from '../src/access/forbidden.ts';
import type { AuditedObject } from '../src/audit/audit-collector.ts';
import { AuditStore, type AuditRecord } from '../src/audit/audit-store.ts';
import { createLogger } from '../src/log/create-logger.ts';
import { FIXED_USER_RECORDS, FIXED_USERS } from '../src/seed/fixed-users.ts';
import { generateWorld } from '../src/seed/generate-world.ts';
import type { ArendeRecord, TillsynsobjektRecord, World } from '../src/seed/world-types.ts';
import { SUBGRAPH_NAMES, type SubgraphName } from '../src/subgraph-names.ts';
import { startRouter, type RunningRouter } from '../router/start-router.ts';
import { startStack, type GraphqlResponse, type Stack } from './start-stack.ts';
import { copyDataSet, openTestDatabase, testConfig, type TestDataSetCopy } from './test-data-set.ts';

// Every test here reads the audit database of its own router, so the stack runs on a copy of the
// seeded folder without the shared audit database that other test files write to meanwhile.
let world: World;
let copy: TestDataSetCopy;
let stack: Stack;
let router: RunningRouter;

// Johan Sandberg, rapportör for N-0001 in SOL_IFO only.
const rapportor = FIXED_USER_RECORDS.find((user) => user.id === FIXED_USERS.rapportorGoteborgIfo)!;
const RAPPORTOR_ROLES = [{ roll: rapportor.roll, namndId: rapportor.namndId, verksamhetsomraden: [...rapportor.verksamhetsomraden] }];

beforeAll(async () => {
  world = generateWorld({ scale: 1 });
  copy = await copyDataSet(inject('seededDataSet'));
  stack = await startStack(copy);
  router = await startOwnRouter();
});

afterAll(async () => {
  await router?.close();
  await stack?.close();
  await copy?.remove();
});

function startOwnRouter(): Promise<RunningRouter> {
  const subgraphUrls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, stack.subgraphs[name].url])) as Record<SubgraphName, string>;
  return startRouter(stack.config, { port: 0, subgraphUrls, log: createLogger('test', 'silent') });
}

/** Posts an operation to a router with the given headers besides the content headers. */
async function postToRouter(url: string, query: string, variables: Record<string, unknown> | undefined, headers: Record<string, string>) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: JSON.parse(text) as GraphqlResponse };
}

/** Lists the records in the test router's store from `from` until a second from now. */
function recordsSince(from: string): Promise<AuditRecord[]> {
  return router.auditStore.list({ from, to: new Date(Date.now() + 1000).toISOString() });
}

function compareText(a: string, b: string): number {
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}

/** Sorts audited objects by type, then id, because a record lists them in the order subgraphs answered. */
function sortObjects(objects: readonly AuditedObject[]): AuditedObject[] {
  return [...objects].sort((a, b) => compareText(a.type, b.type) || compareText(a.id, b.id));
}

function arendetypOf(arende: ArendeRecord): string {
  return world.klassificeringar.find((entry) => entry.kod === arende.klassificeringKod)!.arendetyp;
}

/** Units and a case the rapportör may read, and a unit outside the rapportör's area. */
function pickObjects(): { first: TillsynsobjektRecord; second: TillsynsobjektRecord; outside: TillsynsobjektRecord; arende: ArendeRecord } {
  const inArea = world.tillsynsobjekt.filter((unit) => unit.verksamhetsomrade === 'SOL_IFO' && !unit.skyddatBoende);
  const outside = world.tillsynsobjekt.find((unit) => unit.verksamhetsomrade === 'LSS' && !unit.skyddatBoende);
  const arende = world.arenden.find((candidate) => candidate.verksamhetsomrade === 'SOL_IFO' && arendetypOf(candidate) === 'TILLSYN');
  if (inArea.length < 2 || !outside || !arende) throw new Error('The seed world lacks the units or case this test reads.');
  return { first: inArea[0]!, second: inArea[1]!, outside, arende };
}

const RESTRICTED_QUERY = `query Granskning($first: ID!, $second: ID!, $outside: ID!, $diarienummer: ID!) {
  first: tillsynsobjekt(id: $first) { id namn adress { gatuadress postnummer postort } kontaktuppgifter { telefon epost } }
  second: tillsynsobjekt(id: $second) { id adress { gatuadress } }
  outside: tillsynsobjekt(id: $outside) { id adress { gatuadress } }
  arende(diarienummer: $diarienummer) { diarienummer arendemening status }
}`;

function restrictedVariables(objects: ReturnType<typeof pickObjects>) {
  return { first: objects.first.id, second: objects.second.id, outside: objects.outside.id, diarienummer: objects.arende.diarienummer };
}

describe('audit log', () => {
  it('records restricted data once per response', async () => {
    const objects = pickObjects();
    const { first, second, outside, arende } = objects;
    const requestId = 'granskning-restricted-1';
    const from = new Date().toISOString();

    const response = await postToRouter(router.url, RESTRICTED_QUERY, restrictedVariables(objects), {
      authorization: await stack.bearerFor(rapportor.id),
      'x-request-id': requestId,
      'apollographql-client-name': 'mina-sidor',
    });
    const to = new Date().toISOString();
    const records = await recordsSince(from);

    expect(response.body).toEqual({
      data: {
        first: {
          id: first.id,
          namn: first.namn,
          adress: { gatuadress: first.gatuadress, postnummer: first.postnummer, postort: first.postort },
          kontaktuppgifter: { telefon: first.telefon, epost: first.epost },
        },
        second: { id: second.id, adress: { gatuadress: second.gatuadress } },
        outside: { id: outside.id, adress: null },
        arende: { diarienummer: arende.diarienummer, arendemening: arende.arendemening, status: arende.status },
      },
      errors: [{ message: FORBIDDEN_REASONS.outsideArea, path: ['outside', 'adress'], extensions: { code: 'FORBIDDEN', reason: 'outsideArea', serviceName: 'care-register' } }],
    });
    expect(response.headers.get('x-request-id')).toBe(requestId);
    expect(records).toHaveLength(1);
    // The withheld address of the unit outside the area is not in the record.
    expect({ ...records[0], objects: sortObjects(records[0]!.objects) }).toEqual({
      recordedAt: expect.any(String),
      userId: rapportor.id,
      roles: RAPPORTOR_ROLES,
      operationName: 'Granskning',
      clientName: 'mina-sidor',
      requestId,
      objects: sortObjects([
        { type: 'Tillsynsobjekt', id: first.id, fields: ['adress', 'kontaktuppgifter'] },
        { type: 'Tillsynsobjekt', id: second.id, fields: ['adress'] },
        { type: 'Arende', id: arende.diarienummer, fields: ['arendemening', 'diarienummer', 'status'] },
      ]),
    });
    expect(records[0]!.recordedAt >= from).toBe(true);
    expect(records[0]!.recordedAt <= to).toBe(true);
  });

  it('records each of several identical concurrent responses', async () => {
    // Identical requests in flight at once share one subgraph response in the gateway, so the
    // audit extension must be read from that response without being taken away from the others.
    const objects = pickObjects();
    const authorization = await stack.bearerFor(rapportor.id);
    const requestIds = ['granskning-samtidig-1', 'granskning-samtidig-2', 'granskning-samtidig-3', 'granskning-samtidig-4', 'granskning-samtidig-5'];
    const from = new Date().toISOString();

    const responses = await Promise.all(requestIds.map((requestId) => postToRouter(router.url, RESTRICTED_QUERY, restrictedVariables(objects), { authorization, 'x-request-id': requestId })));
    const records = await recordsSince(from);

    for (const response of responses) expect(response.body.data.first.adress).toEqual({ gatuadress: objects.first.gatuadress, postnummer: objects.first.postnummer, postort: objects.first.postort });
    expect(records.map((record) => record.requestId).sort()).toEqual(requestIds);
    for (const record of records) {
      expect(sortObjects(record.objects)).toEqual(
        sortObjects([
          { type: 'Tillsynsobjekt', id: objects.first.id, fields: ['adress', 'kontaktuppgifter'] },
          { type: 'Tillsynsobjekt', id: objects.second.id, fields: ['adress'] },
          { type: 'Arende', id: objects.arende.diarienummer, fields: ['arendemening', 'diarienummer', 'status'] },
        ]),
      );
    }
  });

  it('writes no record for open data', async () => {
    const { first, second } = pickObjects();
    const from = new Date().toISOString();

    const response = await postToRouter(
      router.url,
      'query Oppet($first: ID!, $second: ID!) { first: tillsynsobjekt(id: $first) { id namn verksamhetstyp } second: tillsynsobjekt(id: $second) { id antalPlatser } }',
      { first: first.id, second: second.id },
      { authorization: await stack.bearerFor(rapportor.id), 'x-request-id': 'granskning-open-1' },
    );

    expect(response.body).toEqual({
      data: { first: { id: first.id, namn: first.namn, verksamhetstyp: first.verksamhetstyp }, second: { id: second.id, antalPlatser: second.antalPlatser } },
    });
    expect(await recordsSince(from)).toEqual([]);
  });

  it('writes no record when every restricted field is withheld', async () => {
    const { outside } = pickObjects();
    const from = new Date().toISOString();

    const response = await postToRouter(router.url, 'query Utanfor($id: ID!) { tillsynsobjekt(id: $id) { id adress { gatuadress } } }', { id: outside.id }, {
      authorization: await stack.bearerFor(rapportor.id),
    });

    expect(response.body).toEqual({
      data: { tillsynsobjekt: { id: outside.id, adress: null } },
      errors: [{ message: FORBIDDEN_REASONS.outsideArea, path: ['tillsynsobjekt', 'adress'], extensions: { code: 'FORBIDDEN', reason: 'outsideArea', serviceName: 'care-register' } }],
    });
    expect(await recordsSince(from)).toEqual([]);
  });

  it('writes no record for an anonymous request', async () => {
    const { first } = pickObjects();
    const from = new Date().toISOString();

    const response = await postToRouter(router.url, 'query Anonym($id: ID!) { tillsynsobjekt(id: $id) { id namn adress { gatuadress } } }', { id: first.id }, {});

    expect(response.body).toEqual({
      data: { tillsynsobjekt: { id: first.id, namn: first.namn, adress: null } },
      errors: [{ message: FORBIDDEN_REASONS.notLoggedIn, path: ['tillsynsobjekt', 'adress'], extensions: { code: 'FORBIDDEN', reason: 'notLoggedIn', serviceName: 'care-register' } }],
    });
    expect(await recordsSince(from)).toEqual([]);
  });

  it('rejects UPDATE and DELETE on its tables', async () => {
    await router.auditStore.append({
      recordedAt: new Date().toISOString(),
      userId: rapportor.id,
      roles: RAPPORTOR_ROLES,
      operationName: 'Manipulation',
      clientName: null,
      requestId: 'granskning-append-only',
      objects: [{ type: 'Tillsynsobjekt', id: pickObjects().first.id, fields: ['adress'] }],
    });
    const database = openTestDatabase<any>(copy, 'audit');
    onTestFinished(() => database.close());
    const count = async (table: string) => Number((await sql<{ count: number }>`select count(*) as count from ${sql.table(table)}`.execute(database.db)).rows[0]!.count);
    const recordsBefore = await count('audit_record');
    const objectsBefore = await count('audit_object');

    await expect(sql`update audit_record set user_id = 'A-99999'`.execute(database.db)).rejects.toThrow('audit_record is append-only');
    await expect(sql`delete from audit_record`.execute(database.db)).rejects.toThrow('audit_record is append-only');
    await expect(sql`update audit_object set object_id = 'T-00000'`.execute(database.db)).rejects.toThrow('audit_object is append-only');
    await expect(sql`delete from audit_object`.execute(database.db)).rejects.toThrow('audit_object is append-only');
    expect(recordsBefore).toBeGreaterThan(0);
    expect(objectsBefore).toBeGreaterThan(0);
    expect(await count('audit_record')).toBe(recordsBefore);
    expect(await count('audit_object')).toBe(objectsBefore);
    expect((await sql`select id from audit_record where user_id = 'A-99999'`.execute(database.db)).rows).toEqual([]);
  });

  it('withholds restricted data when the store cannot be written', async () => {
    const failing = await startOwnRouter();
    onTestFinished(() => failing.close());
    await failing.auditStore.close();
    const objects = pickObjects();
    const requestId = 'granskning-unavailable-1';

    const restricted = await postToRouter(failing.url, RESTRICTED_QUERY, restrictedVariables(objects), {
      authorization: await stack.bearerFor(rapportor.id),
      'x-request-id': requestId,
    });
    const open = await postToRouter(failing.url, 'query Oppet($id: ID!) { tillsynsobjekt(id: $id) { id namn } }', { id: objects.first.id }, {
      authorization: await stack.bearerFor(rapportor.id),
    });

    expect(restricted.body).toEqual({
      data: null,
      errors: [
        {
          message: 'Granskningsloggen kunde inte skrivas, så inga begränsade uppgifter lämnas ut. Försök igen om en stund.',
          extensions: { code: 'AUDIT_UNAVAILABLE', requestId },
        },
      ],
    });
    expect(restricted.text).not.toContain(objects.first.gatuadress);
    expect(restricted.text).not.toContain(objects.first.telefon);
    expect(restricted.text).not.toContain(objects.arende.arendemening);
    // A response without restricted data needs no record, so it still goes out.
    expect(open.body).toEqual({ data: { tillsynsobjekt: { id: objects.first.id, namn: objects.first.namn } } });
  });
});

describe('AuditStore.list', () => {
  let emptySet: TestDataSetCopy;
  let store: AuditStore;

  const record = (recordedAt: string, userId: string, requestId: string, objects: AuditedObject[]): AuditRecord => ({
    recordedAt,
    userId,
    roles: [],
    operationName: null,
    clientName: null,
    requestId,
    objects,
  });
  const january = record('2026-01-10T08:00:00.000Z', 'A-00003', 'januari', [{ type: 'Tillsynsobjekt', id: 'T-1', fields: ['adress'] }]);
  const lateJanuary = record('2026-01-20T08:00:00.000Z', 'A-00001', 'sen-januari', [
    { type: 'Tillsynsobjekt', id: 'T-1', fields: ['kontaktuppgifter'] },
    { type: 'Arende', id: '3.1.2-1/2025', fields: ['diarienummer'] },
  ]);
  const february = record('2026-02-05T08:00:00.000Z', 'A-00003', 'februari', [{ type: 'Arende', id: '3.1.2-1/2025', fields: ['arendemening'] }]);
  const wholePeriod = { from: '2026-01-01T00:00:00.000Z', to: '2026-12-31T23:59:59.999Z' };

  beforeAll(async () => {
    // A data set without subgraph databases: only its empty audit database is used.
    emptySet = await copyDataSet(inject('seededDataSet'), []);
    store = await AuditStore.open(testConfig(emptySet).auditDatabaseUrl);
    // Appended out of time order, so the listing's order is its own.
    await store.append(february);
    await store.append(january);
    await store.append(lateJanuary);
  });

  afterAll(async () => {
    await store?.close();
    await emptySet?.remove();
  });

  it('lists a period oldest first', async () => {
    expect(await store.list(wholePeriod)).toEqual([january, lateJanuary, february]);
  });

  it('filters by user', async () => {
    expect(await store.list({ ...wholePeriod, userId: 'A-00003' })).toEqual([january, february]);
    expect(await store.list({ ...wholePeriod, userId: 'A-00002' })).toEqual([]);
  });

  it('filters by object type and id', async () => {
    expect(await store.list({ ...wholePeriod, object: { type: 'Tillsynsobjekt', id: 'T-1' } })).toEqual([january, lateJanuary]);
    expect(await store.list({ ...wholePeriod, object: { type: 'Arende', id: '3.1.2-1/2025' } })).toEqual([lateJanuary, february]);
    expect(await store.list({ ...wholePeriod, object: { type: 'Beslut', id: 'T-1' } })).toEqual([]);
  });

  it('filters by period with both ends included', async () => {
    expect(await store.list({ from: january.recordedAt, to: lateJanuary.recordedAt })).toEqual([january, lateJanuary]);
    expect(await store.list({ from: '2026-01-15T00:00:00.000Z', to: '2026-01-31T23:59:59.999Z' })).toEqual([lateJanuary]);
    expect(await store.list({ from: '2025-01-01T00:00:00.000Z', to: '2025-12-31T23:59:59.999Z' })).toEqual([]);
  });

  it('combines user, object and period', async () => {
    expect(await store.list({ ...wholePeriod, userId: 'A-00003', object: { type: 'Arende', id: '3.1.2-1/2025' } })).toEqual([february]);
    expect(await store.list({ from: january.recordedAt, to: lateJanuary.recordedAt, userId: 'A-00003', object: { type: 'Arende', id: '3.1.2-1/2025' } })).toEqual([]);
  });
});
