import fs from 'node:fs';
import { sql } from 'kysely';
import { parseDatabaseUrl } from '../db/database-url.ts';
import { migrateToLatest } from '../db/migrate-to-latest.ts';
import { openDatabase, type Database } from '../db/open-database.ts';
import { generateWorld } from '../seed/generate-world.ts';
import type { World } from '../seed/world-types.ts';
import type { SeedProgress, SubgraphModule } from './subgraph-module.ts';

/** The opened database and whether `prepareDatabase` seeded it. */
export interface PreparedDatabase<Schema> {
  database: Database<Schema>;
  /** True when this call wrote the seed, false when the database was seeded already. */
  seeded: boolean;
}

/** Options of `prepareDatabase`. */
export interface PrepareOptions {
  /** Scale of a seed written now; ignored when the database contains one already. */
  scale: number;
  /** A world generated already, shared between subgraphs seeded in one process. */
  world?: () => World;
  /** Delete the embedded database file (on PostgreSQL, every table) first, so the seed is written anew. */
  reseed?: boolean;
  progress?: SeedProgress;
}

/**
 * Opens a subgraph's database, applies its migrations and, when the embedded database contains no
 * seed yet, writes one in a single transaction, so a failed seed leaves no half-written tables.
 * A SQL Server database is only opened.
 */
export async function prepareDatabase<Schema>(module: SubgraphModule<Schema>, url: string, options: PrepareOptions): Promise<PreparedDatabase<Schema>> {
  if (options.reseed) await removeSeededData(url);
  const database = openDatabase<Schema>(url);
  // On SQL Server the subgraph reads views over IVO's own systems: nothing is created or seeded.
  if (database.dialect === 'mssql') return { database, seeded: false };
  try {
    await migrateToLatest(database.db, module.migrations);
    await sql`create table if not exists seed_metadata (scale integer not null, seeded_at text not null, migrations text)`.execute(database.db);

    // A seed written before a later migration may lack rows that migration's tables need, so an
    // embedded database seeded under other migrations is written anew.
    const migrationNames = Object.keys(module.migrations).sort().join(',');
    const existing = await sql<{ scale: number; migrations?: string | null }>`select * from seed_metadata`.execute(database.db);
    const stored = existing.rows[0];
    if (stored && stored.migrations === migrationNames) return { database, seeded: false };
    if (stored) {
      await database.close();
      return prepareDatabase(module, url, { ...options, scale: stored.scale, reseed: true });
    }

    const world = options.world ? options.world() : generateWorld({ scale: options.scale });
    await database.db.transaction().execute(async (trx) => {
      await module.seed(trx, world, options.progress ?? (() => {}));
      await sql`delete from seed_metadata`.execute(trx);
      await sql`insert into seed_metadata (scale, seeded_at, migrations) values (${options.scale}, ${new Date().toISOString()}, ${migrationNames})`.execute(trx);
    });
    return { database, seeded: true };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Returns the scale of the seed a database contains, or null when it contains none. */
export async function readSeedScale(database: Database<unknown>): Promise<number | null> {
  const result = await sql<{ scale: number }>`select scale from seed_metadata`.execute(database.db);
  return result.rows[0]?.scale ?? null;
}

async function removeSeededData(url: string): Promise<void> {
  const parsed = parseDatabaseUrl(url);
  if (parsed.dialect === 'sqlite') {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${parsed.file}${suffix}`, { force: true });
    return;
  }
  if (parsed.dialect !== 'postgres') return;

  // The tables, the migration log and the seed marker all live in the public schema.
  const database = openDatabase(url);
  try {
    await sql`drop schema public cascade`.execute(database.db);
    await sql`create schema public`.execute(database.db);
  } finally {
    await database.close();
  }
}
