import { setTimeout as sleep } from 'node:timers/promises';
import type { Kysely, Transaction } from 'kysely';

const MAX_ATTEMPTS = 5;

// PostgreSQL: serialization failure, deadlock, unique violation. SQL Server: deadlock victim,
// unique key and unique index violations. SQLite: the database is locked by another writer.
const POSTGRES_CONFLICTS = new Set(['40001', '40P01', '23505']);
const SQL_SERVER_CONFLICTS = new Set([1205, 2627, 2601]);
const SQLITE_CONFLICTS = new Set(['SQLITE_BUSY']);

/**
 * Runs `work` in a serializable transaction and runs it again, up to five attempts in all, when it
 * loses a conflict with a concurrent transaction. `work` must have no effects outside the
 * transaction that a second run would repeat wrongly. A read-then-write step (the next id, "does
 * the person have the role already?", "is this the committee's last huvudrapportör?") is then
 * safe on PostgreSQL and SQL Server too, where two transactions can otherwise read the same state
 * and both write. SQLite runs one writer at a time and ignores the isolation level.
 */
export async function runSerializable<Schema, Result>(db: Kysely<Schema>, work: (trx: Transaction<Schema>) => Promise<Result>): Promise<Result> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().setIsolationLevel('serializable').execute(work);
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isConcurrencyConflict(error)) throw error;
      // A random pause keeps two retrying transactions from colliding again in step.
      await sleep(Math.random() * 20 * attempt);
    }
  }
}

/** Returns whether an error is a database's report that a concurrent transaction won a conflict. */
export function isConcurrencyConflict(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, number } = error as { code?: unknown; number?: unknown };
  if (typeof code === 'string' && (POSTGRES_CONFLICTS.has(code) || SQLITE_CONFLICTS.has(code))) return true;
  return typeof number === 'number' && SQL_SERVER_CONFLICTS.has(number);
}
