import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { AccessContext } from '../src/access/access-context.ts';
import { loadInternalPrivateKey } from '../src/access/internal-keys.ts';
import { signInternalToken } from '../src/access/internal-token.ts';
import { AUDIT_EXTENSION, type AuditedObject } from '../src/audit/audit-collector.ts';
import { issueDevToken } from '../src/dev-idp/issue-dev-token.ts';
import { FIXED_COMMITTEES, FIXED_USER_RECORDS, FIXED_USERS } from '../src/seed/fixed-users.ts';
import { generateWorld } from '../src/seed/generate-world.ts';
import { luhnCheckDigit } from '../src/seed/identifiers.ts';
import type {
  AnvandareRecord,
  ArendeRecord,
  Arendetyp,
  BeslutRecord,
  EjVerkstalltBeslutRecord,
  HuvudmanRecord,
  TillsynsobjektRecord,
  Verksamhetsomrade,
} from '../src/seed/world-types.ts';
import { SUBGRAPH_NAMES, type SubgraphName } from '../src/subgraph-names.ts';
import { todayInSweden } from '../src/time/today-in-sweden.ts';
import {
  ATKOMSTKONTEXT_QUERY,
  entitiesDocument,
  rootDocument,
  SELECTIONS,
  UNIT_PAGE_QUERY,
  type RootCall,
  type SelectionForm,
} from './access-matrix-queries.ts';
import { postGraphql, startStack, type GraphqlResponse, type Stack } from './start-stack.ts';

// The access matrix: every role against every restricted field, through every way in. The rule
// tables below are the expected visibility, one row per probed object and one column per role.
// The databases were seeded from this deterministic world, so every expected value is computed
// from it. It is built at collection time because the tables name objects picked from it.
const world = generateWorld({ scale: 1 });

let stack: Stack;
let unregisteredBearer: string;

beforeAll(async () => {
  stack = await startStack(inject('seededDataSet'));
  unregisteredBearer = `Bearer ${await issueDevToken(stack.config, UNREGISTERED_PERSONNUMMER)}`;
});

afterAll(async () => {
  await stack?.close();
});

// ---------------------------------------------------------------------------------------------
// Roles
// ---------------------------------------------------------------------------------------------

/** Why a field or object is withheld: the `extensions.reason` of a FORBIDDEN error. */
type Reason = 'notLoggedIn' | 'outsideArea' | 'protectedAddress' | 'upplysning' | 'evb' | 'user' | 'routerOnly';

/** The Swedish message of each reason, written out so that a changed text fails here. */
const MESSAGES: Record<Reason, string> = {
  notLoggedIn: 'Uppgiften visas bara för inloggade användare. Logga in med BankID eller SITHS-kort.',
  outsideArea: 'Uppgiften visas bara för användare med en roll i verksamhetsområdet som uppgiften hör till.',
  protectedAddress: 'Adress och kontaktuppgifter till ett skyddat boende visas bara för IVO:s handläggare.',
  upplysning: 'Innehållet i upplysningsärenden visas bara för IVO:s handläggare. Antalet visas i antalUpplysningsarenden.',
  evb: 'Rapporter om ej verkställda beslut visas bara för nämndens rapportörer och huvudrapportör i rapportens verksamhetsområde och för IVO:s handläggare.',
  user: 'Uppgifter om en användare visas bara för användaren själv, för huvudrapportören i användarens nämnd och för IVO:s handläggare.',
  routerOnly: 'Operationen får bara anropas av routern.',
};

type RoleKey = 'anonymous' | 'reporterIfo' | 'reporterDisability' | 'leadReporter' | 'otherLeadReporter' | 'mas' | 'ivoStaff' | 'unregistered';

/** A caller: the seeded user the router token is for, and the access context the router builds for it. */
interface Role {
  key: RoleKey;
  label: string;
  /** The seeded user, or null for the anonymous caller and the caller without register entry. */
  userId: string | null;
  access: AccessContext;
}

function fixedUserAccess(userId: string): AccessContext {
  const user = required(
    FIXED_USER_RECORDS.find((record) => record.id === userId),
    `fixed user ${userId}`,
  );
  return { anonymous: false, userId, roles: [{ roll: user.roll, namndId: user.namndId, verksamhetsomraden: [...user.verksamhetsomraden] }] };
}

/** The roles in the column order of every rule table. */
const ROLES: readonly Role[] = [
  { key: 'anonymous', label: 'anonymous caller', userId: null, access: { anonymous: true, userId: null, roles: [] } },
  { key: 'reporterIfo', label: 'rapportör N-0001 SOL_IFO', userId: FIXED_USERS.rapportorGoteborgIfo, access: fixedUserAccess(FIXED_USERS.rapportorGoteborgIfo) },
  {
    key: 'reporterDisability',
    label: 'rapportör N-0001 SOL_FUNKTIONSNEDSATTNING',
    userId: FIXED_USERS.rapportorGoteborgFunktionsnedsattning,
    access: fixedUserAccess(FIXED_USERS.rapportorGoteborgFunktionsnedsattning),
  },
  { key: 'leadReporter', label: 'huvudrapportör N-0001', userId: FIXED_USERS.huvudrapportorGoteborg, access: fixedUserAccess(FIXED_USERS.huvudrapportorGoteborg) },
  { key: 'otherLeadReporter', label: 'huvudrapportör N-0003', userId: FIXED_USERS.huvudrapportorStockholm, access: fixedUserAccess(FIXED_USERS.huvudrapportorStockholm) },
  { key: 'mas', label: 'MAS N-0002 SOL_ALDREOMSORG', userId: FIXED_USERS.masGoteborg, access: fixedUserAccess(FIXED_USERS.masGoteborg) },
  { key: 'ivoStaff', label: 'IVO handläggare', userId: FIXED_USERS.ivoHandlaggare, access: fixedUserAccess(FIXED_USERS.ivoHandlaggare) },
  { key: 'unregistered', label: 'valid token without register entry', userId: null, access: { anonymous: false, userId: null, roles: [] } },
];

function role(key: RoleKey): Role {
  return required(
    ROLES.find((candidate) => candidate.key === key),
    `role ${key}`,
  );
}

/** A valid personnummer (Luhn check digit included) that no seeded user logs in with. */
const UNREGISTERED_PERSONNUMMER = (() => {
  const registered = new Set(world.anvandare.map((user) => user.personnummer));
  for (let serial = 100; serial < 1000; serial++) {
    const withoutCheck = `500101${serial}`;
    const candidate = `19${withoutCheck}${luhnCheckDigit(withoutCheck)}`;
    if (!registered.has(candidate)) return candidate;
  }
  throw new Error('Every personnummer born 1950-01-01 is registered, so pick another birth date.');
})();

// ---------------------------------------------------------------------------------------------
// Rule tables
// ---------------------------------------------------------------------------------------------

/** One line of a rule table: a verdict per role, in the order of ROLES. */
type Row<Verdict> = readonly [
  anonymous: Verdict,
  reporterIfo: Verdict,
  reporterDisability: Verdict,
  leadReporter: Verdict,
  otherLeadReporter: Verdict,
  mas: Verdict,
  ivoStaff: Verdict,
  unregistered: Verdict,
];

/** The caller sees the value. */
const SHOWN = 'shown';
/** The caller sees the value with the personnummer masked to its birth date. */
const MASKED = 'masked';
/** The caller sees the personnummer unmasked. */
const FULL = 'full';
/** The caller is the user, and also gets the masked login identity. */
const SELF = 'self';
/** The caller has no register entry, so there is no user to return. */
const NONE = 'none';

type Shown = typeof SHOWN;

const ALL_AREAS: readonly Verksamhetsomrade[] = ['SOL_IFO', 'SOL_FUNKTIONSNEDSATTNING', 'LSS', 'SOL_ALDREOMSORG'];
const N0001_AREAS: readonly Verksamhetsomrade[] = ['SOL_IFO', 'SOL_FUNKTIONSNEDSATTNING'];
const N0002_AREAS: readonly Verksamhetsomrade[] = ['SOL_ALDREOMSORG', 'LSS'];

function verdictOf<Verdict>(row: Row<Verdict>, caller: Role): Verdict {
  return row[ROLES.indexOf(caller)] as Verdict;
}

// A unit's address, contact details, cases, latest decision and complaint count: a logged-in
// user with a role in the unit's area.
const UNIT_DATA_BY_AREA: Record<Verksamhetsomrade, Row<Shown | Reason>> = {
  //                         anonymous      rapp. IFO      rapp. FN       huvudr. N-0001 huvudr. N-0003 MAS N-0002     IVO    oregistrerad
  SOL_IFO:                  ['notLoggedIn', SHOWN,         'outsideArea', SHOWN,         SHOWN,         'outsideArea', SHOWN, 'outsideArea'],
  SOL_FUNKTIONSNEDSATTNING: ['notLoggedIn', 'outsideArea', SHOWN,         SHOWN,         SHOWN,         'outsideArea', SHOWN, 'outsideArea'],
  LSS:                      ['notLoggedIn', 'outsideArea', 'outsideArea', 'outsideArea', SHOWN,         'outsideArea', SHOWN, 'outsideArea'],
  SOL_ALDREOMSORG:          ['notLoggedIn', 'outsideArea', 'outsideArea', 'outsideArea', SHOWN,         SHOWN,         SHOWN, 'outsideArea'],
};

// The address and contact details of a skyddat boende: IVO staff only, whatever the area.
const PROTECTED_UNIT_CONTACT: Row<Shown | Reason> =
  ['notLoggedIn', 'protectedAddress', 'protectedAddress', 'protectedAddress', 'protectedAddress', 'protectedAddress', SHOWN, 'protectedAddress'];

// Whether a unit's case list includes information and complaint cases: IVO staff only.
const UPPLYSNING_IN_CASE_LISTS: Row<boolean> = [false, false, false, false, false, false, true, false];

// A case and its decisions: a role in the case's area; an upplysningsärende IVO staff only. A
// case party who is a person (a sole trader) has the personnummer masked for all but IVO staff.
const CASES = {
  //                         anonymous      rapp. IFO      rapp. FN       huvudr. N-0001 huvudr. N-0003 MAS N-0002     IVO    oregistrerad
  tillsynIfo:               ['notLoggedIn', SHOWN,         'outsideArea', SHOWN,         SHOWN,         'outsideArea', SHOWN, 'outsideArea'],
  tillsynFunktion:          ['notLoggedIn', 'outsideArea', SHOWN,         SHOWN,         SHOWN,         'outsideArea', SHOWN, 'outsideArea'],
  tillsynLss:               ['notLoggedIn', 'outsideArea', 'outsideArea', 'outsideArea', SHOWN,         'outsideArea', SHOWN, 'outsideArea'],
  tillsynAldre:             ['notLoggedIn', 'outsideArea', 'outsideArea', 'outsideArea', SHOWN,         SHOWN,         SHOWN, 'outsideArea'],
  tillstandIfo:             ['notLoggedIn', SHOWN,         'outsideArea', SHOWN,         SHOWN,         'outsideArea', SHOWN, 'outsideArea'],
  upplysningIfo:            ['notLoggedIn', 'upplysning',  'outsideArea', 'upplysning',  'upplysning',  'outsideArea', SHOWN, 'outsideArea'],
  upplysningAldre:          ['notLoggedIn', 'outsideArea', 'outsideArea', 'outsideArea', 'upplysning',  'upplysning',  SHOWN, 'outsideArea'],
  personPartIfo:            ['notLoggedIn', MASKED,        'outsideArea', MASKED,        MASKED,        'outsideArea', FULL,  'outsideArea'],
} satisfies Record<string, Row<typeof SHOWN | typeof MASKED | typeof FULL | Reason>>;

// An EVB report: the reporting committee's rapportörer and huvudrapportör in the report's area,
// and IVO staff. A MAS never, not even of the reporting committee.
const EVB_REPORTS = {
  //                         anonymous      rapp. IFO      rapp. FN       huvudr. N-0001 huvudr. N-0003 MAS N-0002     IVO    oregistrerad
  n0001Ifo:                 ['notLoggedIn', SHOWN,         'evb',         SHOWN,         'evb',         'evb',         SHOWN, 'evb'],
  n0001Funktion:            ['notLoggedIn', 'evb',         SHOWN,         SHOWN,         'evb',         'evb',         SHOWN, 'evb'],
  n0002Aldre:               ['notLoggedIn', 'evb',         'evb',         'evb',         'evb',         'evb',         SHOWN, 'evb'],
  n0003Lss:                 ['notLoggedIn', 'evb',         'evb',         'evb',         SHOWN,         'evb',         SHOWN, 'evb'],
} satisfies Record<string, Row<Shown | Reason>>;

// A committee's list of EVB reports: withheld from callers who may read none of its areas, and
// limited to the areas the caller may read.
const EVB_LISTS = {
  //       anonymous      rapp. IFO    rapp. FN                      huvudr. N-0001 huvudr. N-0003 MAS N-0002 IVO          oregistrerad
  'N-0001': ['notLoggedIn', ['SOL_IFO'], ['SOL_FUNKTIONSNEDSATTNING'], N0001_AREAS,   'evb',         'evb',     N0001_AREAS, 'evb'],
  'N-0002': ['notLoggedIn', 'evb',       'evb',                        'evb',         'evb',         'evb',     N0002_AREAS, 'evb'],
  'N-0003': ['notLoggedIn', 'evb',       'evb',                        'evb',         ALL_AREAS,     'evb',     ALL_AREAS,   'evb'],
} satisfies Record<string, Row<readonly Verksamhetsomrade[] | Reason>>;

// A user: the user themself (with the masked login identity), the huvudrapportör of a committee
// the user has a role in, and IVO staff. The masked login identity is for the user alone.
const USERS = {
  //                         anonymous      rapp. IFO      rapp. FN       huvudr. N-0001 huvudr. N-0003 MAS N-0002     IVO    oregistrerad
  reporterIfo:              ['notLoggedIn', SELF,          'user',        SHOWN,         'user',        'user',        SHOWN, 'user'],
  otherReporterN0001:       ['notLoggedIn', 'user',        'user',        SHOWN,         'user',        'user',        SHOWN, 'user'],
  mas:                      ['notLoggedIn', 'user',        'user',        'user',        'user',        SELF,          SHOWN, 'user'],
  // A huvudrapportör administers the committee's reporters, not its MAS.
  memberN0003:              ['notLoggedIn', 'user',        'user',        'user',        'user',        'user',        SHOWN, 'user'],
  ivoStaff:                 ['notLoggedIn', 'user',        'user',        'user',        'user',        'user',        SELF,  'user'],
} satisfies Record<string, Row<Shown | typeof SELF | Reason>>;

// A committee's rapportörer: its huvudrapportör and IVO staff.
const REPORTER_LISTS = {
  //         anonymous      rapp. IFO rapp. FN huvudr. N-0001 huvudr. N-0003 MAS N-0002 IVO    oregistrerad
  'N-0001': ['notLoggedIn', 'user',   'user',  SHOWN,         'user',        'user',    SHOWN, 'user'],
  'N-0003': ['notLoggedIn', 'user',   'user',  'user',        SHOWN,         'user',    SHOWN, 'user'],
} satisfies Record<string, Row<Shown | Reason>>;

// The caller's own user: anyone logged in with a register entry.
const OWN_USER: Row<typeof SELF | typeof NONE | Reason> = ['notLoggedIn', SELF, SELF, SELF, SELF, SELF, SELF, NONE];

// A sole trader's organisationsnummer is a personnummer: masked for all but IVO staff.
const SOLE_TRADER_NUMBER: Row<typeof MASKED | typeof FULL> = [MASKED, MASKED, MASKED, MASKED, MASKED, MASKED, FULL, MASKED];

// ---------------------------------------------------------------------------------------------
// The world as an oracle
// ---------------------------------------------------------------------------------------------

function required<Value>(value: Value | undefined | null, description: string): Value {
  if (value === undefined || value === null) throw new Error(`The seeded world has no ${description}.`);
  return value;
}

/** Compares as SQLite's binary collation does, which is UTF-16 order for the seed's text. */
function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

const arendetypByKod = new Map(world.klassificeringar.map((entry) => [entry.kod, entry.arendetyp]));
const arendeByNumber = new Map(world.arenden.map((arende) => [arende.diarienummer, arende]));

function arendetypOf(arende: ArendeRecord): Arendetyp {
  return required(arendetypByKod.get(arende.klassificeringKod), `classification ${arende.klassificeringKod}`);
}

const linkedCasesByUnit = new Map<string, ArendeRecord[]>();
for (const link of world.kopplingar) {
  const arende = required(arendeByNumber.get(link.diarienummer), `case ${link.diarienummer}`);
  if (arende.inkom < world.kopplingsgrans) continue;
  linkedCasesByUnit.set(link.tillsynsobjektId, [...(linkedCasesByUnit.get(link.tillsynsobjektId) ?? []), arende]);
}

const decisionsByCase = new Map<string, BeslutRecord[]>();
for (const beslut of world.beslut) decisionsByCase.set(beslut.diarienummer, [...(decisionsByCase.get(beslut.diarienummer) ?? []), beslut]);

/** Returns a unit's cases opened on or after the cut-off, newest first as the graph lists them. */
function linkedCases(unitId: string): ArendeRecord[] {
  return [...(linkedCasesByUnit.get(unitId) ?? [])].sort((a, b) => compareText(b.inkom, a.inkom) || compareText(b.diarienummer, a.diarienummer));
}

/** Returns a case's decisions, oldest first. */
function decisionsOf(diarienummer: string): BeslutRecord[] {
  return [...(decisionsByCase.get(diarienummer) ?? [])].sort((a, b) => compareText(a.datum, b.datum) || compareText(a.id, b.id));
}

function latestSupervisionDecision(unitId: string): BeslutRecord | null {
  const decisions = linkedCases(unitId)
    .filter((arende) => arendetypOf(arende) === 'TILLSYN')
    .flatMap((arende) => decisionsOf(arende.diarienummer))
    .sort((a, b) => compareText(b.datum, a.datum) || compareText(b.id, a.id));
  return decisions[0] ?? null;
}

function upplysningCount(unitId: string): number {
  return linkedCases(unitId).filter((arende) => arendetypOf(arende) === 'UPPLYSNING').length;
}

/** Picks a unit of the area with both kinds of cases, a supervision decision and at most one page of cases. */
function unitWithCaseData(area: Verksamhetsomrade): TillsynsobjektRecord {
  const unit = world.tillsynsobjekt.find((candidate) => {
    if (candidate.verksamhetsomrade !== area || candidate.skyddatBoende) return false;
    const cases = linkedCases(candidate.id);
    return (
      cases.length <= 100 &&
      cases.some((arende) => arendetypOf(arende) === 'UPPLYSNING') &&
      cases.some((arende) => arendetypOf(arende) !== 'UPPLYSNING') &&
      latestSupervisionDecision(candidate.id) !== null
    );
  });
  return required(unit, `${area} unit with cases and a supervision decision`);
}

function casePick(area: Verksamhetsomrade, arendetyp: Arendetyp, partTyp: 'ORGANISATION' | 'PERSON'): ArendeRecord {
  const arende = world.arenden.find(
    (candidate) => candidate.verksamhetsomrade === area && arendetypOf(candidate) === arendetyp && candidate.partTyp === partTyp && decisionsOf(candidate.diarienummer).length > 0,
  );
  return required(arende, `${arendetyp} case in ${area} with a decision and a party of type ${partTyp}`);
}

function evbPick(namndId: string, area: Verksamhetsomrade): EjVerkstalltBeslutRecord {
  return required(
    world.ejVerkstallaBeslut.find((report) => report.namndId === namndId && report.verksamhetsomrade === area),
    `EVB report of ${namndId} in ${area}`,
  );
}

function userById(id: string): AnvandareRecord {
  return required(
    world.anvandare.find((user) => user.id === id),
    `user ${id}`,
  );
}

const today = todayInSweden();

function isCurrent(role: { giltigFran: string; giltigTill: string | null }): boolean {
  return role.giltigFran <= today && (role.giltigTill === null || role.giltigTill >= today);
}

/** Picks the first user, not a fixed one, with a current role in the committee, and in `roll` when given. */
function memberOf(namndId: string, roll?: string): AnvandareRecord {
  const fixedIds = new Set<string>(Object.values(FIXED_USERS));
  const role = world.rolltilldelningar.find(
    (candidate) => candidate.namndId === namndId && !fixedIds.has(candidate.anvandareId) && isCurrent(candidate) && (roll === undefined || candidate.roll === roll),
  );
  return userById(required(role, `current member of ${namndId}`).anvandareId);
}

/** Returns the rapportörer and huvudrapportörer of a committee on `today`, by name as the graph lists them. */
function currentReporters(namndId: string): AnvandareRecord[] {
  const ids = new Set(
    world.rolltilldelningar
      .filter((role) => role.namndId === namndId && (role.roll === 'RAPPORTOR' || role.roll === 'HUVUDRAPPORTOR') && isCurrent(role))
      .map((role) => role.anvandareId),
  );
  return world.anvandare.filter((user) => ids.has(user.id)).sort((a, b) => compareText(a.namn, b.namn) || compareText(a.id, b.id));
}

/** Masks a personnummer to its birth date: `YYYYMMDD-****`, or `YYMMDD-****` for ten digits. */
function maskedPersonnummer(personnummer: string): string {
  const digits = personnummer.replace(/\D/g, '');
  return `${digits.slice(0, -4)}-****`;
}

/** Masks a user's login identity: a personnummer to its birth date, an HSA-id to its organisation part. */
function maskedIdentity(user: AnvandareRecord): string {
  if (user.personnummer) return maskedPersonnummer(user.personnummer);
  return `${required(user.hsaId, `login identity of ${user.id}`).split('-')[0]}-****`;
}

// The objects the matrix probes, one of each kind the rules tell apart.
const UNITS: Record<Verksamhetsomrade, TillsynsobjektRecord> = {
  SOL_IFO: unitWithCaseData('SOL_IFO'),
  SOL_FUNKTIONSNEDSATTNING: unitWithCaseData('SOL_FUNKTIONSNEDSATTNING'),
  LSS: unitWithCaseData('LSS'),
  SOL_ALDREOMSORG: unitWithCaseData('SOL_ALDREOMSORG'),
};
const PROTECTED_UNIT = required(
  world.tillsynsobjekt.find((unit) => unit.skyddatBoende),
  'skyddat boende',
);
const CASE_PICKS: Record<keyof typeof CASES, ArendeRecord> = {
  tillsynIfo: casePick('SOL_IFO', 'TILLSYN', 'ORGANISATION'),
  tillsynFunktion: casePick('SOL_FUNKTIONSNEDSATTNING', 'TILLSYN', 'ORGANISATION'),
  tillsynLss: casePick('LSS', 'TILLSYN', 'ORGANISATION'),
  tillsynAldre: casePick('SOL_ALDREOMSORG', 'TILLSYN', 'ORGANISATION'),
  tillstandIfo: casePick('SOL_IFO', 'TILLSTAND', 'ORGANISATION'),
  upplysningIfo: casePick('SOL_IFO', 'UPPLYSNING', 'ORGANISATION'),
  upplysningAldre: casePick('SOL_ALDREOMSORG', 'UPPLYSNING', 'ORGANISATION'),
  personPartIfo: casePick('SOL_IFO', 'TILLSYN', 'PERSON'),
};
const EVB_PICKS: Record<keyof typeof EVB_REPORTS, EjVerkstalltBeslutRecord> = {
  n0001Ifo: evbPick(FIXED_COMMITTEES.goteborgCentrum, 'SOL_IFO'),
  n0001Funktion: evbPick(FIXED_COMMITTEES.goteborgCentrum, 'SOL_FUNKTIONSNEDSATTNING'),
  n0002Aldre: evbPick(FIXED_COMMITTEES.goteborgAldreVardOmsorg, 'SOL_ALDREOMSORG'),
  n0003Lss: evbPick(FIXED_COMMITTEES.stockholmSodermalm, 'LSS'),
};
const USER_PICKS: Record<keyof typeof USERS, AnvandareRecord> = {
  reporterIfo: userById(FIXED_USERS.rapportorGoteborgIfo),
  otherReporterN0001: memberOf(FIXED_COMMITTEES.goteborgCentrum, 'RAPPORTOR'),
  mas: userById(FIXED_USERS.masGoteborg),
  memberN0003: memberOf(FIXED_COMMITTEES.stockholmSodermalm, 'MEDICINSKT_ANSVARIG_SJUKSKOTERSKA'),
  ivoStaff: userById(FIXED_USERS.ivoHandlaggare),
};
const SOLE_TRADER: HuvudmanRecord = required(
  world.huvudman.find((huvudman) => /^\d{2}[01]\d{3}-\d{4}$/.test(huvudman.organisationsnummer)),
  'sole trader',
);

// ---------------------------------------------------------------------------------------------
// Probes: what to ask for one object, and what each role must get back
// ---------------------------------------------------------------------------------------------

/** A withheld field, or the object itself when `at` is empty, relative to the probed object. */
interface Withheld {
  at: readonly (string | number)[];
  reason: Reason;
  /** The subgraph whose rule withholds it, as the router names it in `serviceName`. */
  service: SubgraphName;
}

/** What one role gets for a probed object: the value, the withheld parts, and the audit records. */
interface Outcome {
  value: Record<string, unknown> | null;
  withheld: Withheld[];
  audit: AuditedObject[];
}

/** One restricted object and the ways to ask for it. */
interface Probe {
  label: string;
  typeName: string;
  selection: string;
  root: RootCall;
  variables: Record<string, unknown>;
  /** The subgraph that serves the root field with the whole selection, or null when only the router joins it. */
  rootSubgraph: SubgraphName | null;
  /** Where `_entities` resolves the object by key, or null for an object without one. */
  entity: { subgraph: SubgraphName; representation: Record<string, unknown> } | null;
  /** The verdict of the rule table, for the test name. */
  verdict(caller: Role): string;
  outcome(caller: Role): Outcome;
}

const BY_ID: RootCall['argument'] = { name: 'id', type: 'ID!' };

function audited(type: string, id: string, fields: readonly string[]): AuditedObject {
  return { type, id, fields: [...fields].sort() };
}

function withheldObject(reason: Reason, service: SubgraphName): Outcome {
  return { value: null, withheld: [{ at: [], reason, service }], audit: [] };
}

function describeVerdict(verdict: string | boolean | readonly string[]): string {
  return Array.isArray(verdict) ? `shown in ${verdict.join(', ')}` : String(verdict);
}

function contactDetailsProbe(label: string, unit: TillsynsobjektRecord, row: Row<Shown | Reason>): Probe {
  return {
    label,
    typeName: 'Tillsynsobjekt',
    selection: SELECTIONS.contactDetails,
    root: { field: 'tillsynsobjekt', argument: BY_ID },
    variables: { id: unit.id },
    rootSubgraph: 'care-register',
    entity: { subgraph: 'care-register', representation: { __typename: 'Tillsynsobjekt', id: unit.id } },
    verdict: (caller) => describeVerdict(verdictOf(row, caller)),
    outcome: (caller) => {
      const verdict = verdictOf(row, caller);
      if (verdict === SHOWN) {
        return {
          value: {
            id: unit.id,
            adress: { gatuadress: unit.gatuadress, postnummer: unit.postnummer, postort: unit.postort },
            kontaktuppgifter: { telefon: unit.telefon, epost: unit.epost },
          },
          withheld: [],
          audit: [audited('Tillsynsobjekt', unit.id, ['adress', 'kontaktuppgifter'])],
        };
      }
      return {
        value: { id: unit.id, adress: null, kontaktuppgifter: null },
        withheld: [
          { at: ['adress'], reason: verdict, service: 'care-register' },
          { at: ['kontaktuppgifter'], reason: verdict, service: 'care-register' },
        ],
        audit: [],
      };
    },
  };
}

function unitCaseDataProbe(unit: TillsynsobjektRecord): Probe {
  const row = UNIT_DATA_BY_AREA[unit.verksamhetsomrade];
  return {
    label: `cases of a ${unit.verksamhetsomrade} unit`,
    typeName: 'Tillsynsobjekt',
    selection: SELECTIONS.unitCaseData,
    root: { field: 'tillsynsobjekt', argument: BY_ID },
    variables: { id: unit.id },
    rootSubgraph: null,
    entity: { subgraph: 'cases', representation: { __typename: 'Tillsynsobjekt', id: unit.id, verksamhetsomrade: unit.verksamhetsomrade } },
    verdict: (caller) => describeVerdict(verdictOf(row, caller)),
    outcome: (caller) => {
      const verdict = verdictOf(row, caller);
      if (verdict !== SHOWN) {
        return {
          value: { id: unit.id, arenden: null, senasteTillsynsbeslut: null, antalUpplysningsarenden: null },
          withheld: ['arenden', 'senasteTillsynsbeslut', 'antalUpplysningsarenden'].map((field) => ({ at: [field], reason: verdict, service: 'cases' as const })),
          audit: [],
        };
      }

      const withUpplysning = verdictOf(UPPLYSNING_IN_CASE_LISTS, caller);
      const cases = linkedCases(unit.id).filter((arende) => withUpplysning || arendetypOf(arende) !== 'UPPLYSNING');
      const latest = latestSupervisionDecision(unit.id);
      const page = cases.slice(0, 100);
      return {
        value: {
          id: unit.id,
          arenden: { totalCount: cases.length, edges: page.map((arende) => ({ node: { diarienummer: arende.diarienummer, arendetyp: arendetypOf(arende) } })) },
          senasteTillsynsbeslut: latest && { id: latest.id, datum: latest.datum },
          antalUpplysningsarenden: upplysningCount(unit.id),
        },
        withheld: [],
        audit: [
          audited('Tillsynsobjekt', unit.id, ['antalUpplysningsarenden', 'arenden', ...(latest ? ['senasteTillsynsbeslut'] : [])]),
          ...page.map((arende) => audited('Arende', arende.diarienummer, ['arendetyp', 'diarienummer'])),
          ...(latest ? [audited('Beslut', latest.id, ['datum', 'id'])] : []),
        ],
      };
    },
  };
}

function caseProbe(label: string, arende: ArendeRecord, row: Row<Shown | typeof MASKED | typeof FULL | Reason>): Probe {
  return {
    label,
    typeName: 'Arende',
    selection: SELECTIONS.arende,
    root: { field: 'arende', argument: { name: 'diarienummer', type: 'ID!' } },
    variables: { diarienummer: arende.diarienummer },
    rootSubgraph: 'cases',
    entity: { subgraph: 'cases', representation: { __typename: 'Arende', diarienummer: arende.diarienummer } },
    verdict: (caller) => describeVerdict(verdictOf(row, caller)),
    outcome: (caller) => {
      const verdict = verdictOf(row, caller);
      if (verdict !== SHOWN && verdict !== MASKED && verdict !== FULL) return withheldObject(verdict, 'cases');

      const decisions = decisionsOf(arende.diarienummer);
      const identitet = verdict === MASKED ? maskedPersonnummer(arende.partIdentitet) : arende.partIdentitet;
      const auditedCaseFields = ['diarienummer', 'arendetyp', 'verksamhetsomrade', 'arendemening', 'status', 'inkom', 'arendepart', 'beslut'];
      if (arende.avslutat !== null) auditedCaseFields.push('avslutat');
      if (verdict === FULL) auditedCaseFields.push('arendepart.identitet');
      return {
        value: {
          diarienummer: arende.diarienummer,
          arendetyp: arendetypOf(arende),
          verksamhetsomrade: arende.verksamhetsomrade,
          arendemening: arende.arendemening,
          status: arende.status,
          inkom: arende.inkom,
          avslutat: arende.avslutat,
          arendepart: { namn: arende.partNamn, typ: arende.partTyp, identitet },
          beslut: decisions.map((beslut) => ({ id: beslut.id, datum: beslut.datum, beslutstyp: beslut.beslutstyp })),
        },
        withheld: [],
        audit: [audited('Arende', arende.diarienummer, auditedCaseFields), ...decisions.map((beslut) => audited('Beslut', beslut.id, ['id', 'datum', 'beslutstyp']))],
      };
    },
  };
}

function decisionProbe(label: string, beslut: BeslutRecord, row: Row<Shown | Reason>): Probe {
  return {
    label,
    typeName: 'Beslut',
    selection: SELECTIONS.beslut,
    root: { field: 'beslut', argument: BY_ID },
    variables: { id: beslut.id },
    rootSubgraph: 'cases',
    entity: { subgraph: 'cases', representation: { __typename: 'Beslut', id: beslut.id } },
    verdict: (caller) => describeVerdict(verdictOf(row, caller)),
    outcome: (caller) => {
      const verdict = verdictOf(row, caller);
      if (verdict !== SHOWN) return withheldObject(verdict, 'cases');
      return {
        value: { id: beslut.id, datum: beslut.datum, beslutstyp: beslut.beslutstyp, sammanfattning: beslut.sammanfattning, arende: { diarienummer: beslut.diarienummer } },
        withheld: [],
        audit: [audited('Beslut', beslut.id, ['id', 'datum', 'beslutstyp', 'sammanfattning', 'arende']), audited('Arende', beslut.diarienummer, ['diarienummer'])],
      };
    },
  };
}

function evbProbe(label: string, report: EjVerkstalltBeslutRecord, row: Row<Shown | Reason>): Probe {
  return {
    label,
    typeName: 'EjVerkstalltBeslut',
    selection: SELECTIONS.evb,
    root: { field: 'ejVerkstalltBeslut', argument: BY_ID },
    variables: { id: report.id },
    rootSubgraph: 'cases',
    entity: { subgraph: 'cases', representation: { __typename: 'EjVerkstalltBeslut', id: report.id } },
    verdict: (caller) => describeVerdict(verdictOf(row, caller)),
    outcome: (caller) => {
      const verdict = verdictOf(row, caller);
      if (verdict !== SHOWN) return withheldObject(verdict, 'cases');
      const value = {
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
      const returnedFields = Object.entries(value)
        .filter(([, fieldValue]) => fieldValue !== null)
        .map(([field]) => field);
      return { value, withheld: [], audit: [audited('EjVerkstalltBeslut', report.id, returnedFields)] };
    },
  };
}

function evbListProbe(namndId: keyof typeof EVB_LISTS): Probe {
  const row: Row<readonly Verksamhetsomrade[] | Reason> = EVB_LISTS[namndId];
  return {
    label: `EVB list of ${namndId}`,
    typeName: 'Namnd',
    selection: SELECTIONS.namndEvb,
    root: { field: 'namnd', argument: BY_ID },
    variables: { id: namndId },
    rootSubgraph: null,
    entity: { subgraph: 'cases', representation: { __typename: 'Namnd', id: namndId } },
    verdict: (caller) => describeVerdict(verdictOf(row, caller)),
    outcome: (caller) => {
      const verdict = verdictOf(row, caller);
      if (typeof verdict === 'string') {
        return { value: { id: namndId, ejVerkstallaBeslut: null }, withheld: [{ at: ['ejVerkstallaBeslut'], reason: verdict, service: 'cases' }], audit: [] };
      }
      const reports = world.ejVerkstallaBeslut
        .filter((report) => report.namndId === namndId && verdict.includes(report.verksamhetsomrade))
        .sort((a, b) => compareText(b.rapporteringskvartal, a.rapporteringskvartal) || compareText(a.id, b.id));
      const page = reports.slice(0, 100);
      return {
        value: { id: namndId, ejVerkstallaBeslut: { totalCount: reports.length, edges: page.map((report) => ({ node: { id: report.id, verksamhetsomrade: report.verksamhetsomrade } })) } },
        withheld: [],
        audit: [audited('Namnd', namndId, ['ejVerkstallaBeslut']), ...page.map((report) => audited('EjVerkstalltBeslut', report.id, ['id', 'verksamhetsomrade']))],
      };
    },
  };
}

function rolesOf(user: AnvandareRecord) {
  return world.rolltilldelningar
    .filter((role) => role.anvandareId === user.id)
    .sort((a, b) => compareText(a.giltigFran, b.giltigFran) || compareText(a.id, b.id))
    .map((role) => ({
      roll: role.roll,
      namnd: role.namndId === null ? null : { id: role.namndId },
      verksamhetsomraden: [...role.verksamhetsomraden].sort(compareText),
      giltigFran: role.giltigFran,
      giltigTill: role.giltigTill,
    }));
}

/** Returns the audit entries of a user's roles as the user selection returns them. */
function roleAudit(user: AnvandareRecord): AuditedObject[] {
  return world.rolltilldelningar
    .filter((role) => role.anvandareId === user.id)
    .map((role) => audited('Rolltilldelning', role.id, ['roll', 'verksamhetsomraden', 'giltigFran', ...(role.namndId ? ['namnd'] : []), ...(role.giltigTill ? ['giltigTill'] : [])]));
}

function userProbe(label: string, user: AnvandareRecord, row: Row<Shown | typeof SELF | Reason>): Probe {
  return {
    label,
    typeName: 'Anvandare',
    selection: SELECTIONS.anvandare,
    root: { field: 'anvandare', argument: BY_ID },
    variables: { id: user.id },
    rootSubgraph: 'users',
    entity: { subgraph: 'users', representation: { __typename: 'Anvandare', id: user.id } },
    verdict: (caller) => describeVerdict(verdictOf(row, caller)),
    outcome: (caller) => {
      const verdict = verdictOf(row, caller);
      if (verdict !== SHOWN && verdict !== SELF) return withheldObject(verdict, 'users');
      const value = { id: user.id, namn: user.namn, epost: user.epost, roller: rolesOf(user), maskeradIdentitet: verdict === SELF ? maskedIdentity(user) : null };
      const auditedFields = ['id', 'namn', 'epost', 'roller', ...(verdict === SELF ? ['maskeradIdentitet'] : [])];
      return {
        value,
        withheld: verdict === SELF ? [] : [{ at: ['maskeradIdentitet'], reason: 'user', service: 'users' }],
        audit: [audited('Anvandare', user.id, auditedFields), ...roleAudit(user)],
      };
    },
  };
}

function reporterListProbe(namndId: keyof typeof REPORTER_LISTS): Probe {
  const row: Row<Shown | Reason> = REPORTER_LISTS[namndId];
  return {
    label: `rapportörer of ${namndId}`,
    typeName: 'Namnd',
    selection: SELECTIONS.reporters,
    root: { field: 'namnd', argument: BY_ID },
    variables: { id: namndId },
    rootSubgraph: null,
    entity: { subgraph: 'users', representation: { __typename: 'Namnd', id: namndId } },
    verdict: (caller) => describeVerdict(verdictOf(row, caller)),
    outcome: (caller) => {
      const verdict = verdictOf(row, caller);
      if (verdict !== SHOWN) return { value: { id: namndId, rapportorer: null }, withheld: [{ at: ['rapportorer'], reason: verdict, service: 'users' }], audit: [] };
      const reporters = currentReporters(namndId);
      return {
        value: { id: namndId, rapportorer: { totalCount: reporters.length, edges: reporters.map((user) => ({ node: { id: user.id, namn: user.namn } })) } },
        withheld: [],
        audit: [audited('Namnd', namndId, ['rapportorer']), ...reporters.map((user) => audited('Anvandare', user.id, ['id', 'namn']))],
      };
    },
  };
}

function ownUserProbe(): Probe {
  return {
    label: 'own user (jag)',
    typeName: 'Anvandare',
    selection: SELECTIONS.jag,
    root: { field: 'jag', argument: null },
    variables: {},
    rootSubgraph: 'users',
    entity: null,
    verdict: (caller) => describeVerdict(verdictOf(OWN_USER, caller)),
    outcome: (caller) => {
      const verdict = verdictOf(OWN_USER, caller);
      if (verdict === NONE) return { value: null, withheld: [], audit: [] };
      if (verdict !== SELF) return withheldObject(verdict, 'users');
      const user = userById(required(caller.userId, `user of ${caller.label}`));
      return {
        value: { id: user.id, namn: user.namn, maskeradIdentitet: maskedIdentity(user) },
        withheld: [],
        audit: [audited('Anvandare', user.id, ['id', 'namn', 'maskeradIdentitet'])],
      };
    },
  };
}

function soleTraderProbe(): Probe {
  return {
    label: 'sole trader’s organisationsnummer',
    typeName: 'Huvudman',
    selection: SELECTIONS.huvudman,
    root: { field: 'huvudman', argument: BY_ID },
    variables: { id: SOLE_TRADER.id },
    rootSubgraph: 'care-register',
    entity: { subgraph: 'care-register', representation: { __typename: 'Huvudman', id: SOLE_TRADER.id } },
    verdict: (caller) => describeVerdict(verdictOf(SOLE_TRADER_NUMBER, caller)),
    outcome: (caller) => {
      const verdict = verdictOf(SOLE_TRADER_NUMBER, caller);
      return {
        value: {
          id: SOLE_TRADER.id,
          namn: SOLE_TRADER.namn,
          organisationsnummer: verdict === FULL ? SOLE_TRADER.organisationsnummer : maskedPersonnummer(SOLE_TRADER.organisationsnummer),
        },
        withheld: [],
        audit: verdict === FULL ? [audited('Huvudman', SOLE_TRADER.id, ['organisationsnummer'])] : [],
      };
    },
  };
}

function firstDecision(arende: ArendeRecord): BeslutRecord {
  return required(decisionsOf(arende.diarienummer)[0], `decision in ${arende.diarienummer}`);
}

const PROBES = {
  contactIfo: contactDetailsProbe('contact details of a SOL_IFO unit', UNITS.SOL_IFO, UNIT_DATA_BY_AREA.SOL_IFO),
  contactFunktion: contactDetailsProbe('contact details of a SOL_FUNKTIONSNEDSATTNING unit', UNITS.SOL_FUNKTIONSNEDSATTNING, UNIT_DATA_BY_AREA.SOL_FUNKTIONSNEDSATTNING),
  contactLss: contactDetailsProbe('contact details of a LSS unit', UNITS.LSS, UNIT_DATA_BY_AREA.LSS),
  contactAldre: contactDetailsProbe('contact details of a SOL_ALDREOMSORG unit', UNITS.SOL_ALDREOMSORG, UNIT_DATA_BY_AREA.SOL_ALDREOMSORG),
  contactProtected: contactDetailsProbe(`contact details of a skyddat boende in ${PROTECTED_UNIT.verksamhetsomrade}`, PROTECTED_UNIT, PROTECTED_UNIT_CONTACT),
  casesIfo: unitCaseDataProbe(UNITS.SOL_IFO),
  casesFunktion: unitCaseDataProbe(UNITS.SOL_FUNKTIONSNEDSATTNING),
  casesLss: unitCaseDataProbe(UNITS.LSS),
  casesAldre: unitCaseDataProbe(UNITS.SOL_ALDREOMSORG),
  tillsynIfo: caseProbe('TILLSYN case in SOL_IFO', CASE_PICKS.tillsynIfo, CASES.tillsynIfo),
  tillsynFunktion: caseProbe('TILLSYN case in SOL_FUNKTIONSNEDSATTNING', CASE_PICKS.tillsynFunktion, CASES.tillsynFunktion),
  tillsynLss: caseProbe('TILLSYN case in LSS', CASE_PICKS.tillsynLss, CASES.tillsynLss),
  tillsynAldre: caseProbe('TILLSYN case in SOL_ALDREOMSORG', CASE_PICKS.tillsynAldre, CASES.tillsynAldre),
  tillstandIfo: caseProbe('TILLSTAND case in SOL_IFO', CASE_PICKS.tillstandIfo, CASES.tillstandIfo),
  upplysningIfo: caseProbe('UPPLYSNING case in SOL_IFO', CASE_PICKS.upplysningIfo, CASES.upplysningIfo),
  upplysningAldre: caseProbe('UPPLYSNING case in SOL_ALDREOMSORG', CASE_PICKS.upplysningAldre, CASES.upplysningAldre),
  personPartIfo: caseProbe('case in SOL_IFO with a person as party', CASE_PICKS.personPartIfo, CASES.personPartIfo),
  decisionTillsynIfo: decisionProbe('decision in a TILLSYN case in SOL_IFO', firstDecision(CASE_PICKS.tillsynIfo), CASES.tillsynIfo),
  decisionTillsynLss: decisionProbe('decision in a TILLSYN case in LSS', firstDecision(CASE_PICKS.tillsynLss), CASES.tillsynLss),
  decisionUpplysningIfo: decisionProbe('decision in an UPPLYSNING case in SOL_IFO', firstDecision(CASE_PICKS.upplysningIfo), CASES.upplysningIfo),
  evbN0001Ifo: evbProbe('EVB report of N-0001 in SOL_IFO', EVB_PICKS.n0001Ifo, EVB_REPORTS.n0001Ifo),
  evbN0001Funktion: evbProbe('EVB report of N-0001 in SOL_FUNKTIONSNEDSATTNING', EVB_PICKS.n0001Funktion, EVB_REPORTS.n0001Funktion),
  evbN0002Aldre: evbProbe('EVB report of N-0002 in SOL_ALDREOMSORG', EVB_PICKS.n0002Aldre, EVB_REPORTS.n0002Aldre),
  evbN0003Lss: evbProbe('EVB report of N-0003 in LSS', EVB_PICKS.n0003Lss, EVB_REPORTS.n0003Lss),
  evbListN0001: evbListProbe('N-0001'),
  evbListN0002: evbListProbe('N-0002'),
  evbListN0003: evbListProbe('N-0003'),
  userReporterIfo: userProbe(`user ${USER_PICKS.reporterIfo.id}, rapportör N-0001`, USER_PICKS.reporterIfo, USERS.reporterIfo),
  userOtherReporter: userProbe(`user ${USER_PICKS.otherReporterN0001.id}, another rapportör N-0001`, USER_PICKS.otherReporterN0001, USERS.otherReporterN0001),
  userMas: userProbe(`user ${USER_PICKS.mas.id}, MAS N-0002`, USER_PICKS.mas, USERS.mas),
  userMemberN0003: userProbe(`user ${USER_PICKS.memberN0003.id}, MAS of N-0003`, USER_PICKS.memberN0003, USERS.memberN0003),
  userIvoStaff: userProbe(`user ${USER_PICKS.ivoStaff.id}, IVO handläggare`, USER_PICKS.ivoStaff, USERS.ivoStaff),
  reportersN0001: reporterListProbe('N-0001'),
  reportersN0003: reporterListProbe('N-0003'),
  ownUser: ownUserProbe(),
  soleTrader: soleTraderProbe(),
} satisfies Record<string, Probe>;

const ALL_PROBES: readonly Probe[] = Object.values(PROBES);

// ---------------------------------------------------------------------------------------------
// Sending and expecting
// ---------------------------------------------------------------------------------------------

/** A response with the subgraph's audit extension, which the router removes from its own responses. */
type MatrixResponse = GraphqlResponse & { extensions?: Record<string, unknown> };

/** Sends an operation through the router as the role, with the token the identification service would issue. */
async function viaRouter(caller: Role, query: string, variables?: Record<string, unknown>): Promise<MatrixResponse> {
  if (caller.key === 'unregistered') return postGraphql(stack.routerUrl, query, variables, { authorization: unregisteredBearer });
  return stack.query(query, variables, caller.userId ?? undefined);
}

/** Sends an operation straight to a subgraph with a valid internal token for the role's access context. */
function atSubgraph(caller: Role, subgraph: SubgraphName, query: string, variables?: Record<string, unknown>): Promise<MatrixResponse> {
  return stack.querySubgraph(subgraph, query, variables, caller.access);
}

function comparePaths(a: readonly (string | number)[] = [], b: readonly (string | number)[] = []): number {
  for (let index = 0; index < Math.min(a.length, b.length); index++) {
    const left = a[index] as string | number;
    const right = b[index] as string | number;
    if (left === right) continue;
    if (typeof left === 'number' && typeof right === 'number') return left - right;
    return compareText(String(left), String(right));
  }
  return a.length - b.length;
}

/**
 * Returns the response with its errors sorted by path and its audit list by type and id, because
 * subgraphs report both in the order their resolvers finish.
 */
function normalized(response: MatrixResponse): MatrixResponse {
  const result: MatrixResponse = { ...response };
  if (response.errors) result.errors = [...response.errors].sort((a, b) => comparePaths(a.path, b.path));
  const audit = response.extensions?.[AUDIT_EXTENSION] as AuditedObject[] | undefined;
  if (audit) result.extensions = { ...response.extensions, [AUDIT_EXTENSION]: sortAudit(audit) };
  return result;
}

function sortAudit(audit: readonly AuditedObject[]): AuditedObject[] {
  return [...audit].sort((a, b) => compareText(a.type, b.type) || compareText(a.id, b.id));
}

function routerError(path: readonly (string | number)[], reason: Reason, service: SubgraphName) {
  return { message: MESSAGES[reason], path, extensions: { code: 'FORBIDDEN', reason, serviceName: service } };
}

function subgraphError(path: readonly (string | number)[], reason: Reason) {
  return { message: MESSAGES[reason], locations: expect.any(Array), path, extensions: { code: 'FORBIDDEN', reason } };
}

/** Builds a whole expected response; `errors` and the audit extension appear only when not empty. */
function expectedResponse(data: Record<string, unknown> | null, errors: { path: readonly (string | number)[] }[], audit: AuditedObject[] = []): MatrixResponse {
  const response: MatrixResponse = { data };
  if (errors.length > 0) response.errors = [...errors].sort((a, b) => comparePaths(a.path, b.path)) as MatrixResponse['errors'];
  if (audit.length > 0) response.extensions = { [AUDIT_EXTENSION]: sortAudit(audit) };
  return response;
}

/** Builds the expected router response to one aliased root field per probe. */
function expectedViaRouter(entries: readonly { alias: string; outcome: Outcome }[]): MatrixResponse {
  return expectedResponse(
    Object.fromEntries(entries.map(({ alias, outcome }) => [alias, outcome.value])),
    entries.flatMap(({ alias, outcome }) => outcome.withheld.map((part) => routerError([alias, ...part.at], part.reason, part.service))),
  );
}

/** Builds the expected subgraph response to one aliased root field per probe. */
function expectedAtSubgraph(entries: readonly { alias: string; outcome: Outcome }[]): MatrixResponse {
  return expectedResponse(
    Object.fromEntries(entries.map(({ alias, outcome }) => [alias, outcome.value])),
    entries.flatMap(({ alias, outcome }) => outcome.withheld.map((part) => subgraphError([alias, ...part.at], part.reason))),
    entries.flatMap(({ outcome }) => outcome.audit),
  );
}

/** Builds the expected `_entities` response for one representation per outcome, in this order. */
function expectedByEntities(outcomes: readonly Outcome[]): MatrixResponse {
  return expectedResponse(
    { _entities: outcomes.map((outcome) => outcome.value) },
    outcomes.flatMap((outcome, index) => outcome.withheld.map((part) => subgraphError(['_entities', index, ...part.at], part.reason))),
    outcomes.flatMap((outcome) => outcome.audit),
  );
}

/** Builds an operation with one aliased root field per entry, each with its own variable. */
function aliasedDocument(entries: readonly { alias: string; probe: Probe }[]): string {
  const signature = entries.map(({ alias, probe }) => `$${alias}: ${required(probe.root.argument, `argument of ${probe.root.field}`).type}`).join(', ');
  const fields = entries.map(({ alias, probe }) => `${alias}: ${probe.root.field}(${probe.root.argument?.name}: $${alias}) { ${probe.selection} }`).join(' ');
  return `query Aliases(${signature}) { ${fields} }`;
}

function aliasedVariables(entries: readonly { alias: string; probe: Probe }[]): Record<string, unknown> {
  return Object.fromEntries(entries.map(({ alias, probe }) => [alias, Object.values(probe.variables)[0]]));
}

/**
 * Pairs each row with its name for `each` with `%s`, which prints the whole name; `$name` would
 * cut it at 40 characters.
 */
function named<Item>(items: readonly Item[], nameOf: (item: Item) => string): (readonly [string, Item])[] {
  return items.map((item) => [nameOf(item), item] as const);
}

/** Rows for `it.each`: one per probe, named as a line of the rule table. */
function probeRows(caller: Role, probes: readonly Probe[]) {
  return named(probes, (probe) => `${probe.label}: ${probe.verdict(caller)}`);
}

const ROLE_ROWS = named(ROLES, (caller) => caller.label);

// ---------------------------------------------------------------------------------------------
// The matrix
// ---------------------------------------------------------------------------------------------

describe.each(ROLE_ROWS)('access matrix for %s', (_label, caller) => {
  describe('through the router', () => {
    it.each(probeRows(caller, ALL_PROBES))('%s', async (_name, probe) => {
      const response = await viaRouter(caller, rootDocument(probe.root, probe.typeName, probe.selection), probe.variables);

      expect(normalized(response)).toEqual(expectedViaRouter([{ alias: probe.root.field, outcome: probe.outcome(caller) }]));
    });
  });

  describe.each<readonly [string, SelectionForm]>([
    ['a named fragment', 'namedFragment'],
    ['an inline fragment', 'inlineFragment'],
  ])('through the router in %s', (_formName, form) => {
    it.each(probeRows(caller, ALL_PROBES))('%s', async (_name, probe) => {
      const response = await viaRouter(caller, rootDocument(probe.root, probe.typeName, probe.selection, form), probe.variables);

      expect(normalized(response)).toEqual(expectedViaRouter([{ alias: probe.root.field, outcome: probe.outcome(caller) }]));
    });
  });

  describe('straight at the subgraph with a valid internal token', () => {
    const probes = ALL_PROBES.filter((probe) => probe.rootSubgraph !== null);

    it.each(probeRows(caller, probes))('%s', async (_name, probe) => {
      const subgraph = required(probe.rootSubgraph, `subgraph of ${probe.label}`);
      const response = await atSubgraph(caller, subgraph, rootDocument(probe.root, probe.typeName, probe.selection), probe.variables);

      expect(normalized(response)).toEqual(expectedAtSubgraph([{ alias: probe.root.field, outcome: probe.outcome(caller) }]));
    });
  });

  describe('by _entities at the subgraph', () => {
    const probes = ALL_PROBES.filter((probe) => probe.entity !== null);

    it.each(probeRows(caller, probes))('%s', async (_name, probe) => {
      const entity = required(probe.entity, `entity of ${probe.label}`);
      const response = await atSubgraph(caller, entity.subgraph, entitiesDocument(probe.typeName, probe.selection), { representations: [entity.representation] });

      expect(normalized(response)).toEqual(expectedByEntities([probe.outcome(caller)]));
    });
  });
});

describe('atkomstkontext', () => {
  const identitet = required(userById(FIXED_USERS.ivoHandlaggare).personnummer, 'personnummer of A-00001');

  it.each(ROLE_ROWS)('is not in the router’s schema for %s', async (_label, caller) => {
    const response = await viaRouter(caller, ATKOMSTKONTEXT_QUERY, { identitet });

    expect(response).toEqual({
      errors: [
        {
          message: 'Cannot query field "atkomstkontext" on type "Query".',
          locations: [{ line: 1, column: ATKOMSTKONTEXT_QUERY.indexOf('atkomstkontext(') + 1 }],
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        },
      ],
    });
  });

  it('is hidden from introspection through the router', async () => {
    const response = await stack.query('{ query: __type(name: "Query") { fields { name } } atkomst: __type(name: "Atkomstkontext") { name } }');
    const fieldNames = (response.data?.query?.fields as { name: string }[] | undefined)?.map((field) => field.name) ?? [];

    expect(response.errors).toBeUndefined();
    expect(response.data?.atkomst).toBeNull();
    expect(fieldNames).toContain('jag');
    expect(fieldNames).not.toContain('atkomstkontext');
  });

  it.each(ROLE_ROWS)('is refused at the users subgraph without router purpose for %s', async (_label, caller) => {
    const response = await atSubgraph(caller, 'users', ATKOMSTKONTEXT_QUERY, { identitet });

    expect(response).toEqual({ data: null, errors: [subgraphError(['atkomstkontext'], 'routerOnly')] });
  });
});

describe('federation fields through the router', () => {
  it.each(ROLE_ROWS)('rejects _entities for %s', async (_label, caller) => {
    const document = entitiesDocument('Arende', SELECTIONS.arende);
    const response = await viaRouter(caller, document, { representations: [{ __typename: 'Arende', diarienummer: CASE_PICKS.upplysningIfo.diarienummer }] });

    expect(response).toEqual({
      errors: [
        { message: 'Unknown type "_Any". Did you mean "Lan"?', locations: [{ line: 1, column: document.indexOf('_Any') + 1 }], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
        {
          message: 'Cannot query field "_entities" on type "Query".',
          locations: [{ line: 1, column: document.indexOf('_entities(') + 1 }],
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        },
      ],
    });
  });

  it.each(ROLE_ROWS)('rejects _service for %s', async (_label, caller) => {
    const response = await viaRouter(caller, '{ _service { sdl } }');

    expect(response).toEqual({
      errors: [{ message: 'Cannot query field "_service" on type "Query".', locations: [{ line: 1, column: 3 }], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }],
    });
  });
});

describe('batched requests', () => {
  /** Posts a body as it is and returns the HTTP status with the parsed JSON. */
  async function postBody(url: string, body: unknown, headers: Record<string, string>): Promise<{ status: number; body: unknown }> {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...headers },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as unknown };
  }

  async function routerHeaders(caller: Role): Promise<Record<string, string>> {
    if (caller.key === 'unregistered') return { authorization: unregisteredBearer };
    return caller.userId === null ? {} : { authorization: await stack.bearerFor(caller.userId) };
  }

  // A batch that an attacker could hope to slip past per-operation checks: restricted fields of
  // every kind, one operation each.
  const BATCH = [PROBES.contactProtected, PROBES.upplysningIfo, PROBES.evbN0002Aldre, PROBES.userIvoStaff].map((probe) => ({
    query: rootDocument(probe.root, probe.typeName, probe.selection),
    variables: probe.variables,
  }));

  it.each(ROLE_ROWS)('are rejected by the router before any subgraph runs for %s', async (_label, caller) => {
    const headers = await routerHeaders(caller);
    // The first request looks up and caches the access context, so the batch itself reads nothing.
    await postBody(stack.routerUrl, { query: '{ __typename }' }, headers);
    let result: { status: number; body: unknown } | undefined;
    const statements = await stack.recordStatements(async () => {
      result = await postBody(stack.routerUrl, BATCH, headers);
    });

    expect(result?.status).toBe(400);
    const callers = caller.key === 'anonymous' ? 'anonyma anrop' : 'inloggade anrop';
    expect(result?.body).toEqual({
      errors: [{ message: `Batchade anrop tas inte emot för ${callers}. Skicka en operation per anrop.`, extensions: { code: 'BAD_REQUEST', limit: 'maxBatchSize', maximum: 0 } }],
    });
    expect(Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, statements[name].length]))).toEqual({ 'care-register': 0, cases: 0, committees: 0, users: 0 });
  });

  it.each(SUBGRAPH_NAMES)('are rejected by the %s subgraph even with a valid internal token', async (subgraph) => {
    const token = await signInternalToken(loadInternalPrivateKey(stack.config), subgraph, { access: role('ivoStaff').access, purpose: null });
    const result = await postBody(stack.subgraphs[subgraph].url, [{ query: '{ __typename }' }, { query: '{ __typename }' }], { authorization: `Bearer ${token}` });

    expect(result.status).toBe(400);
    expect(result.body).toEqual({ errors: [{ message: 'Operation batching disabled.', extensions: { code: 'BAD_REQUEST' } }] });
  });
});

// graphql-shield caches a rule's result for the whole request unless the rule opts out. A rule
// that reads its parent object must not reuse one object's result for another object.
describe('the same restricted field under two aliases', () => {
  const PAIRS = [
    { name: 'contact details of a SOL_IFO then a LSS unit', caller: role('reporterIfo'), first: PROBES.contactIfo, second: PROBES.contactLss },
    { name: 'contact details of a LSS then a SOL_IFO unit', caller: role('reporterIfo'), first: PROBES.contactLss, second: PROBES.contactIfo },
    { name: 'contact details of a SOL_IFO unit then a skyddat boende', caller: role('reporterIfo'), first: PROBES.contactIfo, second: PROBES.contactProtected },
    { name: 'a TILLSYN then an UPPLYSNING case in SOL_IFO', caller: role('reporterIfo'), first: PROBES.tillsynIfo, second: PROBES.upplysningIfo },
    { name: 'a SOL_IFO then a SOL_FUNKTIONSNEDSATTNING EVB report of N-0001', caller: role('reporterIfo'), first: PROBES.evbN0001Ifo, second: PROBES.evbN0001Funktion },
    { name: 'the own user then another rapportör of N-0001', caller: role('reporterIfo'), first: PROBES.userReporterIfo, second: PROBES.userOtherReporter },
  ];

  function entries(pair: (typeof PAIRS)[number]) {
    return [
      { alias: 'first', probe: pair.first },
      { alias: 'second', probe: pair.second },
    ];
  }

  it.each(named(PAIRS, (pair) => pair.name))('gives one value and one FORBIDDEN through the router: %s', async (_name, pair) => {
    const response = await viaRouter(pair.caller, aliasedDocument(entries(pair)), aliasedVariables(entries(pair)));

    expect(normalized(response)).toEqual(expectedViaRouter(entries(pair).map(({ alias, probe }) => ({ alias, outcome: probe.outcome(pair.caller) }))));
  });

  it.each(named(PAIRS, (pair) => pair.name))('gives one value and one FORBIDDEN at the subgraph: %s', async (_name, pair) => {
    const subgraph = required(pair.first.rootSubgraph, `subgraph of ${pair.first.label}`);
    const response = await atSubgraph(pair.caller, subgraph, aliasedDocument(entries(pair)), aliasedVariables(entries(pair)));

    expect(normalized(response)).toEqual(expectedAtSubgraph(entries(pair).map(({ alias, probe }) => ({ alias, outcome: probe.outcome(pair.caller) }))));
  });

  const ENTITY_PAIRS = [
    { name: 'contact details of a SOL_IFO and a LSS unit', caller: role('reporterIfo'), probes: [PROBES.contactIfo, PROBES.contactLss] },
    { name: 'cases of a SOL_IFO and a LSS unit', caller: role('reporterIfo'), probes: [PROBES.casesIfo, PROBES.casesLss] },
    { name: 'cases of a LSS and a SOL_IFO unit', caller: role('reporterIfo'), probes: [PROBES.casesLss, PROBES.casesIfo] },
    { name: 'EVB lists of N-0001 and N-0002', caller: role('leadReporter'), probes: [PROBES.evbListN0001, PROBES.evbListN0002] },
    { name: 'rapportörer of N-0001 and N-0003', caller: role('leadReporter'), probes: [PROBES.reportersN0001, PROBES.reportersN0003] },
  ];

  it.each(named(ENTITY_PAIRS, (pair) => pair.name))('gives one value and one FORBIDDEN in one _entities request: %s', async (_name, { caller, probes }) => {
    const [first, second] = probes.map((probe) => required(probe.entity, `entity of ${probe.label}`));
    const response = await atSubgraph(caller, required(first, 'first entity').subgraph, entitiesDocument(probes[0]!.typeName, probes[0]!.selection), {
      representations: [first?.representation, second?.representation],
    });

    expect(normalized(response)).toEqual(expectedByEntities(probes.map((probe) => probe.outcome(caller))));
  });
});

describe('a page of 100 units for a rapportör in SOL_IFO', () => {
  const caller = role('reporterIfo');
  const contactVerdict = (unit: TillsynsobjektRecord) => verdictOf(unit.skyddatBoende ? PROTECTED_UNIT_CONTACT : UNIT_DATA_BY_AREA[unit.verksamhetsomrade], caller);
  const firstPage = (lanKod: string) =>
    world.tillsynsobjekt
      .filter((unit) => unit.lanKod === lanKod)
      .sort((a, b) => compareText(a.namn, b.namn) || compareText(a.id, b.id))
      .slice(0, 100);
  // The first county whose first page contains 100 units with all three verdicts.
  const lanKod = required(
    world.lan.find((lan) => {
      const page = firstPage(lan.kod);
      const pageVerdicts = new Set(page.map(contactVerdict));
      return page.length === 100 && pageVerdicts.has(SHOWN) && pageVerdicts.has('outsideArea') && pageVerdicts.has('protectedAddress');
    }),
    'county whose first 100 units mix all three verdicts',
  ).kod;
  const units = firstPage(lanKod);
  const verdicts = units.map(contactVerdict);

  function node(unit: TillsynsobjektRecord, verdict: Shown | Reason) {
    const adress = verdict === SHOWN ? { gatuadress: unit.gatuadress, postnummer: unit.postnummer, postort: unit.postort } : null;
    return { node: { id: unit.id, verksamhetsomrade: unit.verksamhetsomrade, skyddatBoende: unit.skyddatBoende, adress } };
  }

  const withheldRows = units.flatMap((unit, index) => {
    const verdict = verdicts[index] as Shown | Reason;
    return verdict === SHOWN ? [] : [{ path: ['sokTillsynsobjekt', 'edges', index, 'node', 'adress'], reason: verdict }];
  });

  it('mixes all three verdicts', () => {
    expect(units).toHaveLength(100);
    expect(verdicts.filter((verdict) => verdict === SHOWN).length).toBeGreaterThan(0);
    expect(verdicts.filter((verdict) => verdict === 'outsideArea').length).toBeGreaterThan(0);
    expect(verdicts.filter((verdict) => verdict === 'protectedAddress').length).toBeGreaterThan(0);
  });

  it('withholds each address by its own unit through the router', async () => {
    const response = await viaRouter(caller, UNIT_PAGE_QUERY, { lanKod });

    expect(normalized(response)).toEqual(
      expectedResponse(
        { sokTillsynsobjekt: { edges: units.map((unit, index) => node(unit, verdicts[index] as Shown | Reason)) } },
        withheldRows.map(({ path, reason }) => routerError(path, reason, 'care-register')),
      ),
    );
  });

  it('withholds each address by its own unit at the subgraph', async () => {
    const response = await atSubgraph(caller, 'care-register', UNIT_PAGE_QUERY, { lanKod });

    expect(normalized(response)).toEqual(
      expectedResponse(
        { sokTillsynsobjekt: { edges: units.map((unit, index) => node(unit, verdicts[index] as Shown | Reason)) } },
        withheldRows.map(({ path, reason }) => subgraphError(path, reason)),
        units.filter((_unit, index) => verdicts[index] === SHOWN).map((unit) => audited('Tillsynsobjekt', unit.id, ['adress'])),
      ),
    );
  });
});

// The cases subgraph reads a unit's area from the representation, which only the router signs.
// A forged area passes the field rule, but the case queries filter on each case's own area, so
// the representation opens nothing the caller could not read anyway.
describe('a representation that lies about a unit’s area', () => {
  const unit = UNITS.LSS;
  const forged = { __typename: 'Tillsynsobjekt', id: unit.id, verksamhetsomrade: 'SOL_IFO' };

  it('reveals none of the unit’s cases', async () => {
    const response = await atSubgraph(role('reporterIfo'), 'cases', entitiesDocument('Tillsynsobjekt', SELECTIONS.unitCaseData), { representations: [forged] });
    const entity = response.data?._entities?.[0];

    expect(linkedCases(unit.id).length).toBeGreaterThan(0);
    expect(upplysningCount(unit.id)).toBeGreaterThan(0);
    expect(entity?.arenden?.edges ?? []).toEqual([]);
    expect(entity?.arenden?.totalCount ?? 0).toBe(0);
    expect(entity?.senasteTillsynsbeslut ?? null).toBeNull();
    expect(entity?.antalUpplysningsarenden ?? 0).toBe(0);
  });
});

describe('filter arguments', () => {
  const caller = role('reporterIfo');

  it('cannot widen an EVB list to another area', async () => {
    const response = await viaRouter(caller, 'query Evb($id: ID!) { namnd(id: $id) { id ejVerkstallaBeslut(verksamhetsomrade: [SOL_FUNKTIONSNEDSATTNING], first: 100) { totalCount edges { node { id } } } } }', {
      id: FIXED_COMMITTEES.goteborgCentrum,
    });

    expect(response).toEqual({ data: { namnd: { id: FIXED_COMMITTEES.goteborgCentrum, ejVerkstallaBeslut: { totalCount: 0, edges: [] } } } });
  });

  it('cannot list upplysningsärenden by case type', async () => {
    const unit = UNITS.SOL_IFO;
    const response = await viaRouter(caller, 'query Arenden($id: ID!) { tillsynsobjekt(id: $id) { id arenden(arendetyp: [UPPLYSNING], first: 100) { totalCount edges { node { diarienummer } } } } }', {
      id: unit.id,
    });

    expect(upplysningCount(unit.id)).toBeGreaterThan(0);
    expect(response).toEqual({ data: { tillsynsobjekt: { id: unit.id, arenden: { totalCount: 0, edges: [] } } } });
  });
});

/** Lists whose cursors alone return restricted data, asked for without their nodes. */
const CURSOR_LISTS = [
  {
    name: 'case cursors of a SOL_IFO unit',
    subgraph: 'cases' as const,
    typeName: 'Tillsynsobjekt',
    selection: 'arenden(first: 100) { totalCount edges { cursor } }',
    representation: required(PROBES.casesIfo.entity, 'entity of a unit').representation,
    connection: (entity: Record<string, any>) => entity.arenden,
    cursorValues: () => linkedCases(UNITS.SOL_IFO.id).filter((arende) => arendetypOf(arende) !== 'UPPLYSNING').map((arende) => [arende.inkom, arende.diarienummer]),
  },
  {
    name: 'EVB cursors of N-0001',
    subgraph: 'cases' as const,
    typeName: 'Namnd',
    selection: 'ejVerkstallaBeslut(first: 100) { totalCount edges { cursor } }',
    representation: required(PROBES.evbListN0001.entity, 'entity of N-0001').representation,
    connection: (entity: Record<string, any>) => entity.ejVerkstallaBeslut,
    cursorValues: () =>
      world.ejVerkstallaBeslut
        .filter((report) => report.namndId === FIXED_COMMITTEES.goteborgCentrum)
        .sort((a, b) => compareText(b.rapporteringskvartal, a.rapporteringskvartal) || compareText(a.id, b.id))
        .slice(0, 100)
        .map((report) => [report.rapporteringskvartal, report.id]),
  },
  {
    name: 'rapportör cursors of N-0001',
    subgraph: 'users' as const,
    typeName: 'Namnd',
    selection: 'rapportorer(first: 100) { totalCount edges { cursor } }',
    representation: required(PROBES.reportersN0001.entity, 'entity of N-0001').representation,
    connection: (entity: Record<string, any>) => entity.rapportorer,
    cursorValues: () => currentReporters(FIXED_COMMITTEES.goteborgCentrum).map((user) => [user.namn, user.id]),
  },
];

describe('cursors without nodes', () => {
  it.each(named(CURSOR_LISTS, (list) => list.name))('%s carry the restricted sort keys', async (_name, list) => {
    const response = await atSubgraph(role('leadReporter'), list.subgraph, entitiesDocument(list.typeName, list.selection), { representations: [list.representation] });
    const edges = (list.connection(response.data?._entities?.[0] ?? {})?.edges ?? []) as { cursor: string }[];

    expect(response.errors).toBeUndefined();
    expect(edges.map((edge) => JSON.parse(Buffer.from(edge.cursor, 'base64url').toString('utf8')))).toEqual(list.cursorValues());
  });
});

/** Posts an operation to the router's `/graphql/` path, which differs from `/graphql` by the slash. */
async function postToSlashPath(authorization: string, query: string, variables: Record<string, unknown>): Promise<{ status: number; body: MatrixResponse }> {
  const response = await fetch(`${stack.routerUrl}/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', authorization },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as MatrixResponse };
}

const FORGED_BEARER = 'Bearer forged.forged.forged';

describe('errors of batched entity fetches', () => {
  // The router fetches the units' fields from the cases subgraph in one `_entities` call. Hive
  // Gateway's default planner (through @graphql-tools/batch-delegate 10.1.0) reported every error
  // of such a batch at the first unit's path; the query planner the router ships keeps each error
  // at its own row.
  it('reports a withheld field of the second batched unit at its own path', async () => {
    const caller = role('reporterIfo');
    const pair = [
      { alias: 'first', probe: PROBES.casesIfo },
      { alias: 'second', probe: PROBES.casesLss },
    ];
    const response = await viaRouter(caller, aliasedDocument(pair), aliasedVariables(pair));

    expect(normalized(response)).toEqual(expectedViaRouter(pair.map(({ alias, probe }) => ({ alias, outcome: probe.outcome(caller) }))));
  });

  it('reports withheld complaint counts of a list at their own rows', async () => {
    const caller = role('reporterIfo');
    const units = world.tillsynsobjekt
      .filter((unit) => unit.kommunKod === '1480')
      .sort((a, b) => compareText(a.namn, b.namn) || compareText(a.id, b.id))
      .slice(0, 20);
    const response = await viaRouter(caller, '{ sokTillsynsobjekt(filter: { kommunKod: "1480", status: [] }, first: 20) { edges { node { id antalUpplysningsarenden } } } }');

    const verdicts = units.map((unit) => verdictOf(UNIT_DATA_BY_AREA[unit.verksamhetsomrade], caller));
    expect(verdicts).toContain(SHOWN);
    expect(normalized(response)).toEqual(
      expectedResponse(
        { sokTillsynsobjekt: { edges: units.map((unit, index) => ({ node: { id: unit.id, antalUpplysningsarenden: verdicts[index] === SHOWN ? upplysningCount(unit.id) : null } })) } },
        units.flatMap((_unit, index) => {
          const verdict = verdicts[index] as Shown | Reason;
          return verdict === SHOWN ? [] : [routerError(['sokTillsynsobjekt', 'edges', index, 'node', 'antalUpplysningsarenden'], verdict, 'cases')];
        }),
      ),
    );
  });
});

describe('regressions', () => {
  // The lookup matches the full organisationsnummer, which for a sole trader is the owner's
  // personnummer. The masked value shows the birth date and the Luhn check digit follows from the
  // three digits before it, so at most 1,000 lookups recover the whole number.
  it('does not confirm a sole trader’s personnummer by lookup', async () => {
    const response = await viaRouter(role('anonymous'), 'query Lookup($nummer: String!) { huvudmanMedOrganisationsnummer(organisationsnummer: $nummer) { id } }', {
      nummer: SOLE_TRADER.organisationsnummer,
    });

    expect(response.data?.huvudmanMedOrganisationsnummer ?? null).toBeNull();
  });

  // Cursors and totalCount carry restricted data (case numbers with their dates, EVB report ids,
  // user names), so the list fields themselves are written to the audit log.
  it.each(named(CURSOR_LISTS, (list) => list.name))('logs %s returned without nodes', async (_name, list) => {
    const response = await atSubgraph(role('leadReporter'), list.subgraph, entitiesDocument(list.typeName, list.selection), { representations: [list.representation] });

    expect(response.errors).toBeUndefined();
    expect(response.extensions?.[AUDIT_EXTENSION]).toBeDefined();
  });

  // The gateway also serves GraphQL on /graphql/, so the router authenticates every path.
  it('rejects a forged token on /graphql/ with 401', async () => {
    const { status } = await postToSlashPath(FORGED_BEARER, '{ __typename }', {});

    expect(status).toBe(401);
  });
});
