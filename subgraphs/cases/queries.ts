import { sql, type Expression, type Kysely } from 'kysely';
import { databaseDialect } from '../../src/db/database-dialect.ts';
import { countRowsByParent, fetchPagesByParent, type SortKey } from '../../src/db/paginate.ts';
import type { PageArguments } from '../../src/graphql/page-arguments.ts';
import type { Arendetyp, EvbStatus, Verksamhetsomrade } from '../../src/seed/world-types.ts';
import type { ArendeRow, BeslutRow, CasesDatabase, EvbRow, KlassificeringRow, KopplingRow, LinkedArendeRow, LinkedBeslutRow } from './database.ts';

type Db = Kysely<CasesDatabase>;

/** A unit's cases sort newest first; the case number breaks ties. */
export const ARENDE_ORDER: SortKey[] = [
  { column: 'arende.inkom', direction: 'desc' },
  { column: 'arende.diarienummer', direction: 'desc' },
];

/** A committee's EVB reports sort by latest quarter first; the id breaks ties. */
export const EVB_ORDER: SortKey[] = [
  { column: 'rapporteringskvartal', direction: 'desc' },
  { column: 'id', direction: 'asc' },
];

const LATEST_DECISION_ORDER: SortKey[] = [
  { column: 'beslut.datum', direction: 'desc' },
  { column: 'beslut.id', direction: 'desc' },
];

/** Filters of a unit's case list, the caller's access included. */
export interface ArendeFilter {
  arendetyp?: Arendetyp[] | null;
  inkomFran?: string | null;
  inkomTill?: string | null;
  /** Only cases in these areas: the areas the caller may read. */
  verksamhetsomraden: Verksamhetsomrade[];
  /** Leave out information and complaint cases, whose contents only IVO staff may read. */
  utanUpplysningar: boolean;
}

/** Filters of a committee's EVB list; `tillatnaOmraden` are the areas the caller may read. */
export interface EvbFilter {
  status?: EvbStatus[] | null;
  verksamhetsomrade?: Verksamhetsomrade[] | null;
  tillatnaOmraden: Verksamhetsomrade[];
}

/**
 * The cut-off date kept in `installning` as text. SQLite stores dates as the same ISO text and
 * compares them as text; PostgreSQL compares a date with text only after a cast, and SQL Server
 * gets the same explicit cast.
 */
function kopplingsgrans(db: Db): Expression<string> {
  const value = db.selectFrom('installning').select('varde').where('nyckel', '=', 'kopplingsgrans');
  return databaseDialect(db) === 'sqlite' ? sql<string>`(${value})` : sql<string>`cast((${value}) as date)`;
}

/**
 * Cases linked to units, with the link's columns. Only cases opened on or after the cut-off date
 * kept in `installning` count as linked, whatever the link table holds.
 */
function linkedCaseQuery(db: Db, filter: ArendeFilter) {
  let query = db
    .selectFrom('arende')
    .innerJoin('arende_koppling', 'arende_koppling.diarienummer', 'arende.diarienummer')
    .innerJoin('klassificering', 'klassificering.kod', 'arende.klassificering_kod')
    .selectAll('arende')
    .select(['klassificering.arendetyp', 'arende_koppling.tillsynsobjekt_id', 'arende_koppling.metod', 'arende_koppling.konfidens'])
    .where('arende.inkom', '>=', kopplingsgrans(db))
    .where('arende.verksamhetsomrade', 'in', nonEmpty(filter.verksamhetsomraden));

  if (filter.arendetyp?.length) query = query.where('klassificering.arendetyp', 'in', filter.arendetyp);
  if (filter.utanUpplysningar) query = query.where('klassificering.arendetyp', '!=', 'UPPLYSNING');
  if (filter.inkomFran) query = query.where('arende.inkom', '>=', filter.inkomFran);
  if (filter.inkomTill) query = query.where('arende.inkom', '<=', filter.inkomTill);
  return query;
}

/** Fetches the same page of cases for several units in one statement. */
export function selectArendePagesByTillsynsobjekt(db: Db, unitIds: string[], filter: ArendeFilter, page: PageArguments): Promise<Map<string, LinkedArendeRow[]>> {
  return fetchPagesByParent<LinkedArendeRow>(db, linkedCaseQuery(db, filter), 'arende_koppling.tillsynsobjekt_id', unitIds, ARENDE_ORDER, page);
}

/** Counts the cases of several units in one statement. */
export function countArendenByTillsynsobjekt(db: Db, unitIds: string[], filter: ArendeFilter): Promise<Map<string, number>> {
  return countRowsByParent(linkedCaseQuery(db, filter), 'arende_koppling.tillsynsobjekt_id', unitIds);
}

/** Selects the latest decision in a supervision case of each unit, among the given areas, in one statement. */
export async function selectLatestTillsynsbeslut(db: Db, unitIds: string[], areas: Verksamhetsomrade[]): Promise<Map<string, LinkedBeslutRow | null>> {
  const query = db
    .selectFrom('beslut')
    .innerJoin('arende', 'arende.diarienummer', 'beslut.diarienummer')
    .innerJoin('arende_koppling', 'arende_koppling.diarienummer', 'arende.diarienummer')
    .innerJoin('klassificering', 'klassificering.kod', 'arende.klassificering_kod')
    .selectAll('beslut')
    .select(['arende.verksamhetsomrade', 'klassificering.arendetyp', 'arende_koppling.tillsynsobjekt_id'])
    .where('arende.inkom', '>=', kopplingsgrans(db))
    .where('arende.verksamhetsomrade', 'in', nonEmpty(areas))
    .where('klassificering.arendetyp', '=', 'TILLSYN');
  const pages = await fetchPagesByParent<LinkedBeslutRow>(db, query, 'arende_koppling.tillsynsobjekt_id', unitIds, LATEST_DECISION_ORDER, { first: 1, after: null });
  return new Map([...pages].map(([unitId, rows]) => [unitId, rows[0] ?? null]));
}

/** Selects cases by case number, with their case type. */
export function selectArendeByDiarienummer(db: Db, numbers: readonly string[]): Promise<ArendeRow[]> {
  return db
    .selectFrom('arende')
    .innerJoin('klassificering', 'klassificering.kod', 'arende.klassificering_kod')
    .selectAll('arende')
    .select('klassificering.arendetyp')
    .where('arende.diarienummer', 'in', numbers)
    .execute();
}

/** Selects the links of cases; a case opened before the cut-off date has none. */
export function selectKopplingByDiarienummer(db: Db, numbers: readonly string[]): Promise<KopplingRow[]> {
  return db
    .selectFrom('arende_koppling')
    .innerJoin('arende', 'arende.diarienummer', 'arende_koppling.diarienummer')
    .selectAll('arende_koppling')
    .where('arende_koppling.diarienummer', 'in', numbers)
    .where('arende.inkom', '>=', kopplingsgrans(db))
    .execute();
}

function decisionQuery(db: Db) {
  return db
    .selectFrom('beslut')
    .innerJoin('arende', 'arende.diarienummer', 'beslut.diarienummer')
    .innerJoin('klassificering', 'klassificering.kod', 'arende.klassificering_kod')
    .selectAll('beslut')
    .select(['arende.verksamhetsomrade', 'klassificering.arendetyp']);
}

/** Selects the decisions of cases, oldest first. */
export function selectBeslutByDiarienummer(db: Db, numbers: readonly string[]): Promise<BeslutRow[]> {
  return decisionQuery(db).where('beslut.diarienummer', 'in', numbers).orderBy('beslut.datum').orderBy('beslut.id').execute();
}

/** Selects decisions by id. */
export function selectBeslutById(db: Db, ids: readonly string[]): Promise<BeslutRow[]> {
  return decisionQuery(db).where('beslut.id', 'in', ids).execute();
}

/** Selects classification entries by code. */
export function selectKlassificeringByKod(db: Db, codes: readonly string[]): Promise<KlassificeringRow[]> {
  return db.selectFrom('klassificering').selectAll().where('kod', 'in', codes).execute();
}

/** Selects the whole classification scheme in code order. */
export function selectAllKlassificeringar(db: Db): Promise<KlassificeringRow[]> {
  return db.selectFrom('klassificering').selectAll().orderBy('kod').execute();
}

function evbQuery(db: Db, filter: EvbFilter) {
  let query = db.selectFrom('ej_verkstallt_beslut').selectAll().where('verksamhetsomrade', 'in', nonEmpty(filter.tillatnaOmraden));
  if (filter.status?.length) query = query.where('status', 'in', filter.status);
  if (filter.verksamhetsomrade?.length) query = query.where('verksamhetsomrade', 'in', filter.verksamhetsomrade);
  return query;
}

/** Fetches the same page of EVB reports for several committees in one statement. */
export function selectEvbPagesByNamnd(db: Db, namndIds: string[], filter: EvbFilter, page: PageArguments): Promise<Map<string, EvbRow[]>> {
  return fetchPagesByParent<EvbRow>(db, evbQuery(db, filter), 'namnd_id', namndIds, EVB_ORDER, page);
}

/** Counts the EVB reports of several committees in one statement. */
export function countEvbByNamnd(db: Db, namndIds: string[], filter: EvbFilter): Promise<Map<string, number>> {
  return countRowsByParent(evbQuery(db, filter), 'namnd_id', namndIds);
}

/** Selects EVB reports by id. */
export function selectEvbById(db: Db, ids: readonly string[]): Promise<EvbRow[]> {
  return db.selectFrom('ej_verkstallt_beslut').selectAll().where('id', 'in', ids).execute();
}

// An empty IN list is invalid SQL; a value no row has keeps the statement valid and matches nothing.
function nonEmpty(areas: readonly Verksamhetsomrade[]): Verksamhetsomrade[] {
  return areas.length > 0 ? [...areas] : ['INGET' as Verksamhetsomrade];
}
