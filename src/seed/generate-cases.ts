import { fromEpochDay, toEpochDay, yearOfEpochDay } from './dates.ts';
import type { CareRegister, UnitInfo } from './generate-care-register.ts';
import type { CaseReference, Klassificering } from './reference.ts';
import { type Random, WeightedTable } from './random.ts';
import { formatThousands, type SeedContext, WORLD_END_DATE } from './seed-context.ts';
import { PERMIT_REFUSAL_REASONS, SUPERVISION_FINDINGS } from './vocabulary.ts';
import type { ArendeKopplingRecord, ArendeRecord, Arendetyp, BeslutRecord, Beslutstyp, Verksamhetsomrade, Verksamhetstyp } from './world-types.ts';

const CASES_AT_SCALE_1 = 40_000;
const FIRST_CASE_DATE = '2015-01-01';

/** Share of each case type among the cases drawn at random. */
const CASE_TYPE_WEIGHTS: readonly (readonly [Arendetyp, number])[] = [
  ['TILLSTAND', 16],
  ['TILLSYN', 50],
  ['UPPLYSNING', 34],
];

/** Relative weight of each kind of unit when a supervision or complaint case is drawn. */
const CASE_WEIGHT_BY_TYPE: Record<Verksamhetstyp, { tillsyn: number; upplysning: number }> = {
  HVB: { tillsyn: 3, upplysning: 2.5 },
  STODBOENDE: { tillsyn: 2, upplysning: 1.5 },
  HVB_VUXNA_MISSBRUK: { tillsyn: 2, upplysning: 1.5 },
  SOL_BOENDE_FUNKTIONSNEDSATTNING: { tillsyn: 1.2, upplysning: 1.2 },
  LSS_BOSTAD_BARN: { tillsyn: 1.2, upplysning: 1 },
  LSS_BOSTAD_VUXNA: { tillsyn: 1.2, upplysning: 1.2 },
  LSS_KORTTIDSVISTELSE: { tillsyn: 1.2, upplysning: 1 },
  SARSKILT_BOENDE: { tillsyn: 1.5, upplysning: 2.5 },
};

/** Minimum and mean of the exponentially distributed handling time beyond the minimum, in days. */
const CASE_DURATION_DAYS: Record<Arendetyp, { minimum: number; mean: number }> = {
  TILLSTAND: { minimum: 20, mean: 120 },
  TILLSYN: { minimum: 20, mean: 150 },
  UPPLYSNING: { minimum: 5, mean: 60 },
};

/** Cases, their links to units and their decisions. */
export interface Cases {
  arenden: ArendeRecord[];
  kopplingar: ArendeKopplingRecord[];
  beslut: BeslutRecord[];
}

interface CaseDraft {
  unit: UnitInfo;
  klassificering: Klassificering;
  inkomDay: number;
  /** Set on the supervision case created for each active unit, which is always linked to that unit. */
  mustLink: boolean;
  order: number;
}

/**
 * Creates about 40,000 × scale cases between 2015-01-01 and 2026-11-30, each about one unit.
 * Every active unit gets at least one linked supervision case opened on or after the cut-off.
 * Cases opened before the cut-off are never linked. Diarienummer run per year in order of
 * arrival, with gaps for IVO's other cases.
 */
export function generateCases(context: SeedContext, register: CareRegister, reference: CaseReference): Cases {
  const random = context.random.fork('arenden');
  const cutoffDay = toEpochDay(reference.kopplingsgrans);
  const firstDay = toEpochDay(FIRST_CASE_DATE);
  const lastDay = toEpochDay(WORLD_END_DATE);
  const picker = new ClassificationPicker(reference.klassificeringar);
  const target = Math.max(1, Math.round(CASES_AT_SCALE_1 * context.scale));

  const drafts: CaseDraft[] = [];
  for (const unit of register.units) {
    if (unit.record.status !== 'AKTIV') continue;
    drafts.push({ unit, klassificering: picker.pick(random, 'TILLSYN', unit.kind.verksamhetsomrade), inkomDay: random.int(cutoffDay, lastDay), mustLink: true, order: drafts.length });
  }

  const unitTables = buildUnitTables(register.units);
  while (drafts.length < target) {
    const arendetyp = random.weighted(CASE_TYPE_WEIGHTS);
    const unit = unitTables[arendetyp].draw(random);
    drafts.push({ unit, klassificering: picker.pick(random, arendetyp, unit.kind.verksamhetsomrade), inkomDay: random.int(firstDay, lastDay), mustLink: false, order: drafts.length });
  }
  drafts.sort((a, b) => a.inkomDay - b.inkomDay || a.order - b.order);

  const result: Cases = { arenden: [], kopplingar: [], beslut: [] };
  const serialByYear = new Map<number, number>();
  context.progress.start('arenden', drafts.length);

  drafts.forEach((draft, index) => {
    const year = yearOfEpochDay(draft.inkomDay);
    const serial = (serialByYear.get(year) ?? random.int(50, 400)) + random.int(1, 7);
    serialByYear.set(year, serial);
    const diarienummer = `${draft.klassificering.kod}-${serial}/${year}`;

    const closingDay = draft.inkomDay + caseDuration(random, draft.klassificering.arendetyp);
    // A few cases stall and stay open for years.
    const open = closingDay > lastDay || random.chance(0.015);
    const soleTrader = register.soleTraderPersonnummer.get(draft.unit.huvudman.id);

    result.arenden.push({
      diarienummer,
      klassificeringKod: draft.klassificering.kod,
      verksamhetsomrade: draft.unit.kind.verksamhetsomrade,
      arendemening: caseTitle(random, draft),
      status: open ? 'OPPET' : 'AVSLUTAT',
      inkom: fromEpochDay(draft.inkomDay),
      avslutat: open ? null : fromEpochDay(closingDay),
      partNamn: draft.unit.huvudman.namn,
      partIdentitet: soleTrader ?? draft.unit.huvudman.organisationsnummer,
      partTyp: soleTrader === undefined ? 'ORGANISATION' : 'PERSON',
    });

    if (draft.inkomDay >= cutoffDay) {
      const link = drawLink(random, draft.mustLink);
      if (link) result.kopplingar.push({ diarienummer, tillsynsobjektId: draft.unit.record.id, ...link });
    }

    addDecisions(random, result.beslut, diarienummer, draft, open ? null : closingDay, lastDay);
    context.progress.update(index + 1);
  });

  context.progress.finish();
  return result;
}

/** Draws classifications by case type and area, weighted by each code's `vikt`. */
class ClassificationPicker {
  private readonly tables = new Map<string, WeightedTable<Klassificering>>();

  constructor(klassificeringar: readonly Klassificering[]) {
    for (const klassificering of klassificeringar) {
      for (const area of klassificering.verksamhetsomraden) {
        const key = `${klassificering.arendetyp}|${area}`;
        const matching = klassificeringar.filter((k) => k.arendetyp === klassificering.arendetyp && k.verksamhetsomraden.includes(area));
        if (!this.tables.has(key)) this.tables.set(key, new WeightedTable(matching.map((k) => [k, k.vikt] as const)));
      }
    }
  }

  pick(random: Random, arendetyp: Arendetyp, area: Verksamhetsomrade): Klassificering {
    const table = this.tables.get(`${arendetyp}|${area}`);
    if (!table) throw new Error(`No classification of type ${arendetyp} covers area ${area}.`);
    return table.draw(random);
  }
}

/** Permit cases concern private units only, because public providers need no permit. */
function buildUnitTables(units: readonly UnitInfo[]): Record<Arendetyp, WeightedTable<UnitInfo>> {
  const ended = (unit: UnitInfo) => (unit.record.status === 'UPPHORD' ? 0.5 : 1);
  return {
    TILLSTAND: new WeightedTable(units.filter((unit) => unit.record.tillstandsdatum !== null).map((unit) => [unit, ended(unit)] as const)),
    TILLSYN: new WeightedTable(units.map((unit) => [unit, CASE_WEIGHT_BY_TYPE[unit.record.verksamhetstyp].tillsyn * ended(unit)] as const)),
    UPPLYSNING: new WeightedTable(units.map((unit) => [unit, CASE_WEIGHT_BY_TYPE[unit.record.verksamhetstyp].upplysning * ended(unit)] as const)),
  };
}

/** Returns a handling time in days. Most cases close within months, and a few take more than a year. */
function caseDuration(random: Random, arendetyp: Arendetyp): number {
  const { minimum, mean } = CASE_DURATION_DAYS[arendetyp];
  return minimum + Math.min(Math.floor(-Math.log(1 - random.next()) * mean), 900);
}

function caseTitle(random: Random, draft: CaseDraft): string {
  const { unit } = draft;
  return random
    .pick(draft.klassificering.arendemeningar)
    .replaceAll('{tillsynsobjekt}', unit.record.namn)
    .replaceAll('{huvudman}', unit.huvudman.namn)
    .replaceAll('{kommun}', unit.kommunNamn)
    .replaceAll('{verksamhetsbeskrivning}', unit.kind.beskrivning);
}

/**
 * Draws how a case after the cut-off is linked: 70 % explicit, 25 % by name, 5 % not at all. A case
 * that must be linked gets the first two in the same proportion.
 */
function drawLink(random: Random, mustLink: boolean): Pick<ArendeKopplingRecord, 'metod' | 'konfidens'> | null {
  const draw = random.next() * (mustLink ? 0.95 : 1);
  if (draw < 0.7) return { metod: 'EXPLICIT', konfidens: 1 };
  if (draw < 0.95) return { metod: 'NAMNMATCHNING', konfidens: Math.round(random.float(0.55, 0.98) * 100) / 100 };
  return null;
}

/**
 * Adds the decisions of one case, dated after inkom. A closed case has one, or two for some
 * supervision cases, the last on the closing day. An open supervision case has none or one, other
 * open cases none.
 */
function addDecisions(random: Random, beslut: BeslutRecord[], diarienummer: string, draft: CaseDraft, closingDay: number | null, lastDay: number): void {
  const arendetyp = draft.klassificering.arendetyp;
  const add = (day: number, beslutstyp: Beslutstyp) => {
    beslut.push({ id: `B-${String(beslut.length + 1).padStart(7, '0')}`, diarienummer, datum: fromEpochDay(day), beslutstyp, sammanfattning: decisionSummary(random, beslutstyp, draft, day) });
  };

  if (closingDay === null) {
    // Only supervision has interim decisions: an injunction or criticism while follow-up goes on.
    if (arendetyp !== 'TILLSYN' || draft.inkomDay + 1 > lastDay || !random.chance(0.6)) return;
    add(random.int(draft.inkomDay + 1, lastDay), random.weighted([['FORELAGGANDE', 60], ['KRITIK', 40]] as const));
    return;
  }

  if (arendetyp === 'TILLSYN' && closingDay - draft.inkomDay >= 3 && random.chance(0.4)) {
    const [first, second] = supervisionDecisionPair(random);
    add(random.int(draft.inkomDay + 1, closingDay - 1), first);
    add(closingDay, second);
    return;
  }
  add(closingDay, singleDecisionType(random, arendetyp));
}

function singleDecisionType(random: Random, arendetyp: Arendetyp): Beslutstyp {
  switch (arendetyp) {
    case 'TILLSTAND':
      return random.weighted([['TILLSTAND_BEVILJAT', 82], ['TILLSTAND_AVSLAGET', 18]] as const);
    case 'TILLSYN':
      return random.weighted([['KRITIK', 38], ['INGEN_ATGARD', 37], ['FORELAGGANDE', 20], ['FORELAGGANDE_MED_VITE', 5]] as const);
    case 'UPPLYSNING':
      return random.weighted([['KRITIK', 35], ['INGEN_ATGARD', 65]] as const);
  }
}

/** Two supervision decisions in order, the second following up the first (an injunction, then a fine). */
function supervisionDecisionPair(random: Random): [Beslutstyp, Beslutstyp] {
  if (random.chance(0.6)) return ['FORELAGGANDE', random.weighted([['FORELAGGANDE_MED_VITE', 35], ['INGEN_ATGARD', 65]] as const)];
  return ['KRITIK', random.weighted([['INGEN_ATGARD', 70], ['FORELAGGANDE', 30]] as const)];
}

function decisionSummary(random: Random, beslutstyp: Beslutstyp, draft: CaseDraft, day: number): string {
  const unit = draft.unit.record.namn;
  const huvudman = draft.unit.huvudman.namn;
  const deadline = fromEpochDay(day + random.int(60, 120));
  switch (beslutstyp) {
    case 'TILLSTAND_BEVILJAT':
      return `${huvudman} beviljas tillstånd att bedriva ${draft.unit.kind.beskrivning} vid ${unit}.`;
    case 'TILLSTAND_AVSLAGET':
      return `Ansökan avslås eftersom ${huvudman} inte har visat ${random.pick(PERMIT_REFUSAL_REASONS)}.`;
    case 'FORELAGGANDE':
      return `IVO förelägger ${huvudman} att senast ${deadline} åtgärda brister i ${random.pick(SUPERVISION_FINDINGS)} vid ${unit}.`;
    case 'FORELAGGANDE_MED_VITE': {
      const fine = formatThousands(random.pick([100_000, 150_000, 200_000, 300_000, 500_000]));
      return `IVO förelägger ${huvudman} vid vite om ${fine} kronor att senast ${deadline} åtgärda brister i ${random.pick(SUPERVISION_FINDINGS)} vid ${unit}.`;
    }
    case 'KRITIK':
      return `IVO riktar kritik mot ${huvudman} för brister i ${random.pick(SUPERVISION_FINDINGS)} vid ${unit}.`;
    case 'INGEN_ATGARD':
      return draft.klassificering.arendetyp === 'UPPLYSNING'
        ? `IVO har tagit del av uppgifterna om ${unit} och vidtar ingen åtgärd.`
        : `IVO har granskat ${unit} och vidtar ingen ytterligare åtgärd. Ärendet avslutas.`;
  }
}
