/** Raised when a database cannot be opened or reached; resolvers let it through and callers get SOURCE_UNAVAILABLE. */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

/** SQLite result codes that mean the file cannot be read now, as opposed to a bad statement. */
const SQLITE_UNAVAILABLE_CODES = /^SQLITE_(CANTOPEN|IOERR|BUSY|LOCKED|NOTADB|CORRUPT|PROTOCOL)/;
/** tedious codes for a connection that failed, closed or timed out, rather than a statement SQL Server rejected. */
const TEDIOUS_UNAVAILABLE_CODES = new Set(['ESOCKET', 'ETIMEOUT', 'ECLOSE', 'EINVALIDSTATE', 'ELOGIN', 'ECONNRESET']);

/**
 * Returns whether an error means the database is down or unreachable: a SQLite file that cannot
 * be opened, read or locked, a SQL Server connection that failed, or a pool that found no free
 * connection in time. Errors of the statement itself (a syntax error, a constraint) return false.
 * The error's `cause` chain is followed, since drivers and DataLoader may wrap it.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (current.name === 'DatabaseUnavailableError') return true;
    if (current.name === 'SqliteError' && typeof code === 'string' && SQLITE_UNAVAILABLE_CODES.test(code)) return true;
    if (current.name === 'ConnectionError') return true;
    if (current.name === 'RequestError' && typeof code === 'string' && TEDIOUS_UNAVAILABLE_CODES.has(code)) return true;
    // tarn raises TimeoutError when no connection could be acquired in time.
    if (current.name === 'TimeoutError' && current.message.includes('acquir')) return true;
  }
  return false;
}
