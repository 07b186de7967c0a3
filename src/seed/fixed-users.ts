import type { NamndRecord, Roll, Verksamhetsomrade } from './world-types.ts';

/**
 * Users and committees that every generated world contains with the same ids and identities,
 * whatever the scale, so that tests and documentation can log in as a known person.
 */

/** Ids of the fixed users. */
export const FIXED_USERS = {
  /** Ingrid Ivarsson, IVO handläggare (all areas, no committee), who logs in with BankID. */
  ivoHandlaggare: 'A-00001',
  /** Anna Berglund, huvudrapportör for N-0001 Socialnämnden Centrum, Göteborg (SOL_IFO and SOL_FUNKTIONSNEDSATTNING). */
  huvudrapportorGoteborg: 'A-00002',
  /** Johan Sandberg, rapportör for N-0001 Socialnämnden Centrum, area SOL_IFO only. */
  rapportorGoteborgIfo: 'A-00003',
  /** Fatima Hassan, rapportör for N-0001 Socialnämnden Centrum, area SOL_FUNKTIONSNEDSATTNING only. */
  rapportorGoteborgFunktionsnedsattning: 'A-00004',
  /** Karin Ek, MAS for N-0002 Äldre samt vård- och omsorgsnämnden, Göteborg (SOL_ALDREOMSORG), who logs in with SITHS. */
  masGoteborg: 'A-00005',
  /** Erik Nordström, huvudrapportör for N-0003 Södermalms stadsdelsnämnd, Stockholm (all four areas). */
  huvudrapportorStockholm: 'A-00006',
} as const;

/** Ids of the committees that the fixed users belong to. */
export const FIXED_COMMITTEES = {
  /** Socialnämnden Centrum, Göteborg (1480): SOL_IFO and SOL_FUNKTIONSNEDSATTNING. */
  goteborgCentrum: 'N-0001',
  /** Äldre samt vård- och omsorgsnämnden, Göteborg (1480): SOL_ALDREOMSORG and LSS. */
  goteborgAldreVardOmsorg: 'N-0002',
  /** Södermalms stadsdelsnämnd, Stockholm (0180): all four areas. */
  stockholmSodermalm: 'N-0003',
} as const;

/** The fixed committees in id order. They come first in the world's list of committees. */
export const FIXED_COMMITTEE_RECORDS: readonly NamndRecord[] = [
  { id: FIXED_COMMITTEES.goteborgCentrum, namn: 'Socialnämnden Centrum', kommunKod: '1480', verksamhetsomraden: ['SOL_IFO', 'SOL_FUNKTIONSNEDSATTNING'] },
  { id: FIXED_COMMITTEES.goteborgAldreVardOmsorg, namn: 'Äldre samt vård- och omsorgsnämnden', kommunKod: '1480', verksamhetsomraden: ['SOL_ALDREOMSORG', 'LSS'] },
  { id: FIXED_COMMITTEES.stockholmSodermalm, namn: 'Södermalms stadsdelsnämnd', kommunKod: '0180', verksamhetsomraden: ['SOL_IFO', 'SOL_FUNKTIONSNEDSATTNING', 'LSS', 'SOL_ALDREOMSORG'] },
];

/** A fixed user with the identity used at login and the one role they hold. */
export interface FixedUser {
  id: string;
  namn: string;
  epost: string;
  /** 12 digits without separator, or null for a SITHS-only user. */
  personnummer: string | null;
  hsaId: string | null;
  roll: Roll;
  namndId: string | null;
  verksamhetsomraden: Verksamhetsomrade[];
  giltigFran: string;
}

/**
 * The fixed users, in id order. Their roles get the ids R-00001 to R-00006 in the same order.
 * The personnummer are valid but invented. The HSA-id of the MAS is issued under the
 * organisationsnummer that the generator gives Göteborgs kommun, which a test checks.
 */
export const FIXED_USER_RECORDS: readonly FixedUser[] = [
  {
    id: FIXED_USERS.ivoHandlaggare,
    namn: 'Ingrid Ivarsson',
    epost: 'ingrid.ivarsson@ivo.example',
    personnummer: '197203142844',
    hsaId: null,
    roll: 'IVO_HANDLAGGARE',
    namndId: null,
    verksamhetsomraden: ['SOL_IFO', 'SOL_FUNKTIONSNEDSATTNING', 'LSS', 'SOL_ALDREOMSORG'],
    giltigFran: '2018-03-01',
  },
  {
    id: FIXED_USERS.huvudrapportorGoteborg,
    namn: 'Anna Berglund',
    epost: 'anna.berglund@goteborg.example',
    personnummer: '197809024263',
    hsaId: null,
    roll: 'HUVUDRAPPORTOR',
    namndId: FIXED_COMMITTEES.goteborgCentrum,
    verksamhetsomraden: ['SOL_IFO', 'SOL_FUNKTIONSNEDSATTNING'],
    giltigFran: '2020-01-01',
  },
  {
    id: FIXED_USERS.rapportorGoteborgIfo,
    namn: 'Johan Sandberg',
    epost: 'johan.sandberg@goteborg.example',
    personnummer: '198511233176',
    hsaId: null,
    roll: 'RAPPORTOR',
    namndId: FIXED_COMMITTEES.goteborgCentrum,
    verksamhetsomraden: ['SOL_IFO'],
    giltigFran: '2021-02-15',
  },
  {
    id: FIXED_USERS.rapportorGoteborgFunktionsnedsattning,
    namn: 'Fatima Hassan',
    epost: 'fatima.hassan@goteborg.example',
    personnummer: '199005076485',
    hsaId: null,
    roll: 'RAPPORTOR',
    namndId: FIXED_COMMITTEES.goteborgCentrum,
    verksamhetsomraden: ['SOL_FUNKTIONSNEDSATTNING'],
    giltigFran: '2022-09-01',
  },
  {
    id: FIXED_USERS.masGoteborg,
    namn: 'Karin Ek',
    epost: 'karin.ek@goteborg.example',
    personnummer: null,
    hsaId: 'SE2120003856-E000000000005',
    roll: 'MEDICINSKT_ANSVARIG_SJUKSKOTERSKA',
    namndId: FIXED_COMMITTEES.goteborgAldreVardOmsorg,
    verksamhetsomraden: ['SOL_ALDREOMSORG'],
    giltigFran: '2019-06-01',
  },
  {
    id: FIXED_USERS.huvudrapportorStockholm,
    namn: 'Erik Nordström',
    epost: 'erik.nordstrom@stockholm.example',
    personnummer: '196901301959',
    hsaId: null,
    roll: 'HUVUDRAPPORTOR',
    namndId: FIXED_COMMITTEES.stockholmSodermalm,
    verksamhetsomraden: ['SOL_IFO', 'SOL_FUNKTIONSNEDSATTNING', 'LSS', 'SOL_ALDREOMSORG'],
    giltigFran: '2019-01-01',
  },
];
