import type { Kon, Malgrupp, Verksamhetsomrade, Verksamhetstyp } from './world-types.ts';

/**
 * A kind of supervised unit: its verksamhetstyp and area, and the ranges the seed draws its
 * name, target groups, ages, kön and number of places from. Several kinds share a verksamhetstyp
 * (an HVB for teenagers and a protected HVB for adults are both `HVB`).
 */
export interface UnitKind {
  key: string;
  verksamhetstyp: Verksamhetstyp;
  verksamhetsomrade: Verksamhetsomrade;
  /** Words put before the name stem ("HVB" → "HVB Björkbacken"). */
  namePrefixes: readonly string[];
  /** Lower-case Swedish description used in case titles and permit scopes. */
  beskrivning: string;
  /** Age ranges [from, to], inclusive. */
  ageRanges: readonly (readonly [number, number])[];
  /** Target groups every unit of the kind has. */
  baseMalgrupper: readonly Malgrupp[];
  /** Target groups added at random, each with its probability. */
  extraMalgrupper: readonly (readonly [Malgrupp, number])[];
  konWeights: readonly (readonly [Kon, number])[];
  antalPlatser: readonly [number, number];
  skyddatBoende: boolean;
}

const ALL_KON: readonly (readonly [Kon, number])[] = [['ALLA', 1]];

export const UNIT_KINDS = {
  HVB_BARN: {
    key: 'HVB_BARN',
    verksamhetstyp: 'HVB',
    verksamhetsomrade: 'SOL_IFO',
    namePrefixes: ['HVB', 'HVB', 'Behandlingshemmet', 'Ungdomshemmet', 'Hemmet'],
    beskrivning: 'hem för vård eller boende för barn och unga',
    ageRanges: [[12, 17], [13, 17], [13, 20], [13, 20], [14, 18], [15, 20], [16, 20], [10, 17], [0, 17]],
    baseMalgrupper: ['BARN_OCH_UNGA'],
    extraMalgrupper: [['PSYKISK_OHALSA', 0.45], ['NEUROPSYKIATRISK_FUNKTIONSNEDSATTNING', 0.35], ['MISSBRUK', 0.25], ['ENSAMKOMMANDE', 0.12]],
    konWeights: [['FLICKOR', 22], ['POJKAR', 25], ['ALLA', 53]],
    antalPlatser: [4, 14],
    skyddatBoende: false,
  },
  HVB_SKYDDAT_UNGA: {
    key: 'HVB_SKYDDAT_UNGA',
    verksamhetstyp: 'HVB',
    verksamhetsomrade: 'SOL_IFO',
    namePrefixes: ['Boendet', 'HVB'],
    beskrivning: 'skyddat boende för unga utsatta för våld i nära relation',
    ageRanges: [[13, 20], [16, 20], [14, 20]],
    baseMalgrupper: ['VALD_I_NARA_RELATION', 'BARN_OCH_UNGA'],
    extraMalgrupper: [['PSYKISK_OHALSA', 0.3]],
    konWeights: [['FLICKOR', 60], ['ALLA', 40]],
    antalPlatser: [3, 8],
    skyddatBoende: true,
  },
  HVB_SKYDDAT_VUXNA: {
    key: 'HVB_SKYDDAT_VUXNA',
    verksamhetstyp: 'HVB',
    verksamhetsomrade: 'SOL_IFO',
    namePrefixes: ['Boendet', 'HVB'],
    beskrivning: 'skyddat boende för vuxna utsatta för våld i nära relation',
    ageRanges: [[18, 64], [18, 99], [21, 65]],
    baseMalgrupper: ['VALD_I_NARA_RELATION'],
    extraMalgrupper: [['MISSBRUK', 0.15], ['PSYKISK_OHALSA', 0.2]],
    konWeights: ALL_KON,
    antalPlatser: [4, 12],
    skyddatBoende: true,
  },
  HVB_VUXNA_FUNKTIONSNEDSATTNING: {
    key: 'HVB_VUXNA_FUNKTIONSNEDSATTNING',
    verksamhetstyp: 'HVB',
    verksamhetsomrade: 'SOL_FUNKTIONSNEDSATTNING',
    namePrefixes: ['HVB', 'Behandlingshemmet'],
    beskrivning: 'hem för vård eller boende för vuxna med psykisk funktionsnedsättning',
    ageRanges: [[18, 64], [21, 65]],
    baseMalgrupper: ['PSYKISK_OHALSA'],
    extraMalgrupper: [['NEUROPSYKIATRISK_FUNKTIONSNEDSATTNING', 0.4], ['MISSBRUK', 0.25]],
    konWeights: ALL_KON,
    antalPlatser: [6, 16],
    skyddatBoende: false,
  },
  STODBOENDE: {
    key: 'STODBOENDE',
    verksamhetstyp: 'STODBOENDE',
    verksamhetsomrade: 'SOL_IFO',
    namePrefixes: ['Stödboendet'],
    beskrivning: 'stödboende för barn och unga',
    ageRanges: [[16, 20], [16, 20], [16, 20], [18, 20], [16, 18]],
    baseMalgrupper: ['BARN_OCH_UNGA'],
    extraMalgrupper: [['ENSAMKOMMANDE', 0.3], ['PSYKISK_OHALSA', 0.15]],
    konWeights: [['FLICKOR', 15], ['POJKAR', 25], ['ALLA', 60]],
    antalPlatser: [4, 30],
    skyddatBoende: false,
  },
  HVB_MISSBRUK: {
    key: 'HVB_MISSBRUK',
    verksamhetstyp: 'HVB_VUXNA_MISSBRUK',
    verksamhetsomrade: 'SOL_IFO',
    namePrefixes: ['Behandlingshemmet', 'HVB', 'Behandlingsgården'],
    beskrivning: 'hem för vård eller boende för vuxna med missbruk',
    ageRanges: [[18, 64], [21, 65], [18, 99]],
    baseMalgrupper: ['MISSBRUK'],
    extraMalgrupper: [['PSYKISK_OHALSA', 0.4]],
    konWeights: ALL_KON,
    antalPlatser: [8, 40],
    skyddatBoende: false,
  },
  SOL_BOENDE_FUNKTIONSNEDSATTNING: {
    key: 'SOL_BOENDE_FUNKTIONSNEDSATTNING',
    verksamhetstyp: 'SOL_BOENDE_FUNKTIONSNEDSATTNING',
    verksamhetsomrade: 'SOL_FUNKTIONSNEDSATTNING',
    namePrefixes: ['Boendet', 'Bostaden'],
    beskrivning: 'boende för vuxna med funktionsnedsättning enligt SoL',
    ageRanges: [[18, 64], [21, 65]],
    baseMalgrupper: ['FUNKTIONSNEDSATTNING'],
    extraMalgrupper: [['PSYKISK_OHALSA', 0.5], ['NEUROPSYKIATRISK_FUNKTIONSNEDSATTNING', 0.3]],
    konWeights: ALL_KON,
    antalPlatser: [4, 12],
    skyddatBoende: false,
  },
  LSS_BOSTAD_BARN: {
    key: 'LSS_BOSTAD_BARN',
    verksamhetstyp: 'LSS_BOSTAD_BARN',
    verksamhetsomrade: 'LSS',
    namePrefixes: ['Barnbostaden', 'Ungdomsbostaden'],
    beskrivning: 'bostad med särskild service för barn och ungdomar',
    ageRanges: [[6, 17], [7, 21], [13, 21]],
    baseMalgrupper: ['FUNKTIONSNEDSATTNING', 'BARN_OCH_UNGA'],
    extraMalgrupper: [['NEUROPSYKIATRISK_FUNKTIONSNEDSATTNING', 0.5]],
    konWeights: [['ALLA', 85], ['POJKAR', 10], ['FLICKOR', 5]],
    antalPlatser: [3, 8],
    skyddatBoende: false,
  },
  LSS_BOSTAD_VUXNA: {
    key: 'LSS_BOSTAD_VUXNA',
    verksamhetstyp: 'LSS_BOSTAD_VUXNA',
    verksamhetsomrade: 'LSS',
    namePrefixes: ['Gruppbostaden', 'Gruppbostaden', 'Servicebostaden'],
    beskrivning: 'bostad med särskild service för vuxna',
    ageRanges: [[18, 64], [21, 65], [18, 99]],
    baseMalgrupper: ['FUNKTIONSNEDSATTNING'],
    extraMalgrupper: [['NEUROPSYKIATRISK_FUNKTIONSNEDSATTNING', 0.35]],
    konWeights: ALL_KON,
    antalPlatser: [4, 8],
    skyddatBoende: false,
  },
  LSS_KORTTIDSVISTELSE: {
    key: 'LSS_KORTTIDSVISTELSE',
    verksamhetstyp: 'LSS_KORTTIDSVISTELSE',
    verksamhetsomrade: 'LSS',
    namePrefixes: ['Korttidshemmet', 'Korttidsboendet'],
    beskrivning: 'korttidsvistelse utanför det egna hemmet',
    ageRanges: [[0, 17], [6, 20], [7, 21], [18, 64]],
    baseMalgrupper: ['FUNKTIONSNEDSATTNING'],
    extraMalgrupper: [['NEUROPSYKIATRISK_FUNKTIONSNEDSATTNING', 0.4], ['BARN_OCH_UNGA', 0.6]],
    konWeights: ALL_KON,
    antalPlatser: [4, 12],
    skyddatBoende: false,
  },
  SARSKILT_BOENDE: {
    key: 'SARSKILT_BOENDE',
    verksamhetstyp: 'SARSKILT_BOENDE',
    verksamhetsomrade: 'SOL_ALDREOMSORG',
    namePrefixes: ['Äldreboendet', 'Vård- och omsorgsboendet', 'Vård- och omsorgsboendet'],
    beskrivning: 'särskilt boende för äldre',
    ageRanges: [[65, 110]],
    baseMalgrupper: ['ALDRE'],
    extraMalgrupper: [['DEMENS', 0.5]],
    konWeights: ALL_KON,
    antalPlatser: [20, 120],
    skyddatBoende: false,
  },
} as const satisfies Record<string, UnitKind>;

export type UnitKindKey = keyof typeof UNIT_KINDS;

/** A kind of operation (verksamhet): a label and the unit kinds its units are drawn from. */
export interface OperationProfile {
  label: string;
  unitKinds: readonly (readonly [UnitKindKey, number])[];
}

/** Operations of private providers, each with its weight among all private operations. */
export const PRIVATE_OPERATION_PROFILES: readonly (readonly [OperationProfile, number])[] = [
  [{ label: 'HVB för barn och unga', unitKinds: [['HVB_BARN', 1]] }, 36],
  [{ label: 'HVB och stödboende för barn och unga', unitKinds: [['HVB_BARN', 2], ['STODBOENDE', 1]] }, 6],
  [{ label: 'Stödboende', unitKinds: [['STODBOENDE', 1]] }, 14],
  [{ label: 'HVB för vuxna med missbruk', unitKinds: [['HVB_MISSBRUK', 1]] }, 8],
  [{ label: 'HVB för vuxna med psykisk funktionsnedsättning', unitKinds: [['HVB_VUXNA_FUNKTIONSNEDSATTNING', 1]] }, 3],
  [{ label: 'Boende för personer med funktionsnedsättning', unitKinds: [['SOL_BOENDE_FUNKTIONSNEDSATTNING', 1]] }, 4],
  [{ label: 'Bostad med särskild service för barn', unitKinds: [['LSS_BOSTAD_BARN', 1]] }, 3],
  [{ label: 'Bostad med särskild service för vuxna', unitKinds: [['LSS_BOSTAD_VUXNA', 1]] }, 9],
  [{ label: 'Korttidsvistelse', unitKinds: [['LSS_KORTTIDSVISTELSE', 1]] }, 3],
  [{ label: 'Särskilt boende för äldre', unitKinds: [['SARSKILT_BOENDE', 1]] }, 8],
  [{ label: 'Skyddat boende för unga', unitKinds: [['HVB_SKYDDAT_UNGA', 1]] }, 1.2],
  [{ label: 'Skyddat boende', unitKinds: [['HVB_SKYDDAT_VUXNA', 1]] }, 2],
];

/**
 * Municipal operations. A municipality's units are drawn from MUNICIPAL_UNIT_KIND_WEIGHTS and
 * grouped into the operation whose profile contains their kind.
 */
export const MUNICIPAL_OPERATION_PROFILES: readonly OperationProfile[] = [
  { label: 'Äldreomsorg', unitKinds: [['SARSKILT_BOENDE', 1]] },
  { label: 'Funktionsstöd', unitKinds: [['LSS_BOSTAD_VUXNA', 1], ['LSS_KORTTIDSVISTELSE', 1], ['SOL_BOENDE_FUNKTIONSNEDSATTNING', 1], ['LSS_BOSTAD_BARN', 1]] },
  { label: 'Individ- och familjeomsorg', unitKinds: [['STODBOENDE', 1], ['HVB_BARN', 1], ['HVB_MISSBRUK', 1], ['HVB_SKYDDAT_VUXNA', 1]] },
];

export const MUNICIPAL_UNIT_KIND_WEIGHTS: readonly (readonly [UnitKindKey, number])[] = [
  ['SARSKILT_BOENDE', 44],
  ['LSS_BOSTAD_VUXNA', 25],
  ['LSS_KORTTIDSVISTELSE', 6],
  ['SOL_BOENDE_FUNKTIONSNEDSATTNING', 5],
  ['LSS_BOSTAD_BARN', 2],
  ['STODBOENDE', 9],
  ['HVB_BARN', 5],
  ['HVB_MISSBRUK', 2.5],
  ['HVB_SKYDDAT_VUXNA', 1],
];

/** Unit kinds of the regions' operations. Each region runs one operation with about `scale` units of one kind. */
export const REGIONAL_UNIT_KINDS: readonly (readonly [UnitKindKey, number])[] = [
  ['LSS_KORTTIDSVISTELSE', 1],
  ['SOL_BOENDE_FUNKTIONSNEDSATTNING', 1],
  ['HVB_MISSBRUK', 1],
];
