import type { Verksamhetsomrade } from '../../src/seed/world-types.ts';

/** The committee register's tables: the read model the source exposes as views. */
export interface CommitteesDatabase {
  lan: { kod: string; namn: string };
  kommun: { kod: string; namn: string; lan_kod: string };
  namnd: { id: string; namn: string; kommun_kod: string };
  namnd_verksamhetsomrade: { namnd_id: string; verksamhetsomrade: Verksamhetsomrade };
}

export type LanRow = CommitteesDatabase['lan'];
export type KommunRow = CommitteesDatabase['kommun'];
export type NamndRow = CommitteesDatabase['namnd'];
