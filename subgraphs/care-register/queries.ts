import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import { countRows, countRowsByParent, fetchPage, fetchPagesByParent, type SortKey } from '../../src/db/paginate.ts';
import type { PageArguments } from '../../src/graphql/page-arguments.ts';
import type { Kon, Malgrupp, TillsynsobjektStatus, Verksamhetsomrade, Verksamhetstyp } from '../../src/seed/world-types.ts';
import type { CareRegisterDatabase, HuvudmanRow, TillsynsobjektRow, VerksamhetRow } from './database.ts';

type Db = Kysely<CareRegisterDatabase>;
type UnitQuery = SelectQueryBuilder<CareRegisterDatabase, 'tillsynsobjekt', TillsynsobjektRow>;

/** Units sort by name; the id breaks ties so the keyset order is total. */
export const TILLSYNSOBJEKT_ORDER: SortKey[] = [
  { column: 'namn', direction: 'asc' },
  { column: 'id', direction: 'asc' },
];

/** A validated unit filter; an absent or empty list does not filter. */
export interface TillsynsobjektFilter {
  kommunKod?: string | null;
  lanKod?: string | null;
  verksamhetstyp?: Verksamhetstyp[] | null;
  verksamhetsomrade?: Verksamhetsomrade[] | null;
  status?: TillsynsobjektStatus[] | null;
  malgrupp?: Malgrupp[] | null;
  alder?: number | null;
  kon?: Kon | null;
  namn?: string | null;
}

// A unit open to "girls" also takes girls when it is open to all; a unit for all takes only "all".
const KON_ACCEPTED: Record<Kon, Kon[]> = { FLICKOR: ['FLICKOR', 'ALLA'], POJKAR: ['POJKAR', 'ALLA'], ALLA: ['ALLA'] };

function unitQuery(db: Db, filter: TillsynsobjektFilter): UnitQuery {
  let query = db.selectFrom('tillsynsobjekt').selectAll();
  if (filter.kommunKod) query = query.where('kommun_kod', '=', filter.kommunKod);
  if (filter.lanKod) query = query.where('lan_kod', '=', filter.lanKod);
  if (filter.verksamhetstyp?.length) query = query.where('verksamhetstyp', 'in', filter.verksamhetstyp);
  if (filter.verksamhetsomrade?.length) query = query.where('verksamhetsomrade', 'in', filter.verksamhetsomrade);
  if (filter.status?.length) query = query.where('status', 'in', filter.status);
  if (filter.alder != null) query = query.where('alder_fran', '<=', filter.alder).where('alder_till', '>=', filter.alder);
  if (filter.kon) query = query.where('kon', 'in', KON_ACCEPTED[filter.kon]);
  if (filter.malgrupp?.length) {
    const malgrupper = filter.malgrupp;
    query = query.where('id', 'in', (eb) => eb.selectFrom('tillsynsobjekt_malgrupp').select('tillsynsobjekt_id').where('malgrupp', 'in', malgrupper));
  }
  if (filter.namn) {
    // NOTE: SQLite's lower() folds ASCII letters only, so "ö" does not match "Ö" on the embedded
    // database (nor on PostgreSQL with the C locale the tests use); SQL Server folds both.
    query = query.where(sql<boolean>`lower(namn) like lower(${`%${escapeLike(filter.namn)}%`}) escape '\\'`);
  }
  return query;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** Fetches one page of units matching a filter. */
export function selectTillsynsobjektPage(db: Db, filter: TillsynsobjektFilter, page: PageArguments): Promise<TillsynsobjektRow[]> {
  return fetchPage<TillsynsobjektRow>(db, unitQuery(db, filter), TILLSYNSOBJEKT_ORDER, page);
}

/** Counts the units matching a filter, all pages. */
export function countTillsynsobjekt(db: Db, filter: TillsynsobjektFilter): Promise<number> {
  return countRows(unitQuery(db, filter));
}

/** Fetches the same page of units for several parents (municipalities or providers) in one statement. */
export function selectTillsynsobjektPagesBy(
  db: Db,
  parentColumn: 'kommun_kod' | 'huvudman_id',
  parentIds: string[],
  filter: TillsynsobjektFilter,
  page: PageArguments,
): Promise<Map<string, TillsynsobjektRow[]>> {
  return fetchPagesByParent<TillsynsobjektRow>(db, unitQuery(db, filter), parentColumn, parentIds, TILLSYNSOBJEKT_ORDER, page);
}

/** Counts the units of several parents in one statement. */
export function countTillsynsobjektBy(db: Db, parentColumn: 'kommun_kod' | 'huvudman_id', parentIds: string[], filter: TillsynsobjektFilter): Promise<Map<string, number>> {
  return countRowsByParent(unitQuery(db, filter), parentColumn, parentIds);
}

/** Selects units by id. */
export function selectTillsynsobjektById(db: Db, ids: readonly string[]): Promise<TillsynsobjektRow[]> {
  return db.selectFrom('tillsynsobjekt').selectAll().where('id', 'in', ids).execute();
}

/** Selects the units of operations, by name. */
export function selectTillsynsobjektByVerksamhet(db: Db, verksamhetIds: readonly string[]): Promise<TillsynsobjektRow[]> {
  return db.selectFrom('tillsynsobjekt').selectAll().where('verksamhet_id', 'in', verksamhetIds).orderBy('namn').orderBy('id').execute();
}

/** Selects the target groups of units. */
export function selectMalgrupperByTillsynsobjekt(db: Db, ids: readonly string[]) {
  return db.selectFrom('tillsynsobjekt_malgrupp').selectAll().where('tillsynsobjekt_id', 'in', ids).orderBy('malgrupp').execute();
}

/** Selects providers by id. */
export function selectHuvudmanById(db: Db, ids: readonly string[]): Promise<HuvudmanRow[]> {
  return db.selectFrom('huvudman').selectAll().where('id', 'in', ids).execute();
}

/** Selects providers by organisationsnummer. */
export function selectHuvudmanByOrganisationsnummer(db: Db, numbers: readonly string[]): Promise<HuvudmanRow[]> {
  return db.selectFrom('huvudman').selectAll().where('organisationsnummer', 'in', numbers).execute();
}

/** Selects operations by id. */
export function selectVerksamhetById(db: Db, ids: readonly string[]): Promise<VerksamhetRow[]> {
  return db.selectFrom('verksamhet').selectAll().where('id', 'in', ids).execute();
}

/** Selects the operations of providers, by id. */
export function selectVerksamheterByHuvudman(db: Db, huvudmanIds: readonly string[]): Promise<VerksamhetRow[]> {
  return db.selectFrom('verksamhet').selectAll().where('huvudman_id', 'in', huvudmanIds).orderBy('id').execute();
}
