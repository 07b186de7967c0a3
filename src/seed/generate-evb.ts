import { formatQuarter, fromEpochDay, quarterBounds, quarterFromIndex, quarterIndex } from './dates.ts';
import { FIXED_COMMITTEES } from './fixed-users.ts';
import { pseudoidentitet, type Sex } from './identifiers.ts';
import { type Random, WeightedTable } from './random.ts';
import { birthDateForAge, formatId, type SeedContext } from './seed-context.ts';
import type { EjVerkstalltBeslutRecord, EvbStatus, NamndRecord, Verksamhetsomrade } from './world-types.ts';

const REPORTS_AT_SCALE_1 = 20_000;
const FIRST_QUARTER = quarterIndex({ year: 2021, quarter: 1 });
const LAST_QUARTER = quarterIndex({ year: 2026, quarter: 3 });
/** Chance that a decision is carried out or closed during a given quarter after the first report. */
const RESOLUTION_CHANCE_PER_QUARTER = 0.35;

/** Share of EVB reports per area, an estimate that gives LSS and elderly care the largest shares. */
const AREA_WEIGHTS: Record<Verksamhetsomrade, number> = {
  SOL_IFO: 25,
  SOL_FUNKTIONSNEDSATTNING: 15,
  LSS: 35,
  SOL_ALDREOMSORG: 25,
};

interface Insats {
  namn: string;
  weight: number;
  ages: readonly [number, number];
}

/** Services (insatser) whose decisions are reported when not carried out, by area. */
const INSATSER: Record<Verksamhetsomrade, readonly Insats[]> = {
  SOL_IFO: [
    { namn: 'Kontaktperson', weight: 30, ages: [8, 20] },
    { namn: 'Kontaktfamilj', weight: 20, ages: [4, 15] },
    { namn: 'Familjebehandling', weight: 12, ages: [2, 17] },
    { namn: 'Stödboende', weight: 8, ages: [16, 20] },
    { namn: 'Öppenvård vid missbruk', weight: 15, ages: [20, 64] },
    { namn: 'Boendestöd', weight: 15, ages: [20, 64] },
  ],
  SOL_FUNKTIONSNEDSATTNING: [
    { namn: 'Boendestöd', weight: 30, ages: [18, 64] },
    { namn: 'Bostad med särskild service enligt SoL', weight: 30, ages: [18, 64] },
    { namn: 'Sysselsättning', weight: 20, ages: [18, 64] },
    { namn: 'Kontaktperson', weight: 20, ages: [18, 64] },
  ],
  LSS: [
    { namn: 'Bostad med särskild service för vuxna', weight: 35, ages: [18, 70] },
    { namn: 'Bostad med särskild service för barn och ungdomar', weight: 5, ages: [6, 17] },
    { namn: 'Daglig verksamhet', weight: 20, ages: [18, 64] },
    { namn: 'Kontaktperson', weight: 15, ages: [10, 70] },
    { namn: 'Korttidsvistelse', weight: 10, ages: [4, 20] },
    { namn: 'Ledsagarservice', weight: 7, ages: [10, 70] },
    { namn: 'Avlösarservice i hemmet', weight: 4, ages: [3, 17] },
    { namn: 'Korttidstillsyn', weight: 4, ages: [12, 20] },
  ],
  SOL_ALDREOMSORG: [
    { namn: 'Särskilt boende', weight: 55, ages: [70, 98] },
    { namn: 'Dagverksamhet', weight: 15, ages: [67, 95] },
    { namn: 'Korttidsvistelse', weight: 15, ages: [68, 97] },
    { namn: 'Växelvård', weight: 10, ages: [68, 97] },
    { namn: 'Hemtjänst', weight: 5, ages: [70, 98] },
  ],
};

const COMMON_REASONS = [
  'Brist på personal för att verkställa beslutet.',
  'Den enskilde har tackat nej till erbjuden insats och väntar på ett annat erbjudande.',
  'Den enskilde har önskat vänta med verkställigheten.',
  'Erbjudande har lämnats men den enskilde har inte svarat.',
] as const;

/** Reasons for the delay, by area. The common reasons apply to every area. */
const REASONS: Record<Verksamhetsomrade, readonly string[]> = {
  SOL_IFO: [
    'Ingen lämplig kontaktperson har kunnat rekryteras.',
    'Matchning mot lämplig kontaktfamilj pågår.',
    'Väntetid till behandling hos extern utförare.',
    ...COMMON_REASONS,
  ],
  SOL_FUNKTIONSNEDSATTNING: [
    'Brist på lämpliga lägenheter med särskild service.',
    'Lämplig sysselsättning saknas i kommunen.',
    ...COMMON_REASONS,
  ],
  LSS: [
    'Brist på platser i gruppbostad.',
    'Väntar på nybyggd gruppbostad som beräknas stå klar under året.',
    'Ingen lämplig daglig verksamhet finns för den enskildes behov.',
    'Ledsagare med rätt kompetens har inte kunnat rekryteras.',
    'Korttidshemmet har inte plats för fler barn.',
    ...COMMON_REASONS,
  ],
  SOL_ALDREOMSORG: [
    'Brist på lediga lägenheter i särskilt boende.',
    'Den enskilde har önskat ett visst boende där plats saknas.',
    'Tillfällig platsbrist på grund av renovering av boendet.',
    ...COMMON_REASONS,
  ],
};

/** A report before it gets its id, with the keys it is sorted by. */
interface ReportDraft {
  record: EjVerkstalltBeslutRecord;
  quarter: number;
  series: number;
}

interface SeriesOptions {
  namnd: NamndRecord;
  area: Verksamhetsomrade;
  firstQuarter: number;
  /** Keeps the decision not carried out until the last quarter. */
  staysOpen: boolean;
}

/**
 * Creates about 20,000 × scale EVB reports for 2021-Q1 to 2026-Q3. Each decision not carried out
 * is reported every quarter, with the same pseudo-identity, until it is carried out or closed.
 * The last report of such a series has that status and its date. Committees get reports in
 * proportion to the population of their municipality, shared among the committees responsible
 * for the area. Socialnämnden Centrum in Göteborg always has open reports in both of its areas.
 */
export function generateEjVerkstallaBeslut(context: SeedContext, namnder: readonly NamndRecord[]): EjVerkstalltBeslutRecord[] {
  const random = context.random.fork('ejVerkstallaBeslut');
  const target = Math.max(1, Math.round(REPORTS_AT_SCALE_1 * context.scale));
  const drafts: ReportDraft[] = [];
  let series = 0;

  const fixedCommittee = namnder.find((namnd) => namnd.id === FIXED_COMMITTEES.goteborgCentrum);
  if (fixedCommittee) {
    for (const area of fixedCommittee.verksamhetsomraden) {
      for (let i = 0; i < 2; i++) {
        addSeries(random, drafts, series++, { namnd: fixedCommittee, area, firstQuarter: LAST_QUARTER - 1, staysOpen: true });
      }
    }
  }

  const committeeAreas = buildCommitteeAreaTable(context, namnder);
  context.progress.start('ejVerkstallaBeslut', target);
  while (drafts.length < target) {
    const [namnd, area] = committeeAreas.draw(random);
    addSeries(random, drafts, series++, { namnd, area, firstQuarter: random.int(FIRST_QUARTER, LAST_QUARTER), staysOpen: false });
    context.progress.update(drafts.length);
  }

  drafts.sort((a, b) => a.quarter - b.quarter || compareStrings(a.record.namndId, b.record.namndId) || a.series - b.series);
  const reports = drafts.map((draft, index) => {
    draft.record.id = formatId('EVB', index + 1, 7);
    return draft.record;
  });
  context.progress.finish(reports.length);
  return reports;
}

/** Weights each (committee, area) pair by the municipality's population share of that area. */
function buildCommitteeAreaTable(context: SeedContext, namnder: readonly NamndRecord[]): WeightedTable<readonly [NamndRecord, Verksamhetsomrade]> {
  const committeesPerArea = new Map<string, number>();
  for (const namnd of namnder) {
    for (const area of namnd.verksamhetsomraden) {
      const key = `${namnd.kommunKod}|${area}`;
      committeesPerArea.set(key, (committeesPerArea.get(key) ?? 0) + 1);
    }
  }

  const pairs: (readonly [readonly [NamndRecord, Verksamhetsomrade], number])[] = [];
  for (const namnd of namnder) {
    const population = context.kommunWeights.get(namnd.kommunKod) ?? 1;
    for (const area of namnd.verksamhetsomraden) {
      const sharedBy = committeesPerArea.get(`${namnd.kommunKod}|${area}`) ?? 1;
      pairs.push([[namnd, area], (population * AREA_WEIGHTS[area]) / sharedBy]);
    }
  }
  return new WeightedTable(pairs);
}

/** Adds the quarterly reports of one decision not carried out. */
function addSeries(random: Random, drafts: ReportDraft[], series: number, options: SeriesOptions): void {
  const { namnd, area, firstQuarter } = options;
  const insats = random.weighted(INSATSER[area].map((candidate) => [candidate, candidate.weight] as const));
  const firstBounds = quarterBounds(quarterFromIndex(firstQuarter));
  // The decision is reported in the quarter in which its three months run out.
  const beslutsdag = random.int(firstBounds.first - 91, firstBounds.last - 91);
  const sex: Sex = random.chance(area === 'SOL_ALDREOMSORG' ? 0.62 : 0.5) ? 'KVINNA' : 'MAN';
  const birthDate = birthDateForAge(random, insats.ages[0], insats.ages[1], fromEpochDay(beslutsdag));
  const lagrum = area === 'LSS' ? 'LSS' : 'SOL';
  const beslutsdatum = fromEpochDay(beslutsdag);
  const identity = pseudoidentitet(birthDate, sex, random);
  const orsak = random.pick(REASONS[area]);

  for (let quarter = firstQuarter; quarter <= LAST_QUARTER; quarter++) {
    const resolves = !options.staysOpen && random.chance(quarter === firstQuarter ? 0.1 : RESOLUTION_CHANCE_PER_QUARTER);
    const report: EjVerkstalltBeslutRecord = {
      id: '',
      namndId: namnd.id,
      lagrum,
      verksamhetsomrade: area,
      beslutsdatum,
      insats: insats.namn,
      pseudoidentitet: identity,
      kon: sex,
      orsak,
      rapporteringskvartal: formatQuarter(quarterFromIndex(quarter)),
      status: 'EJ_VERKSTALLT',
      verkstalltDatum: null,
      avslutatDatum: null,
    };
    if (resolves) {
      const bounds = quarterBounds(quarterFromIndex(quarter));
      const date = fromEpochDay(random.int(Math.max(bounds.first, beslutsdag + 91), bounds.last));
      const status: EvbStatus = random.chance(0.7) ? 'VERKSTALLT' : 'AVSLUTAT';
      report.status = status;
      if (status === 'VERKSTALLT') report.verkstalltDatum = date;
      else report.avslutatDatum = date;
    }
    drafts.push({ record: report, quarter, series });
    if (resolves) return;
  }
}

/** Compares by UTF-16 code units, which is faster than localeCompare and enough for ids. */
function compareStrings(a: string, b: string): number {
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}
