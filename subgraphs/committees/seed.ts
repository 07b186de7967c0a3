import type { Kysely } from 'kysely';
import { insertTables } from '../../src/db/insert-rows.ts';
import type { World } from '../../src/seed/world-types.ts';
import type { SeedProgress } from '../../src/subgraph/subgraph-module.ts';
import type { CommitteesDatabase } from './database.ts';

/** Writes counties, municipalities and committees from the world into the committee register. */
export async function seed(db: Kysely<CommitteesDatabase>, world: World, progress: SeedProgress): Promise<void> {
  const tables = [
    ['lan', world.lan.map((lan) => ({ kod: lan.kod, namn: lan.namn }))],
    ['kommun', world.kommuner.map((kommun) => ({ kod: kommun.kod, namn: kommun.namn, lan_kod: kommun.lanKod }))],
    ['namnd', world.namnder.map((namnd) => ({ id: namnd.id, namn: namnd.namn, kommun_kod: namnd.kommunKod }))],
    [
      'namnd_verksamhetsomrade',
      world.namnder.flatMap((namnd) => namnd.verksamhetsomraden.map((omrade) => ({ namnd_id: namnd.id, verksamhetsomrade: omrade }))),
    ],
  ] as const;

  await insertTables(db, tables, progress);
}
