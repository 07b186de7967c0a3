import type { Kysely } from 'kysely';
import { countRows, fetchPage, type SortKey } from '../../src/db/paginate.ts';
import type { PageArguments } from '../../src/graphql/page-arguments.ts';
import type { Verksamhetsomrade } from '../../src/seed/world-types.ts';
import type { CommitteesDatabase, KommunRow, LanRow, NamndRow } from './database.ts';

type Db = Kysely<CommitteesDatabase>;

export const KOMMUN_ORDER: SortKey[] = [{ column: 'kod', direction: 'asc' }];
export const NAMND_ORDER: SortKey[] = [{ column: 'id', direction: 'asc' }];

/** Filters of the committee list. */
export interface NamndFilter {
  kommunKod?: string | null;
  verksamhetsomrade?: Verksamhetsomrade | null;
}

/** Selects counties by code. */
export function selectLanByKod(db: Db, kods: readonly string[]): Promise<LanRow[]> {
  return db.selectFrom('lan').selectAll().where('kod', 'in', kods).execute();
}

/** Selects all counties in code order. */
export function selectAllLan(db: Db): Promise<LanRow[]> {
  return db.selectFrom('lan').selectAll().orderBy('kod').execute();
}

/** Selects municipalities by code. */
export function selectKommunByKod(db: Db, kods: readonly string[]): Promise<KommunRow[]> {
  return db.selectFrom('kommun').selectAll().where('kod', 'in', kods).execute();
}

/** Selects the municipalities of counties, in code order. */
export function selectKommunerByLan(db: Db, lanKods: readonly string[]): Promise<KommunRow[]> {
  return db.selectFrom('kommun').selectAll().where('lan_kod', 'in', lanKods).orderBy('kod').execute();
}

/** Selects committees by id. */
export function selectNamndById(db: Db, ids: readonly string[]): Promise<NamndRow[]> {
  return db.selectFrom('namnd').selectAll().where('id', 'in', ids).execute();
}

/** Selects the committees of municipalities, in id order. */
export function selectNamnderByKommun(db: Db, kommunKods: readonly string[]): Promise<NamndRow[]> {
  return db.selectFrom('namnd').selectAll().where('kommun_kod', 'in', kommunKods).orderBy('id').execute();
}

/** Selects the areas of committees. */
export function selectOmradenByNamnd(db: Db, namndIds: readonly string[]) {
  return db.selectFrom('namnd_verksamhetsomrade').selectAll().where('namnd_id', 'in', namndIds).orderBy('verksamhetsomrade').execute();
}

function kommunQuery(db: Db, lanKod: string | null | undefined) {
  let query = db.selectFrom('kommun').selectAll();
  if (lanKod) query = query.where('lan_kod', '=', lanKod);
  return query;
}

/** Fetches one page of municipalities. */
export function selectKommunPage(db: Db, lanKod: string | null | undefined, page: PageArguments): Promise<KommunRow[]> {
  return fetchPage<KommunRow>(db, kommunQuery(db, lanKod), KOMMUN_ORDER, page);
}

/** Counts municipalities, all pages. */
export function countKommuner(db: Db, lanKod: string | null | undefined): Promise<number> {
  return countRows(kommunQuery(db, lanKod));
}

function namndQuery(db: Db, filter: NamndFilter) {
  let query = db.selectFrom('namnd').selectAll();
  if (filter.kommunKod) query = query.where('kommun_kod', '=', filter.kommunKod);
  if (filter.verksamhetsomrade) {
    const omrade = filter.verksamhetsomrade;
    query = query.where('id', 'in', (eb) => eb.selectFrom('namnd_verksamhetsomrade').select('namnd_id').where('verksamhetsomrade', '=', omrade));
  }
  return query;
}

/** Fetches one page of committees. */
export function selectNamndPage(db: Db, filter: NamndFilter, page: PageArguments): Promise<NamndRow[]> {
  return fetchPage<NamndRow>(db, namndQuery(db, filter), NAMND_ORDER, page);
}

/** Counts committees, all pages. */
export function countNamnder(db: Db, filter: NamndFilter): Promise<number> {
  return countRows(namndQuery(db, filter));
}
