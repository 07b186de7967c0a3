/** An embedded SQLite database in a file. */
export interface SqliteUrl {
  dialect: 'sqlite';
  file: string;
}

/** Settings shared by the client-server databases: where, who, and the pool and timeouts. */
interface ServerUrl {
  host: string;
  port: number;
  database: string;
  user: string;
  password: string;
  poolMin: number;
  poolMax: number;
  connectTimeoutMs: number;
  requestTimeoutMs: number;
}

/** A SQL Server database reached over TDS, with the pool and timeout settings the URL gives. */
export interface MssqlUrl extends ServerUrl {
  dialect: 'mssql';
  encrypt: boolean;
  trustServerCertificate: boolean;
}

/**
 * A PostgreSQL database. The project runs its migrations, seed and test suite on PostgreSQL to
 * prove the data layer is dialect-neutral on a client-server database; production reads SQL Server.
 */
export interface PostgresUrl extends ServerUrl {
  dialect: 'postgres';
}

export type DatabaseUrl = SqliteUrl | MssqlUrl | PostgresUrl;

/** Raised for a database URL that cannot be used; the message never contains the password. */
export class DatabaseUrlError extends Error {
  override name = 'DatabaseUrlError';
}

const SERVER_OPTIONS = ['poolMin', 'poolMax', 'connectTimeoutMs', 'requestTimeoutMs'] as const;
const MSSQL_OPTIONS = ['encrypt', 'trustServerCertificate', ...SERVER_OPTIONS] as const;
const DEFAULT_PORTS = { mssql: 1433, postgres: 5432 } as const;

/**
 * Parses a database URL: `sqlite:<file>`,
 * `mssql://<user>:<password>@<host>[:<port>]/<database>?encrypt=true&trustServerCertificate=false&poolMin=0&poolMax=10&connectTimeoutMs=15000&requestTimeoutMs=15000`,
 * or `postgres://<user>:<password>@<host>[:<port>]/<database>?poolMin=0&poolMax=10&connectTimeoutMs=15000&requestTimeoutMs=15000`,
 * where every query option is optional and has the default shown. Messages are Swedish and
 * never repeat the password.
 */
export function parseDatabaseUrl(value: string): DatabaseUrl {
  if (value.startsWith('sqlite:')) {
    const file = value.slice('sqlite:'.length);
    if (file === '') throw new DatabaseUrlError('sqlite: saknar sökväg till databasfilen, till exempel sqlite:.data/cases.sqlite.');
    return { dialect: 'sqlite', file };
  }
  if (value.startsWith('mssql://')) {
    const url = parseServerUrl(value, 'mssql', MSSQL_OPTIONS);
    return {
      dialect: 'mssql',
      ...readServerSettings(url, 'mssql'),
      encrypt: readBoolean(url, 'encrypt', true),
      trustServerCertificate: readBoolean(url, 'trustServerCertificate', false),
    };
  }
  if (value.startsWith('postgres://') || value.startsWith('postgresql://')) {
    return { dialect: 'postgres', ...readServerSettings(parseServerUrl(value, 'postgres', SERVER_OPTIONS), 'postgres') };
  }
  throw new DatabaseUrlError(
    `okänt schema "${value.split(':')[0]}:"; använd sqlite:<fil>, mssql://användare:lösenord@värd:1433/databas eller postgres://användare:lösenord@värd:5432/databas.`,
  );
}

/** Describes a database URL for logs and messages, without the password. */
export function describeDatabaseUrl(url: DatabaseUrl): string {
  return url.dialect === 'sqlite' ? `sqlite:${url.file}` : `${url.dialect}://${url.user}@${url.host}:${url.port}/${url.database}`;
}

function parseServerUrl(value: string, scheme: 'mssql' | 'postgres', options: readonly string[]): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new DatabaseUrlError(
      `${scheme}-adressen går inte att tolka; skriv ${scheme}://användare:lösenord@värd:${DEFAULT_PORTS[scheme]}/databas (specialtecken i lösenordet URL-kodade).`,
    );
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  const missing = [!url.hostname && 'värd', !database && 'databas', !url.username && 'användare', !url.password && 'lösenord'].filter(Boolean);
  if (missing.length > 0) throw new DatabaseUrlError(`${scheme}-adressen saknar ${missing.join(', ')}.`);
  if (database.includes('/')) throw new DatabaseUrlError(`${scheme}-adressens databasnamn får inte innehålla "/" (fick "${database}").`);

  for (const key of url.searchParams.keys()) {
    if (!options.includes(key)) throw new DatabaseUrlError(`okänt alternativ "${key}"; tillåtna är ${options.join(', ')}.`);
  }
  return url;
}

function readServerSettings(url: URL, scheme: 'mssql' | 'postgres'): ServerUrl {
  const poolMin = readInteger(url, 'poolMin', 0, 0, 100);
  const poolMax = readInteger(url, 'poolMax', 10, 1, 100);
  if (poolMin > poolMax) throw new DatabaseUrlError(`poolMin (${poolMin}) får inte vara större än poolMax (${poolMax}).`);

  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port === '' ? DEFAULT_PORTS[scheme] : Number(url.port),
    database: decodeURIComponent(url.pathname.replace(/^\//, '')),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    poolMin,
    poolMax,
    connectTimeoutMs: readInteger(url, 'connectTimeoutMs', 15_000, 100, 600_000),
    requestTimeoutMs: readInteger(url, 'requestTimeoutMs', 15_000, 100, 600_000),
  };
}

function readBoolean(url: URL, key: string, fallback: boolean): boolean {
  const value = url.searchParams.get(key);
  if (value === null) return fallback;
  if (value !== 'true' && value !== 'false') throw new DatabaseUrlError(`${key} ska vara true eller false (fick "${value}").`);
  return value === 'true';
}

function readInteger(url: URL, key: string, fallback: number, minimum: number, maximum: number): number {
  const value = url.searchParams.get(key);
  if (value === null) return fallback;
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < minimum || number > maximum) {
    throw new DatabaseUrlError(`${key} ska vara ett heltal från ${minimum} till ${maximum} (fick "${value}").`);
  }
  return number;
}
