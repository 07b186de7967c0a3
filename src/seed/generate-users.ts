import { addDays } from './dates.ts';
import { FIXED_USER_RECORDS } from './fixed-users.ts';
import type { Sex } from './identifiers.ts';
import type { Random } from './random.ts';
import { birthDateForAge, formatId, roundStochastically, type SeedContext, slugify } from './seed-context.ts';
import { FEMALE_FIRST_NAMES, LAST_NAMES, MALE_FIRST_NAMES } from './vocabulary.ts';
import { VERKSAMHETSOMRADEN, type AnvandareRecord, type NamndRecord, type Roll, type RolltilldelningRecord, type Verksamhetsomrade } from './world-types.ts';

const IVO_CASE_OFFICERS = 40;
/** Rapportörer per committee at scale 1, before the scale multiplies them. */
const RAPPORTORER_PER_COMMITTEE: readonly (readonly [number, number])[] = [
  [1, 55],
  [2, 27],
  [3, 11],
  [4, 4],
  [5, 3],
];
const LATEST_ROLE_START = '2026-06-30';
const MAS_AREAS: readonly Verksamhetsomrade[] = ['SOL_FUNKTIONSNEDSATTNING', 'LSS', 'SOL_ALDREOMSORG'];

type Login = 'BANKID' | 'SITHS' | 'BANKID_OCH_SITHS';

/** Users of the reporter register and their roles. */
export interface Users {
  anvandare: AnvandareRecord[];
  rolltilldelningar: RolltilldelningRecord[];
}

/**
 * Creates the fixed users first, then about 40 IVO case officers, then per committee one
 * huvudrapportör and 1–5 rapportörer (times the scale), then one MAS per municipality. A few
 * rapportörer report for two committees of their municipality, and a few roles have ended.
 */
export function generateUsers(context: SeedContext, namnder: readonly NamndRecord[], kommunOrganisationsnummer: ReadonlyMap<string, string>): Users {
  const builder = new UserBuilder(context, kommunOrganisationsnummer);
  builder.addFixedUsers();
  const fixedCommitteesWithHead = new Set(FIXED_USER_RECORDS.filter((user) => user.roll === 'HUVUDRAPPORTOR').map((user) => user.namndId));
  const fixedMasKommuner = new Set(
    FIXED_USER_RECORDS.filter((user) => user.roll === 'MEDICINSKT_ANSVARIG_SJUKSKOTERSKA').map((user) => namnder.find((namnd) => namnd.id === user.namndId)?.kommunKod),
  );

  context.progress.start('anvandare', namnder.length);
  builder.addIvoCaseOfficers(IVO_CASE_OFFICERS - FIXED_USER_RECORDS.filter((user) => user.roll === 'IVO_HANDLAGGARE').length);
  namnder.forEach((namnd, index) => {
    if (!fixedCommitteesWithHead.has(namnd.id)) builder.addHuvudrapportor(namnd);
    builder.addRapportorer(namnd);
    context.progress.update(index + 1);
  });

  for (const kommun of context.geo.kommuner) {
    if (fixedMasKommuner.has(kommun.kod)) continue;
    const namnd = namnder.find((candidate) => candidate.kommunKod === kommun.kod && candidate.verksamhetsomraden.includes('SOL_ALDREOMSORG'));
    if (namnd) builder.addMas(namnd);
  }
  context.progress.finish();

  return builder.result;
}

class UserBuilder {
  readonly result: Users = { anvandare: [], rolltilldelningar: [] };
  private readonly random: Random;
  private readonly emails = new Set<string>();
  /** Rapportörer by municipality, so that some can take a role in a second committee. */
  private readonly rapportorerByKommun = new Map<string, { anvandareId: string; namndId: string }[]>();
  private readonly ivoOrganisationsnummer: string;

  constructor(
    private readonly context: SeedContext,
    private readonly kommunOrganisationsnummer: ReadonlyMap<string, string>,
  ) {
    this.random = context.random.fork('anvandare');
    this.ivoOrganisationsnummer = context.identifiers.organisationsnummer('STAT');
  }

  addFixedUsers(): void {
    for (const fixed of FIXED_USER_RECORDS) {
      if (fixed.personnummer) this.context.identifiers.reservePersonnummer(fixed.personnummer);
      if (fixed.hsaId) this.context.identifiers.reserveHsaId(fixed.hsaId);
      this.emails.add(fixed.epost);
      this.result.anvandare.push({ id: fixed.id, namn: fixed.namn, epost: fixed.epost, personnummer: fixed.personnummer, hsaId: fixed.hsaId });
      this.addRole(fixed.id, fixed.roll, fixed.namndId, fixed.verksamhetsomraden, fixed.giltigFran, null);
    }
  }

  addIvoCaseOfficers(count: number): void {
    for (let i = 0; i < count; i++) {
      const id = this.addPerson(null, this.random.chance(0.9) ? 'BANKID' : 'SITHS', 0.7);
      this.addRoleWithDates(id, 'IVO_HANDLAGGARE', null, [...VERKSAMHETSOMRADEN], this.random.chance(0.05));
    }
  }

  /** Adds the committee's current huvudrapportör, and now and then a predecessor whose role has ended. */
  addHuvudrapportor(namnd: NamndRecord): void {
    if (this.random.chance(0.04)) {
      const formerId = this.addPerson(namnd.kommunKod, this.municipalLogin(), 0.78);
      this.addRoleWithDates(formerId, 'HUVUDRAPPORTOR', namnd.id, namnd.verksamhetsomraden, true);
    }
    const id = this.addPerson(namnd.kommunKod, this.municipalLogin(), 0.78);
    this.addRoleWithDates(id, 'HUVUDRAPPORTOR', namnd.id, namnd.verksamhetsomraden, false);
  }

  addRapportorer(namnd: NamndRecord): void {
    const count = Math.max(1, roundStochastically(this.random.weighted(RAPPORTORER_PER_COMMITTEE) * this.context.scale, this.random));
    const colleagues = this.rapportorerByKommun.get(namnd.kommunKod) ?? [];
    this.rapportorerByKommun.set(namnd.kommunKod, colleagues);

    for (let i = 0; i < count; i++) {
      const otherCommittee = colleagues.filter((colleague) => colleague.namndId !== namnd.id);
      const id = otherCommittee.length > 0 && this.random.chance(0.03) ? this.random.pick(otherCommittee).anvandareId : this.addPerson(namnd.kommunKod, this.municipalLogin(), 0.78);
      this.addRoleWithDates(id, 'RAPPORTOR', namnd.id, this.rapportorAreas(namnd), this.random.chance(0.05));
      colleagues.push({ anvandareId: id, namndId: namnd.id });
    }
  }

  /** Adds the municipality's MAS, for the areas among elderly and disability care that the committee has. */
  addMas(namnd: NamndRecord): void {
    // A few MAS also log in with BankID when they work away from a SITHS card reader.
    const id = this.addPerson(namnd.kommunKod, this.random.chance(0.05) ? 'BANKID_OCH_SITHS' : 'SITHS', 0.85);
    const areas = namnd.verksamhetsomraden.filter((area) => MAS_AREAS.includes(area));
    this.addRoleWithDates(id, 'MEDICINSKT_ANSVARIG_SJUKSKOTERSKA', namnd.id, VERKSAMHETSOMRADEN.filter((area) => areas.includes(area)), false);
  }

  private municipalLogin(): Login {
    return this.random.chance(0.88) ? 'BANKID' : 'SITHS';
  }

  /** Half of the rapportörer cover all the committee's areas, the rest a smaller subset. */
  private rapportorAreas(namnd: NamndRecord): Verksamhetsomrade[] {
    const areas = namnd.verksamhetsomraden;
    if (areas.length === 1 || this.random.chance(0.5)) return [...areas];
    const chosen = this.random.sample(areas, this.random.int(1, areas.length - 1));
    return VERKSAMHETSOMRADEN.filter((area) => chosen.includes(area));
  }

  /** Adds a person working for a municipality (or IVO when kommunKod is null) and returns the user id. */
  private addPerson(kommunKod: string | null, login: Login, womenShare: number): string {
    const random = this.random;
    const sex: Sex = random.chance(womenShare) ? 'KVINNA' : 'MAN';
    const firstName = random.pick(sex === 'KVINNA' ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
    const lastName = random.pick(LAST_NAMES);
    const kommun = kommunKod === null ? undefined : this.context.kommunByKod.get(kommunKod);
    const domain = kommun ? `${slugify(kommun.namn)}.example` : 'ivo.example';

    const issuer = kommunKod === null ? this.ivoOrganisationsnummer : this.kommunOrganisationsnummer.get(kommunKod);
    if (issuer === undefined) throw new Error(`No organisationsnummer for municipality ${kommunKod}, so no HSA-id can be issued.`);

    const id = formatId('A', this.result.anvandare.length + 1, 5);
    this.result.anvandare.push({
      id,
      namn: `${firstName} ${lastName}`,
      epost: this.uniqueEmail(`${slugify(firstName)}.${slugify(lastName)}`, domain),
      personnummer: login === 'SITHS' ? null : this.context.identifiers.personnummer(birthDateForAge(random, 25, 66, '2026-01-01'), sex),
      hsaId: login === 'BANKID' ? null : this.context.identifiers.hsaId(issuer),
    });
    return id;
  }

  private uniqueEmail(localPart: string, domain: string): string {
    let email = `${localPart}@${domain}`;
    for (let suffix = 2; this.emails.has(email); suffix++) email = `${localPart}${suffix}@${domain}`;
    this.emails.add(email);
    return email;
  }

  /** Adds a role that started by mid-2026. An ended role ended by the end of 2025. */
  private addRoleWithDates(anvandareId: string, roll: Roll, namndId: string | null, areas: readonly Verksamhetsomrade[], ended: boolean): void {
    if (!ended) {
      this.addRole(anvandareId, roll, namndId, areas, this.random.dateBetween('2015-01-01', LATEST_ROLE_START), null);
      return;
    }
    const from = this.random.dateBetween('2015-01-01', '2022-12-31');
    this.addRole(anvandareId, roll, namndId, areas, from, this.random.dateBetween(addDays(from, 30), '2025-12-31'));
  }

  private addRole(anvandareId: string, roll: Roll, namndId: string | null, areas: readonly Verksamhetsomrade[], giltigFran: string, giltigTill: string | null): void {
    this.result.rolltilldelningar.push({
      id: formatId('R', this.result.rolltilldelningar.length + 1, 5),
      anvandareId,
      roll,
      namndId,
      verksamhetsomraden: [...areas],
      giltigFran,
      giltigTill,
    });
  }
}
