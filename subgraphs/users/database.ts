import type { Roll, Verksamhetsomrade } from '../../src/seed/world-types.ts';

/** The reporter register's tables: the read model the source exposes as views. */
export interface UsersDatabase {
  anvandare: { id: string; namn: string; epost: string; personnummer: string | null; hsa_id: string | null };
  rolltilldelning: {
    id: string;
    anvandare_id: string;
    roll: Roll;
    namnd_id: string | null;
    giltig_fran: string;
    giltig_till: string | null;
    /** Increases with every change, so a change made against an old version can be detected. */
    version: number;
  };
  rolltilldelning_omrade: { rolltilldelning_id: string; verksamhetsomrade: Verksamhetsomrade };
  /** The areas each committee reports for, as the reporter register keeps them. */
  namnd_omrade: { namnd_id: string; verksamhetsomrade: Verksamhetsomrade };
  /** Append-only log of every change made through the graph: who, when, before and after. */
  rolltilldelning_andring: {
    id: number | undefined;
    tidpunkt: string;
    utford_av: string | null;
    utford_av_roller: string;
    request_id: string;
    andring: 'LAGG_TILL' | 'ANDRA' | 'AVSLUTA';
    rolltilldelning_id: string;
    fore: string | null;
    efter: string;
  };
}

export type AnvandareRow = UsersDatabase['anvandare'];
export type RolltilldelningRow = UsersDatabase['rolltilldelning'];
