import type { Kysely } from 'kysely';
import { countRowsByParent, fetchPagesByParent, type SortKey } from '../../src/db/paginate.ts';
import type { PageArguments } from '../../src/graphql/page-arguments.ts';
import type { Roll, Verksamhetsomrade } from '../../src/seed/world-types.ts';
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

/** Selects the areas a committee reports for, as the reporter register keeps them. */
export async function selectNamndAreas(db: Db, namndId: string): Promise<Verksamhetsomrade[]> {
  const rows = await db.selectFrom('namnd_omrade').select('verksamhetsomrade').where('namnd_id', '=', namndId).orderBy('verksamhetsomrade').execute();
  return rows.map((row) => row.verksamhetsomrade);
}

/** Selects one role assignment with its areas, or undefined. */
export async function selectRolltilldelning(db: Db, id: string): Promise<AssignmentSnapshot | undefined> {
  const role = await db.selectFrom('rolltilldelning').selectAll().where('id', '=', id).executeTakeFirst();
  if (!role) return undefined;
  const areas = await selectOmradenByRolltilldelning(db, [id]);
  return { ...role, verksamhetsomraden: areas.map((area) => area.verksamhetsomrade) };
}

/** Selects a user's assignments of one role in one committee, with their areas. */
export async function selectAssignments(db: Db, userId: string, namndId: string, roll: Roll): Promise<AssignmentSnapshot[]> {
  const roles = await db.selectFrom('rolltilldelning').selectAll().where('anvandare_id', '=', userId).where('namnd_id', '=', namndId).where('roll', '=', roll).orderBy('id').execute();
  const areas = roles.length === 0 ? [] : await selectOmradenByRolltilldelning(db, roles.map((role) => role.id));
  return roles.map((role) => ({ ...role, verksamhetsomraden: areas.filter((area) => area.rolltilldelning_id === role.id).map((area) => area.verksamhetsomrade) }));
}

/** Returns the next free id with a prefix, such as `A-02032` after `A-02031`. */
export async function nextId(db: Db, table: 'anvandare' | 'rolltilldelning', prefix: string, digits: number): Promise<string> {
  const row = await db.selectFrom(table).select((eb) => eb.fn.max('id').as('max')).where('id', 'like', `${prefix}%`).executeTakeFirst();
  const next = Number(String(row?.max ?? `${prefix}0`).slice(prefix.length)) + 1;
  return `${prefix}${String(next).padStart(digits, '0')}`;
}

/** Inserts a user. */
export async function insertAnvandare(db: Db, user: AnvandareRow): Promise<void> {
  await db.insertInto('anvandare').values(user).execute();
}

/** Inserts a role assignment with its areas, at version 1. */
export async function insertAssignment(db: Db, assignment: AssignmentSnapshot): Promise<void> {
  const { verksamhetsomraden, ...role } = assignment;
  await db.insertInto('rolltilldelning').values(role).execute();
  await db.insertInto('rolltilldelning_omrade').values(verksamhetsomraden.map((omrade) => ({ rolltilldelning_id: role.id, verksamhetsomrade: omrade }))).execute();
}

/**
 * Updates an assignment if it is still at `expectedVersion`, raising the version by one. Returns
 * false when another change came first, so the caller can report a conflict.
 */
export async function updateAssignment(db: Db, id: string, expectedVersion: number, change: { giltig_fran: string; giltig_till: string | null; verksamhetsomraden: Verksamhetsomrade[] }): Promise<boolean> {
  const result = await db
    .updateTable('rolltilldelning')
    .set((eb) => ({ giltig_fran: change.giltig_fran, giltig_till: change.giltig_till, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;

  await db.deleteFrom('rolltilldelning_omrade').where('rolltilldelning_id', '=', id).execute();
  await db.insertInto('rolltilldelning_omrade').values(change.verksamhetsomraden.map((omrade) => ({ rolltilldelning_id: id, verksamhetsomrade: omrade }))).execute();
  return true;
}

/** Appends one entry to the change log. */
export async function insertChange(db: Db, change: Omit<UsersDatabase['rolltilldelning_andring'], 'id'>): Promise<void> {
  await db.insertInto('rolltilldelning_andring').values({ id: undefined, ...change }).execute();
}

/** Selects the change log of an assignment, oldest first. */
export function selectChanges(db: Db, rolltilldelningId: string) {
  return db.selectFrom('rolltilldelning_andring').selectAll().where('rolltilldelning_id', '=', rolltilldelningId).orderBy('id').execute();
}

/** An assignment as one snapshot: the row and its areas, as logged before and after a change. */
export type AssignmentSnapshot = RolltilldelningRow & { verksamhetsomraden: Verksamhetsomrade[] };

/** Statuses of an assignment on a given day. */
export type AssignmentStatus = 'GALLANDE' | 'KOMMANDE' | 'AVSLUTAD';

function assignmentQuery(db: Db, statuses: readonly AssignmentStatus[] | null | undefined, today: string) {
  let query = db.selectFrom('rolltilldelning').selectAll().where('roll', 'in', ['RAPPORTOR', 'HUVUDRAPPORTOR']);
  if (statuses?.length) {
    query = query.where((eb) =>
      eb.or(
        statuses.map((status) =>
          status === 'KOMMANDE'
            ? eb.and([eb('giltig_fran', '>', today), eb.or([eb('giltig_till', 'is', null), eb('giltig_till', '>=', eb.ref('giltig_fran'))])])
            : status === 'AVSLUTAD'
              ? eb.or([eb('giltig_till', '<', today), eb('giltig_till', '<', eb.ref('giltig_fran'))])
              : eb.and([eb('giltig_fran', '<=', today), eb.or([eb('giltig_till', 'is', null), eb('giltig_till', '>=', today)])]),
        ),
      ),
    );
  }
  return query;
}

/** Assignments sort by id. */
export const ASSIGNMENT_ORDER: SortKey[] = [{ column: 'id', direction: 'asc' }];

/** Fetches the same page of assignments for several committees in one statement. */
export function selectAssignmentPagesByNamnd(db: Db, namndIds: string[], statuses: readonly AssignmentStatus[] | null | undefined, today: string, page: PageArguments) {
  return fetchPagesByParent<RolltilldelningRow>(db, assignmentQuery(db, statuses, today), 'namnd_id', namndIds, ASSIGNMENT_ORDER, page);
}

/** Counts the assignments of several committees in one statement. */
export function countAssignmentsByNamnd(db: Db, namndIds: string[], statuses: readonly AssignmentStatus[] | null | undefined, today: string) {
  return countRowsByParent(assignmentQuery(db, statuses, today), 'namnd_id', namndIds);
}

/**
 * Counts the committee's huvudrapportör assignments, leaving one out, that are valid on `today`
 * and still valid on the day after `lastDay`.
 */
export async function countLeadsOutlasting(db: Db, namndId: string, exceptId: string, lastDay: string, today: string): Promise<number> {
  const row = await db
    .selectFrom('rolltilldelning')
    .select((eb) => eb.fn.countAll().as('antal'))
    .where('namnd_id', '=', namndId)
    .where('roll', '=', 'HUVUDRAPPORTOR')
    .where('id', '!=', exceptId)
    .where('giltig_fran', '<=', today)
    .where((eb) => eb.or([eb('giltig_till', 'is', null), eb('giltig_till', '>', lastDay)]))
    .executeTakeFirstOrThrow();
  return Number(row.antal);
}
