import pg from 'pg';

/** Raised when a database cannot be opened or reached; resolvers let it through and callers get SOURCE_UNAVAILABLE. */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

/** SQLite result codes that mean the file cannot be read now, as opposed to a bad statement. */
const SQLITE_UNAVAILABLE_CODES = /^SQLITE_(CANTOPEN|IOERR|BUSY|LOCKED|NOTADB|CORRUPT|PROTOCOL)/;
/** tedious codes for a connection that failed, closed or timed out, rather than a statement SQL Server rejected. */
const TEDIOUS_UNAVAILABLE_CODES = new Set(['ESOCKET', 'ETIMEOUT', 'ECLOSE', 'EINVALIDSTATE', 'ELOGIN', 'ECONNRESET']);

/**
 * PostgreSQL SQLSTATEs of a server that is unreachable, shutting down or refusing connections:
 * class 08 (connection exception), 57P01 to 57P03 (shutdown, cannot connect now), 53300 (too many
 * connections), and 55000 with a database that does not accept connections.
 */
const POSTGRES_UNAVAILABLE_CODES = /^(08...|57P0[1-3]|53300)$/;
/** Node's socket error codes, as pg reports a server it cannot reach. */
const SOCKET_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE']);

/**
 * Returns whether an error means the database is down or unreachable: a SQLite file that cannot
 * be opened, read or locked, a SQL Server or PostgreSQL connection that failed, or a pool that
 * found no free connection in time. Errors of the statement itself (a syntax error, a constraint) return false.
 * The error's `cause` chain is followed, since drivers and DataLoader may wrap it.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (current.name === 'DatabaseUnavailableError') return true;
    if (current.name === 'SqliteError' && typeof code === 'string' && SQLITE_UNAVAILABLE_CODES.test(code)) return true;
    if (current.name === 'ConnectionError') return true;
    if (current.name === 'RequestError' && typeof code === 'string' && TEDIOUS_UNAVAILABLE_CODES.has(code)) return true;
    if (current instanceof pg.DatabaseError && typeof code === 'string') {
      if (POSTGRES_UNAVAILABLE_CODES.test(code) || (code === '55000' && current.message.includes('accepting connections'))) return true;
    }
    if (typeof code === 'string' && SOCKET_ERROR_CODES.has(code)) return true;
    // pg raises these plain errors for a connection that timed out or closed under it.
    if (/^(timeout exceeded when trying to connect|Connection terminated)/.test(current.message)) return true;
    // tarn raises TimeoutError when no connection could be acquired in time.
    if (current.name === 'TimeoutError' && current.message.includes('acquir')) return true;
  }
  return false;
}
