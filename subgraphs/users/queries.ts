import type { Kysely } from 'kysely';
import { countRowsByParent, fetchPagesByParent, type SortKey } from '../../src/db/paginate.ts';
import type { PageArguments } from '../../src/graphql/page-arguments.ts';
import type { AnvandareRow, RolltilldelningRow, UsersDatabase } from './database.ts';

type Db = Kysely<UsersDatabase>;

/** Users sort by name; the id breaks ties. */
export const ANVANDARE_ORDER: SortKey[] = [
  { column: 'anvandare.namn', direction: 'asc' },
  { column: 'anvandare.id', direction: 'asc' },
];

/** A user listed under a committee, with the committee's id. */
export type CommitteeUserRow = AnvandareRow & { namnd_id: string };

/**
 * Users with a role as rapportör or huvudrapportör that is valid on `today`, once per committee
 * even when they hold both roles there.
 */
function reporterQuery(db: Db, today: string) {
  const reporters = db
    .selectFrom('rolltilldelning')
    .select(['anvandare_id', 'namnd_id'])
    .distinct()
    .where('roll', 'in', ['RAPPORTOR', 'HUVUDRAPPORTOR'])
    .where('giltig_fran', '<=', today)
    .where((eb) => eb.or([eb('giltig_till', 'is', null), eb('giltig_till', '>=', today)]));

  return db
    .selectFrom('anvandare')
    .innerJoin(reporters.as('reporter'), 'reporter.anvandare_id', 'anvandare.id')
    .selectAll('anvandare')
    .select('reporter.namnd_id');
}

/** Fetches the same page of reporters for several committees in one statement. */
export function selectReporterPagesByNamnd(db: Db, namndIds: string[], today: string, page: PageArguments): Promise<Map<string, CommitteeUserRow[]>> {
  return fetchPagesByParent<CommitteeUserRow>(db, reporterQuery(db, today), 'reporter.namnd_id', namndIds, ANVANDARE_ORDER, page);
}

/** Counts the reporters of several committees in one statement. */
export function countReportersByNamnd(db: Db, namndIds: string[], today: string): Promise<Map<string, number>> {
  return countRowsByParent(reporterQuery(db, today), 'reporter.namnd_id', namndIds);
}

/** Selects users by id. */
export function selectAnvandareById(db: Db, ids: readonly string[]): Promise<AnvandareRow[]> {
  return db.selectFrom('anvandare').selectAll().where('id', 'in', ids).execute();
}

/** Selects the roles of users, current and ended, oldest first. */
export function selectRollerByAnvandare(db: Db, userIds: readonly string[]): Promise<RolltilldelningRow[]> {
  return db.selectFrom('rolltilldelning').selectAll().where('anvandare_id', 'in', userIds).orderBy('giltig_fran').orderBy('id').execute();
}

/** Selects the areas of roles. */
export function selectOmradenByRolltilldelning(db: Db, roleIds: readonly string[]) {
  return db.selectFrom('rolltilldelning_omrade').selectAll().where('rolltilldelning_id', 'in', roleIds).orderBy('verksamhetsomrade').execute();
}

/** Selects the user who logs in with a personnummer or an HSA-id. */
export function selectAnvandareByIdentity(db: Db, identity: { personnummer: string } | { hsaId: string }): Promise<AnvandareRow | undefined> {
  const query = db.selectFrom('anvandare').selectAll();
  return ('personnummer' in identity ? query.where('personnummer', '=', identity.personnummer) : query.where('hsa_id', '=', identity.hsaId)).executeTakeFirst();
}

/** Selects a user's roles that are valid on `today`, with their areas. */
export async function selectValidRoles(db: Db, userId: string, today: string) {
  const roles = await db
    .selectFrom('rolltilldelning')
    .selectAll()
    .where('anvandare_id', '=', userId)
    .where('giltig_fran', '<=', today)
    .where((eb) => eb.or([eb('giltig_till', 'is', null), eb('giltig_till', '>=', today)]))
    .orderBy('id')
    .execute();
  const areas = roles.length === 0 ? [] : await selectOmradenByRolltilldelning(db, roles.map((role) => role.id));
  return roles.map((role) => ({ ...role, verksamhetsomraden: areas.filter((area) => area.rolltilldelning_id === role.id).map((area) => area.verksamhetsomrade) }));
}
