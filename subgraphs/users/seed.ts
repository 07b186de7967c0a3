import type { Kysely } from 'kysely';
import { insertTables } from '../../src/db/insert-rows.ts';
import type { World } from '../../src/seed/world-types.ts';
import type { SeedProgress } from '../../src/subgraph/subgraph-module.ts';
import type { UsersDatabase } from './database.ts';

/** Writes users and their roles from the world into the reporter register. */
export async function seed(db: Kysely<UsersDatabase>, world: World, progress: SeedProgress): Promise<void> {
  const tables = [
    [
      'anvandare',
      world.anvandare.map((user) => ({ id: user.id, namn: user.namn, epost: user.epost, personnummer: user.personnummer, hsa_id: user.hsaId })),
    ],
    [
      'rolltilldelning',
      world.rolltilldelningar.map((role) => ({
        id: role.id,
        anvandare_id: role.anvandareId,
        roll: role.roll,
        namnd_id: role.namndId,
        giltig_fran: role.giltigFran,
        giltig_till: role.giltigTill,
        version: 1,
      })),
    ],
    [
      'rolltilldelning_omrade',
      world.rolltilldelningar.flatMap((role) => role.verksamhetsomraden.map((omrade) => ({ rolltilldelning_id: role.id, verksamhetsomrade: omrade }))),
    ],
    ['namnd_omrade', world.namnder.flatMap((namnd) => namnd.verksamhetsomraden.map((omrade) => ({ namnd_id: namnd.id, verksamhetsomrade: omrade })))],
  ] as const;

  await insertTables(db, tables, progress);
}
