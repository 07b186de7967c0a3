import type {
  Arendestatus,
  Arendetyp,
  Beslutstyp,
  EvbStatus,
  Kopplingsmetod,
  Lagrum,
  Partstyp,
  Verksamhetsomrade,
} from '../../src/seed/world-types.ts';

/** The case system's tables: the read model the source exposes as views. */
export interface CasesDatabase {
  klassificering: { kod: string; namn: string; arendetyp: Arendetyp };
  /** Settings kept as data, such as `kopplingsgrans`, the first date of cases linked to units. */
  installning: { nyckel: string; varde: string };
  arende: {
    diarienummer: string;
    klassificering_kod: string;
    verksamhetsomrade: Verksamhetsomrade;
    arendemening: string;
    status: Arendestatus;
    inkom: string;
    avslutat: string | null;
    part_namn: string;
    part_identitet: string;
    part_typ: Partstyp;
  };
  arende_koppling: { diarienummer: string; tillsynsobjekt_id: string; metod: Kopplingsmetod; konfidens: number };
  beslut: { id: string; diarienummer: string; datum: string; beslutstyp: Beslutstyp; sammanfattning: string };
  ej_verkstallt_beslut: {
    id: string;
    namnd_id: string;
    lagrum: Lagrum;
    verksamhetsomrade: Verksamhetsomrade;
    beslutsdatum: string;
    insats: string;
    pseudoidentitet: string;
    kon: 'KVINNA' | 'MAN';
    orsak: string;
    rapporteringskvartal: string;
    status: EvbStatus;
    verkstallt_datum: string | null;
    avslutat_datum: string | null;
  };
}

export type KlassificeringRow = CasesDatabase['klassificering'];
/** A case as the queries select it: with its case type from the classification scheme. */
export type ArendeRow = CasesDatabase['arende'] & { arendetyp: Arendetyp };
export type KopplingRow = CasesDatabase['arende_koppling'];
/** A case selected through its link, with the link's columns beside the case's. */
export type LinkedArendeRow = ArendeRow & Omit<KopplingRow, 'diarienummer'>;
/** A decision as the queries select it: with the area and type of its case, which decide who may read it. */
export type BeslutRow = CasesDatabase['beslut'] & { verksamhetsomrade: Verksamhetsomrade; arendetyp: Arendetyp };
/** A decision with the unit its case is linked to. */
export type LinkedBeslutRow = BeslutRow & { tillsynsobjekt_id: string };
export type EvbRow = CasesDatabase['ej_verkstallt_beslut'];
