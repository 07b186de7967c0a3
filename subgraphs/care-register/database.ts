import type {
  Huvudmannatyp,
  Kon,
  Malgrupp,
  Tillstandsstatus,
  TillsynsobjektStatus,
  Verksamhetsomrade,
  Verksamhetstyp,
} from '../../src/seed/world-types.ts';

/** The care register's tables: the read model the source exposes as views. */
export interface CareRegisterDatabase {
  huvudman: { id: string; organisationsnummer: string; namn: string; huvudmannatyp: Huvudmannatyp };
  verksamhet: {
    id: string;
    huvudman_id: string;
    namn: string;
    tillstand_datum: string | null;
    tillstand_omfattning: string | null;
    tillstand_status: Tillstandsstatus | null;
  };
  tillsynsobjekt: {
    id: string;
    verksamhet_id: string;
    huvudman_id: string;
    namn: string;
    verksamhetstyp: Verksamhetstyp;
    verksamhetsomrade: Verksamhetsomrade;
    status: TillsynsobjektStatus;
    kommun_kod: string;
    lan_kod: string;
    gatuadress: string;
    postnummer: string;
    postort: string;
    telefon: string;
    epost: string;
    alder_fran: number;
    alder_till: number;
    kon: Kon;
    antal_platser: number;
    tillstandsdatum: string | null;
    /** 1 for a protected housing unit, 0 otherwise. */
    skyddat_boende: number;
    senast_andrad: string;
  };
  tillsynsobjekt_malgrupp: { tillsynsobjekt_id: string; malgrupp: Malgrupp };
}

export type HuvudmanRow = CareRegisterDatabase['huvudman'];
export type VerksamhetRow = CareRegisterDatabase['verksamhet'];
export type TillsynsobjektRow = CareRegisterDatabase['tillsynsobjekt'];
