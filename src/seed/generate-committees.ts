import { FIXED_COMMITTEE_RECORDS } from './fixed-users.ts';
import type { Random } from './random.ts';
import { formatId, type SeedContext } from './seed-context.ts';
import { VERKSAMHETSOMRADEN, type NamndRecord, type Verksamhetsomrade } from './world-types.ts';

type CommitteeTemplate = readonly [namn: string, verksamhetsomraden: readonly Verksamhetsomrade[]];

const ALL_AREAS = VERKSAMHETSOMRADEN;

/**
 * Ways a municipality splits its social services between committees, by number of committees.
 * In every layout the committees together cover all four areas.
 */
const LAYOUTS: Record<1 | 2 | 3 | 4, readonly (readonly [readonly CommitteeTemplate[], number])[]> = {
  1: [
    [[['Socialnämnden', ALL_AREAS]], 70],
    [[['Social- och omsorgsnämnden', ALL_AREAS]], 20],
    [[['Omsorgs- och socialnämnden', ALL_AREAS]], 10],
  ],
  2: [
    [[['Socialnämnden', ['SOL_IFO', 'SOL_FUNKTIONSNEDSATTNING', 'LSS']], ['Äldrenämnden', ['SOL_ALDREOMSORG']]], 40],
    [[['Individ- och familjeomsorgsnämnden', ['SOL_IFO']], ['Vård- och omsorgsnämnden', ['SOL_FUNKTIONSNEDSATTNING', 'LSS', 'SOL_ALDREOMSORG']]], 35],
    [[['Socialnämnden', ['SOL_IFO']], ['Omsorgsnämnden', ['SOL_FUNKTIONSNEDSATTNING', 'LSS', 'SOL_ALDREOMSORG']]], 25],
  ],
  3: [
    [[['Individ- och familjeomsorgsnämnden', ['SOL_IFO']], ['Omsorgsnämnden', ['SOL_FUNKTIONSNEDSATTNING', 'LSS']], ['Äldrenämnden', ['SOL_ALDREOMSORG']]], 50],
    [[['Socialnämnden', ['SOL_IFO']], ['Funktionsstödsnämnden', ['SOL_FUNKTIONSNEDSATTNING', 'LSS']], ['Vård- och omsorgsnämnden', ['SOL_ALDREOMSORG']]], 50],
  ],
  4: [
    [
      [
        ['Socialnämnden', ['SOL_IFO']],
        ['Arbetsmarknads- och vuxennämnden', ['SOL_IFO']],
        ['Funktionsstödsnämnden', ['SOL_FUNKTIONSNEDSATTNING', 'LSS']],
        ['Äldrenämnden', ['SOL_ALDREOMSORG']],
      ],
      50,
    ],
    [
      [
        ['Barn- och familjenämnden', ['SOL_IFO']],
        ['Vuxennämnden', ['SOL_IFO']],
        ['Omsorgsnämnden', ['SOL_FUNKTIONSNEDSATTNING', 'LSS']],
        ['Vård- och omsorgsnämnden', ['SOL_ALDREOMSORG']],
      ],
      50,
    ],
  ],
};

/**
 * The committees of the three largest municipalities, which do not follow the layouts. Göteborg
 * and Stockholm list only the committees beyond the fixed ones (see fixed-users.ts).
 */
const SPECIAL_LAYOUTS: Record<string, readonly CommitteeTemplate[]> = {
  '0180': [
    ['Socialnämnden', ['SOL_IFO']],
    ...[
      'Rinkeby-Kista',
      'Spånga-Tensta',
      'Hässelby-Vällingby',
      'Bromma',
      'Kungsholmens',
      'Norrmalms',
      'Östermalms',
      'Enskede-Årsta-Vantörs',
      'Skarpnäcks',
      'Farsta',
      'Hägersten-Älvsjö',
      'Skärholmens',
    ].map((district): CommitteeTemplate => [`${district} stadsdelsnämnd`, ALL_AREAS]),
  ],
  '1480': [
    ['Socialnämnden Nordost', ['SOL_IFO', 'SOL_FUNKTIONSNEDSATTNING']],
    ['Socialnämnden Sydväst', ['SOL_IFO', 'SOL_FUNKTIONSNEDSATTNING']],
    ['Socialnämnden Hisingen', ['SOL_IFO', 'SOL_FUNKTIONSNEDSATTNING']],
  ],
  '1280': [
    ['Arbetsmarknads- och socialnämnden', ['SOL_IFO']],
    ['Funktionsstödsnämnden', ['SOL_FUNKTIONSNEDSATTNING', 'LSS']],
    ['Hälsa-, vård- och omsorgsnämnden', ['SOL_ALDREOMSORG']],
  ],
};

/**
 * Creates the committees: the fixed ones first, then each municipality's in code order. Larger
 * municipalities (by population rank) split their social services between more committees. The
 * number does not depend on the scale.
 */
export function generateNamnder(context: SeedContext): NamndRecord[] {
  const random = context.random.fork('namnder');
  const namnder: NamndRecord[] = FIXED_COMMITTEE_RECORDS.map((namnd) => ({ ...namnd, verksamhetsomraden: [...namnd.verksamhetsomraden] }));

  const rankByKommun = new Map<string, number>();
  [...context.geo.kommuner]
    .filter((kommun) => SPECIAL_LAYOUTS[kommun.kod] === undefined)
    .sort((a, b) => (context.kommunWeights.get(b.kod) ?? 0) - (context.kommunWeights.get(a.kod) ?? 0) || (a.kod < b.kod ? -1 : 1))
    .forEach((kommun, rank) => rankByKommun.set(kommun.kod, rank));

  context.progress.start('namnder', context.geo.kommuner.length);
  context.geo.kommuner.forEach((kommun, index) => {
    const templates = SPECIAL_LAYOUTS[kommun.kod] ?? random.weighted(LAYOUTS[committeeCount(rankByKommun.get(kommun.kod) ?? 0, random)]);
    for (const [namn, verksamhetsomraden] of templates) {
      namnder.push({ id: formatId('N', namnder.length + 1, 4), namn, kommunKod: kommun.kod, verksamhetsomraden: [...verksamhetsomraden] });
    }
    context.progress.update(index + 1);
  });
  context.progress.finish();

  return namnder;
}

/** Returns how many committees a municipality has, from its rank by population (0 = largest). */
function committeeCount(rank: number, random: Random): 1 | 2 | 3 | 4 {
  if (rank < 30) return random.chance(0.5) ? 3 : 4;
  if (rank < 130) return random.chance(0.5) ? 2 : 3;
  return random.chance(0.5) ? 1 : 2;
}
