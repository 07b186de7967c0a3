/**
 * The simulated state of IVO's four sources that the seed writes into the subgraph databases.
 * Each subgraph's `seed.ts` maps the part it owns onto its own tables. The objects are shared,
 * so ids agree across sources: a case names a unit id, an EVB report a committee id.
 */

export const VERKSAMHETSOMRADEN = ['SOL_IFO', 'SOL_FUNKTIONSNEDSATTNING', 'LSS', 'SOL_ALDREOMSORG'] as const;
export type Verksamhetsomrade = (typeof VERKSAMHETSOMRADEN)[number];

export const ROLLER = ['RAPPORTOR', 'HUVUDRAPPORTOR', 'MEDICINSKT_ANSVARIG_SJUKSKOTERSKA', 'IVO_HANDLAGGARE'] as const;
export type Roll = (typeof ROLLER)[number];

export const HUVUDMANNATYPER = ['ENSKILD', 'KOMMUNAL', 'REGIONAL', 'STATLIG'] as const;
export type Huvudmannatyp = (typeof HUVUDMANNATYPER)[number];

export const VERKSAMHETSTYPER = [
  'HVB',
  'STODBOENDE',
  'HVB_VUXNA_MISSBRUK',
  'SOL_BOENDE_FUNKTIONSNEDSATTNING',
  'LSS_BOSTAD_BARN',
  'LSS_BOSTAD_VUXNA',
  'LSS_KORTTIDSVISTELSE',
  'SARSKILT_BOENDE',
] as const;
export type Verksamhetstyp = (typeof VERKSAMHETSTYPER)[number];

export const TILLSYNSOBJEKT_STATUSAR = ['AKTIV', 'VILANDE', 'UPPHORD'] as const;
export type TillsynsobjektStatus = (typeof TILLSYNSOBJEKT_STATUSAR)[number];

export const MALGRUPPER = [
  'BARN_OCH_UNGA',
  'ENSAMKOMMANDE',
  'MISSBRUK',
  'PSYKISK_OHALSA',
  'VALD_I_NARA_RELATION',
  'FUNKTIONSNEDSATTNING',
  'NEUROPSYKIATRISK_FUNKTIONSNEDSATTNING',
  'ALDRE',
  'DEMENS',
] as const;
export type Malgrupp = (typeof MALGRUPPER)[number];

export const KON = ['FLICKOR', 'POJKAR', 'ALLA'] as const;
export type Kon = (typeof KON)[number];

export const TILLSTANDSSTATUSAR = ['GALLANDE', 'ATERKALLAT', 'UPPHORT'] as const;
export type Tillstandsstatus = (typeof TILLSTANDSSTATUSAR)[number];

export const ARENDETYPER = ['TILLSTAND', 'TILLSYN', 'UPPLYSNING'] as const;
export type Arendetyp = (typeof ARENDETYPER)[number];

export const ARENDESTATUSAR = ['OPPET', 'AVSLUTAT'] as const;
export type Arendestatus = (typeof ARENDESTATUSAR)[number];

export const BESLUTSTYPER = [
  'TILLSTAND_BEVILJAT',
  'TILLSTAND_AVSLAGET',
  'FORELAGGANDE',
  'FORELAGGANDE_MED_VITE',
  'KRITIK',
  'INGEN_ATGARD',
] as const;
export type Beslutstyp = (typeof BESLUTSTYPER)[number];

export const KOPPLINGSMETODER = ['EXPLICIT', 'NAMNMATCHNING'] as const;
export type Kopplingsmetod = (typeof KOPPLINGSMETODER)[number];

export const PARTSTYPER = ['ORGANISATION', 'PERSON'] as const;
export type Partstyp = (typeof PARTSTYPER)[number];

export const LAGRUM = ['SOL', 'LSS'] as const;
export type Lagrum = (typeof LAGRUM)[number];

export const EVB_STATUSAR = ['EJ_VERKSTALLT', 'VERKSTALLT', 'AVSLUTAT'] as const;
export type EvbStatus = (typeof EVB_STATUSAR)[number];

/** A county (län) with its two-digit SCB code. */
export interface LanRecord {
  kod: string;
  namn: string;
}

/** A municipality (kommun) with its four-digit SCB code; the first two digits are its county. */
export interface KommunRecord {
  kod: string;
  namn: string;
  lanKod: string;
}

/** A municipal committee (nämnd) and the areas of responsibility it covers. */
export interface NamndRecord {
  id: string;
  namn: string;
  kommunKod: string;
  verksamhetsomraden: Verksamhetsomrade[];
}

/** A provider organisation (huvudman). */
export interface HuvudmanRecord {
  id: string;
  organisationsnummer: string;
  namn: string;
  huvudmannatyp: Huvudmannatyp;
}

/** An operation (verksamhet) run by a provider under a permit. */
export interface VerksamhetRecord {
  id: string;
  huvudmanId: string;
  namn: string;
  /** Permit date as `YYYY-MM-DD`; null for municipal operations that need no permit. */
  tillstandDatum: string | null;
  tillstandOmfattning: string | null;
  tillstandStatus: Tillstandsstatus | null;
}

/** A supervised unit (tillsynsobjekt), for example one HVB home. */
export interface TillsynsobjektRecord {
  id: string;
  verksamhetId: string;
  huvudmanId: string;
  namn: string;
  verksamhetstyp: Verksamhetstyp;
  verksamhetsomrade: Verksamhetsomrade;
  status: TillsynsobjektStatus;
  kommunKod: string;
  lanKod: string;
  gatuadress: string;
  postnummer: string;
  postort: string;
  telefon: string;
  epost: string;
  malgrupper: Malgrupp[];
  alderFran: number;
  alderTill: number;
  kon: Kon;
  antalPlatser: number;
  /** `YYYY-MM-DD`, or null where the unit needs no permit. */
  tillstandsdatum: string | null;
  skyddatBoende: boolean;
  /** ISO 8601 timestamp in UTC. */
  senastAndrad: string;
}

/** An entry of IVO's classification scheme and the case type it maps to. */
export interface KlassificeringRecord {
  kod: string;
  namn: string;
  arendetyp: Arendetyp;
}

/** A case (ärende) in the case system. */
export interface ArendeRecord {
  diarienummer: string;
  klassificeringKod: string;
  /** The area of responsibility the case belongs to: that of the unit it concerns. */
  verksamhetsomrade: Verksamhetsomrade;
  arendemening: string;
  status: Arendestatus;
  inkom: string;
  avslutat: string | null;
  partNamn: string;
  /** organisationsnummer for an organisation, personnummer (12 digits) for a sole trader. */
  partIdentitet: string;
  partTyp: Partstyp;
}

/** The link between a case and the unit it concerns, with the method that made it. */
export interface ArendeKopplingRecord {
  diarienummer: string;
  tillsynsobjektId: string;
  metod: Kopplingsmetod;
  /** 1 for EXPLICIT, between 0 and 1 (exclusive of 1) for NAMNMATCHNING. */
  konfidens: number;
}

/** A decision (beslut) in a case. */
export interface BeslutRecord {
  id: string;
  diarienummer: string;
  datum: string;
  beslutstyp: Beslutstyp;
  sammanfattning: string;
}

/** One quarterly report of a decision not carried out (ej verkställt beslut). */
export interface EjVerkstalltBeslutRecord {
  id: string;
  namndId: string;
  lagrum: Lagrum;
  verksamhetsomrade: Verksamhetsomrade;
  beslutsdatum: string;
  insats: string;
  /** `ÅÅÅÅMMDD-T123`: birth date, a letter, three digits; the third digit is even for women. */
  pseudoidentitet: string;
  kon: 'KVINNA' | 'MAN';
  orsak: string;
  /** Reporting quarter as `YYYY-Qn`. */
  rapporteringskvartal: string;
  status: EvbStatus;
  verkstalltDatum: string | null;
  avslutatDatum: string | null;
}

/** A user of the reporter register, matched at login on personnummer or HSA-id. */
export interface AnvandareRecord {
  id: string;
  namn: string;
  epost: string;
  personnummer: string | null;
  hsaId: string | null;
}

/** A role a user holds, for one committee (null for IVO staff) and some of its areas. */
export interface RolltilldelningRecord {
  id: string;
  anvandareId: string;
  roll: Roll;
  namndId: string | null;
  verksamhetsomraden: Verksamhetsomrade[];
  giltigFran: string;
  giltigTill: string | null;
}

/** Everything the seed writes, for all four sources. */
export interface World {
  lan: LanRecord[];
  kommuner: KommunRecord[];
  namnder: NamndRecord[];
  huvudman: HuvudmanRecord[];
  verksamheter: VerksamhetRecord[];
  tillsynsobjekt: TillsynsobjektRecord[];
  klassificeringar: KlassificeringRecord[];
  /** Cases opened before this date are not linked to the register. `YYYY-MM-DD`. */
  kopplingsgrans: string;
  arenden: ArendeRecord[];
  kopplingar: ArendeKopplingRecord[];
  beslut: BeslutRecord[];
  ejVerkstallaBeslut: EjVerkstalltBeslutRecord[];
  anvandare: AnvandareRecord[];
  rolltilldelningar: RolltilldelningRecord[];
}
