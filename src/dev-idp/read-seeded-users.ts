import { openDatabase } from '../db/open-database.ts';

/** A seeded user as the development identity provider offers it. */
export interface SeededUser {
  id: string;
  namn: string;
  /** Personnummer or HSA-id the user logs in with. */
  identitet: string;
  /** The user's current roles in short form, such as `RAPPORTOR N-0001 (SOL_IFO)`. */
  roller: string[];
}

interface UsersTables {
  anvandare: { id: string; namn: string; personnummer: string | null; hsa_id: string | null };
  rolltilldelning: { id: string; anvandare_id: string; roll: string; namnd_id: string | null; giltig_fran: string; giltig_till: string | null };
  rolltilldelning_omrade: { rolltilldelning_id: string; verksamhetsomrade: string };
}

/**
 * Reads users from the reporter register's embedded database, in id order, so the fixed users
 * of the seed come first. Development only: production users log in through IVO's service.
 */
export async function readSeededUsers(usersDatabaseUrl: string, limit: number): Promise<SeededUser[]> {
  const database = openDatabase<UsersTables>(usersDatabaseUrl);
  try {
    const users = await database.db.selectFrom('anvandare').selectAll().orderBy('id').limit(limit).execute();
    if (users.length === 0) return [];
    const roles = await database.db.selectFrom('rolltilldelning').selectAll().where('anvandare_id', 'in', users.map((user) => user.id)).orderBy('id').execute();
    const areas = roles.length === 0 ? [] : await database.db.selectFrom('rolltilldelning_omrade').selectAll().where('rolltilldelning_id', 'in', roles.map((role) => role.id)).execute();

    return users.map((user) => ({
      id: user.id,
      namn: user.namn,
      identitet: (user.personnummer ?? user.hsa_id) as string,
      roller: roles
        .filter((role) => role.anvandare_id === user.id && role.giltig_till === null)
        .map((role) => {
          const roleAreas = areas.filter((area) => area.rolltilldelning_id === role.id).map((area) => area.verksamhetsomrade);
          return `${role.roll}${role.namnd_id ? ` ${role.namnd_id}` : ''} (${roleAreas.join(', ')})`;
        }),
    }));
  } finally {
    await database.close();
  }
}
