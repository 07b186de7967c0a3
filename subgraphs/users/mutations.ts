import { runSerializable } from '../../src/db/run-serializable.ts';
import type { Kysely } from 'kysely';
import type { AccessContext } from '../../src/access/access-context.ts';
import { huvudrapportorNamnder, isHuvudrapportorFor, isIvoStaff } from '../../src/access/access-checks.ts';
import { forbidden } from '../../src/access/forbidden.ts';
import { badUserInput, codedError } from '../../src/errors/coded-error.ts';
import type { Roll, Verksamhetsomrade } from '../../src/seed/world-types.ts';
import type { SubgraphContext } from '../../src/subgraph/subgraph-module.ts';
import { todayInSweden } from '../../src/time/today-in-sweden.ts';
import { assertPeriodOrder, readAreas, readEmail, readIdentity, readPersonName } from '../../src/validation/read-input.ts';
import type { UsersDatabase } from './database.ts';
import type { UsersLoaders } from './loaders.ts';
import * as queries from './queries.ts';

type Context = SubgraphContext<UsersDatabase, UsersLoaders>;
type Db = Kysely<UsersDatabase>;

/** Input of `laggTillRapportor`, as the schema declares it. */
export interface LaggTillRapportorInput {
  namndId: string;
  identitet: string;
  namn: string;
  epost: string;
  verksamhetsomraden: Verksamhetsomrade[];
  roll: Roll;
  giltigFran?: string | null;
  giltigTill?: string | null;
}

/** Input of `andraRapportor`. */
export interface AndraRapportorInput {
  id: string;
  version: number;
  verksamhetsomraden?: Verksamhetsomrade[] | null;
  giltigFran?: string | null;
  giltigTill?: string | null;
  tillsVidare?: boolean | null;
}

/** Input of `avslutaRapportor`. */
export interface AvslutaRapportorInput {
  id: string;
  version: number;
  sistaDag?: string | null;
}

const ADMINISTERED_ROLES: readonly Roll[] = ['RAPPORTOR', 'HUVUDRAPPORTOR'];

function assertMayAdminister(access: AccessContext, namndId: string): void {
  if (access.anonymous) throw forbidden('notLoggedIn');
  if (!isIvoStaff(access) && !isHuvudrapportorFor(access, namndId)) throw forbidden('administerCommittee');
}

/**
 * Refuses to end the caller's own huvudrapportör assignment unless another huvudrapportör of the
 * committee is current today and stays valid after `lastDay`, the last day the caller's role will
 * be valid. So a committee is never left without an administrator by its own administrator's
 * mistake, also not when two of them end their roles one after the other. IVO staff or another
 * huvudrapportör may still end it.
 */
async function assertNotLastOwnLead(db: Db, access: AccessContext, assignment: queries.AssignmentSnapshot, lastDay: string, today: string): Promise<void> {
  if (assignment.roll !== 'HUVUDRAPPORTOR' || assignment.anvandare_id !== access.userId || assignment.namnd_id === null) return;
  const otherLeads = await queries.countLeadsOutlasting(db, assignment.namnd_id, assignment.id, lastDay, today);
  if (otherLeads === 0) throw forbidden('lastHuvudrapportor');
}

/** Returns an assignment's status on a day; a withdrawn role, which ends before it begins, counts as ended. */
export function assignmentStatus(role: Pick<queries.AssignmentSnapshot, 'giltig_fran' | 'giltig_till'>, today: string): queries.AssignmentStatus {
  if (role.giltig_till !== null && (role.giltig_till < today || role.giltig_till < role.giltig_fran)) return 'AVSLUTAD';
  if (role.giltig_fran > today) return 'KOMMANDE';
  return 'GALLANDE';
}

function comparableName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv');
}

function isValidOn(from: string, to: string | null, day: string): boolean {
  return from <= day && (to === null || to >= day);
}

function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** Refuses to change an assignment that has ended or was withdrawn: its history stays as it is. */
function assertNotEnded(assignment: queries.AssignmentSnapshot, today: string): void {
  if (assignmentStatus(assignment, today) === 'AVSLUTAD') {
    throw badUserInput('input.id', `Rolltilldelningen ${assignment.id} upphörde ${assignment.giltig_till} och kan inte ändras; lägg till en ny med laggTillRapportor.`);
  }
}

async function loadAssignmentForChange(db: Db, access: AccessContext, id: string, version: number): Promise<queries.AssignmentSnapshot> {
  if (!Number.isInteger(version) || version < 1) throw badUserInput('input.version', `Fältet input.version ska vara ett positivt heltal från Rolltilldelning.version (fick ${version}).`);
  // Someone who administers no committee learns nothing, not even whether the id exists.
  if (access.anonymous) throw forbidden('notLoggedIn');
  if (!isIvoStaff(access) && huvudrapportorNamnder(access).length === 0) throw forbidden('administerCommittee');
  const assignment = await queries.selectRolltilldelning(db, id);
  if (!assignment) throw codedError('NOT_FOUND', `Det finns ingen rolltilldelning med id ${id}.`, { argument: 'input.id' });
  // Only rapportör and huvudrapportör roles are administered here. Any other assignment, and one
  // of a committee the caller does not administer, is reported as forbidden rather than missing.
  if (assignment.namnd_id === null || !ADMINISTERED_ROLES.includes(assignment.roll)) throw forbidden('administerCommittee');
  assertMayAdminister(access, assignment.namnd_id);
  return assignment;
}

function conflict(assignment: queries.AssignmentSnapshot, sentVersion: number) {
  return codedError(
    'VERSION_CONFLICT',
    `Rolltilldelningen ${assignment.id} har ändrats av någon annan sedan version ${sentVersion} (nu version ${assignment.version}). Hämta den på nytt och gör om ändringen.`,
    { currentVersion: assignment.version },
  );
}

async function logChange(db: Db, context: Context, kind: 'LAGG_TILL' | 'ANDRA' | 'AVSLUTA', before: queries.AssignmentSnapshot | null, after: queries.AssignmentSnapshot): Promise<void> {
  await queries.insertChange(db, {
    tidpunkt: new Date().toISOString(),
    utford_av: context.access.userId,
    utford_av_roller: JSON.stringify(context.access.roles),
    request_id: context.requestId,
    andring: kind,
    rolltilldelning_id: after.id,
    fore: before && JSON.stringify(before),
    efter: JSON.stringify(after),
  });
}

async function noteAccessChange(db: Db, context: Context, userId: string): Promise<void> {
  const user = (await queries.selectAnvandareById(db, [userId]))[0];
  const identity = user?.personnummer ?? user?.hsa_id;
  if (identity) context.accessChanges.add(identity);
}

/** Adds a rapportör or huvudrapportör to a committee in one transaction; repeating the same add changes nothing. */
export async function laggTillRapportor(input: LaggTillRapportorInput, context: Context) {
  const today = todayInSweden();
  assertMayAdminister(context.access, input.namndId);
  if (!ADMINISTERED_ROLES.includes(input.roll)) {
    throw badUserInput('input.roll', `Fältet roll ska vara RAPPORTOR eller HUVUDRAPPORTOR (fick ${input.roll}).`);
  }
  const identity = readIdentity(input.identitet, 'input.identitet');
  const namn = readPersonName(input.namn, 'input.namn');
  const epost = readEmail(input.epost, 'input.epost');
  const giltigFran = input.giltigFran ?? today;
  const giltigTill = input.giltigTill ?? null;
  assertPeriodOrder(giltigFran, giltigTill, 'input.giltigFran', 'input.giltigTill');
  if (giltigTill !== null && giltigTill < today) throw badUserInput('input.giltigTill', `Fältet input.giltigTill (${giltigTill}) ligger före i dag; en ny roll kan inte redan ha upphört.`);

  return runSerializable(context.database.db, async (trx) => {
    const allowedAreas = await queries.selectNamndAreas(trx, input.namndId);
    if (allowedAreas.length === 0) throw codedError('NOT_FOUND', `Rapportörsregistret känner ingen nämnd med id ${input.namndId}.`, { argument: 'input.namndId' });
    const areas = readAreas(input.verksamhetsomraden, allowedAreas, 'input.verksamhetsomraden', `nämnden ${input.namndId}`);

    let user = await queries.selectAnvandareByIdentity(trx, identity.personnummer ? { personnummer: identity.personnummer } : { hsaId: identity.hsaId as string });
    // A person already in the register is added only under the name stored for them, so knowing a
    // personnummer alone does not reveal who it belongs to or their stored e-mail address.
    if (user && comparableName(user.namn) !== comparableName(namn) && !isIvoStaff(context.access)) {
      throw badUserInput('input.namn', 'Fältet input.namn stämmer inte med namnet i rapportörsregistret för den identiteten. Kontrollera namn och identitet, eller be IVO om hjälp.');
    }
    if (!user) {
      user = { id: await queries.nextId(trx, 'anvandare', 'A-', 5), namn, epost, personnummer: identity.personnummer, hsa_id: identity.hsaId };
      await queries.insertAnvandare(trx, user);
    }

    // Ended and withdrawn roles are history; only a current or coming one blocks a new add.
    const existing = (await queries.selectAssignments(trx, user.id, input.namndId, input.roll)).filter((role) => assignmentStatus(role, today) !== 'AVSLUTAD');
    const same = existing.find((role) => role.giltig_fran === giltigFran && role.giltig_till === giltigTill && role.verksamhetsomraden.join() === areas.join());
    if (same) return { rolltilldelning: same, skapad: false };
    if (existing.length > 0) {
      throw codedError(
        'ALREADY_EXISTS',
        `Personen har redan rollen ${input.roll} i nämnden ${input.namndId} (${existing[0]!.id}) med andra uppgifter. Ändra den med andraRapportor.`,
        { rolltilldelningId: existing[0]!.id },
      );
    }

    const created: queries.AssignmentSnapshot = {
      id: await queries.nextId(trx, 'rolltilldelning', 'R-', 5),
      anvandare_id: user.id,
      roll: input.roll,
      namnd_id: input.namndId,
      giltig_fran: giltigFran,
      giltig_till: giltigTill,
      version: 1,
      verksamhetsomraden: areas,
    };
    await queries.insertAssignment(trx, created);
    await logChange(trx, context, 'LAGG_TILL', null, created);
    await noteAccessChange(trx, context, user.id);
    return { rolltilldelning: created, skapad: true };
  });
}

/** Changes an assignment's areas or dates, if it is still at the version the change was based on. */
export async function andraRapportor(input: AndraRapportorInput, context: Context) {
  const today = todayInSweden();
  return runSerializable(context.database.db, async (trx) => {
    const before = await loadAssignmentForChange(trx, context.access, input.id, input.version);
    if (before.version !== input.version) throw conflict(before, input.version);
    assertNotEnded(before, today);

    const allowedAreas = await queries.selectNamndAreas(trx, before.namnd_id as string);
    const areas = input.verksamhetsomraden ? readAreas(input.verksamhetsomraden, allowedAreas, 'input.verksamhetsomraden', `nämnden ${before.namnd_id}`) : before.verksamhetsomraden;
    const giltigFran = input.giltigFran ?? before.giltig_fran;
    if (input.tillsVidare && input.giltigTill) throw badUserInput('input.tillsVidare', 'Ange antingen giltigTill eller tillsVidare, inte båda.');
    const giltigTill = input.tillsVidare ? null : (input.giltigTill ?? before.giltig_till);
    assertPeriodOrder(giltigFran, giltigTill, 'input.giltigFran', 'input.giltigTill');
    if (giltigTill !== null && giltigTill < today) {
      throw badUserInput('input.giltigTill', `Fältet input.giltigTill (${giltigTill}) ligger före i dag; historiken kan inte skrivas om.`);
    }
    // Shortening or postponing one's own current lead role could leave the committee without one.
    const currentBefore = isValidOn(before.giltig_fran, before.giltig_till, today);
    const shortened = giltigTill !== null && giltigTill < (before.giltig_till ?? '9999-12-31');
    if (currentBefore && !isValidOn(giltigFran, giltigTill, today)) await assertNotLastOwnLead(trx, context.access, before, dayBefore(today), today);
    else if (shortened) await assertNotLastOwnLead(trx, context.access, before, giltigTill, today);

    if (!(await queries.updateAssignment(trx, before.id, input.version, { giltig_fran: giltigFran, giltig_till: giltigTill, verksamhetsomraden: areas }))) {
      throw conflict((await queries.selectRolltilldelning(trx, before.id))!, input.version);
    }
    const after = (await queries.selectRolltilldelning(trx, before.id))!;
    await logChange(trx, context, 'ANDRA', before, after);
    await noteAccessChange(trx, context, after.anvandare_id);
    return after;
  });
}

/** Ends an assignment after its last day; the assignment stays as history. */
export async function avslutaRapportor(input: AvslutaRapportorInput, context: Context) {
  const today = todayInSweden();
  const sistaDag = input.sistaDag ?? today;
  if (sistaDag < today) throw badUserInput('input.sistaDag', `Fältet input.sistaDag (${sistaDag}) ligger före i dag; en roll kan avslutas i dag eller senare.`);

  return runSerializable(context.database.db, async (trx) => {
    const before = await loadAssignmentForChange(trx, context.access, input.id, input.version);
    if (before.version !== input.version) throw conflict(before, input.version);
    assertNotEnded(before, today);
    if (before.giltig_till !== null && sistaDag >= before.giltig_till) {
      throw badUserInput(
        'input.sistaDag',
        `Fältet input.sistaDag (${sistaDag}) ska ligga före rollens nuvarande sista dag ${before.giltig_till}; förläng en roll med andraRapportor.`,
      );
    }
    // A role that has not begun is withdrawn: its last day becomes the day before its first, so it
    // is never valid and stays as history.
    const lastDay = before.giltig_fran > today ? dayBefore(before.giltig_fran) : sistaDag;
    await assertNotLastOwnLead(trx, context.access, before, lastDay, today);
    if (before.giltig_fran <= today) assertPeriodOrder(before.giltig_fran, sistaDag, 'giltigFran', 'input.sistaDag');

    if (!(await queries.updateAssignment(trx, before.id, input.version, { giltig_fran: before.giltig_fran, giltig_till: lastDay, verksamhetsomraden: before.verksamhetsomraden }))) {
      throw conflict((await queries.selectRolltilldelning(trx, before.id))!, input.version);
    }
    const after = (await queries.selectRolltilldelning(trx, before.id))!;
    await logChange(trx, context, 'AVSLUTA', before, after);
    await noteAccessChange(trx, context, after.anvandare_id);
    return after;
  });
}
