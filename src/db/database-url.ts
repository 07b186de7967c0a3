/** An embedded SQLite database in a file. */
export interface SqliteUrl {
  dialect: 'sqlite';
  file: string;
}

/** A SQL Server database reached over TDS, with the pool and timeout settings the URL gives. */
export interface MssqlUrl {
  dialect: 'mssql';
  host: string;
  port: number;
  database: string;
  user: string;
  password: string;
  encrypt: boolean;
  trustServerCertificate: boolean;
  poolMin: number;
  poolMax: number;
  connectTimeoutMs: number;
  requestTimeoutMs: number;
}

export type DatabaseUrl = SqliteUrl | MssqlUrl;

/** Raised for a database URL that cannot be used; the message never contains the password. */
export class DatabaseUrlError extends Error {
  override name = 'DatabaseUrlError';
}

const MSSQL_OPTIONS = ['encrypt', 'trustServerCertificate', 'poolMin', 'poolMax', 'connectTimeoutMs', 'requestTimeoutMs'] as const;

/**
 * Parses a database URL: `sqlite:<file>`, or
 * `mssql://<user>:<password>@<host>[:<port>]/<database>?encrypt=true&trustServerCertificate=false&poolMin=0&poolMax=10&connectTimeoutMs=15000&requestTimeoutMs=15000`,
 * where every query option is optional and has the default shown. Messages are Swedish and
 * never repeat the password.
 */
export function parseDatabaseUrl(value: string): DatabaseUrl {
  if (value.startsWith('sqlite:')) {
    const file = value.slice('sqlite:'.length);
    if (file === '') throw new DatabaseUrlError('sqlite: saknar sökväg till databasfilen, till exempel sqlite:.data/cases.sqlite.');
    return { dialect: 'sqlite', file };
  }
  if (!value.startsWith('mssql://')) {
    throw new DatabaseUrlError(`okänt schema "${value.split(':')[0]}:"; använd sqlite:<fil> eller mssql://användare:lösenord@värd:1433/databas.`);
  }

  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new DatabaseUrlError('mssql-adressen går inte att tolka; skriv mssql://användare:lösenord@värd:1433/databas (specialtecken i lösenordet URL-kodade).');
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  const missing = [!url.hostname && 'värd', !database && 'databas', !url.username && 'användare', !url.password && 'lösenord'].filter(Boolean);
  if (missing.length > 0) throw new DatabaseUrlError(`mssql-adressen saknar ${missing.join(', ')}.`);
  if (database.includes('/')) throw new DatabaseUrlError(`mssql-adressens databasnamn får inte innehålla "/" (fick "${database}").`);

  for (const key of url.searchParams.keys()) {
    if (!(MSSQL_OPTIONS as readonly string[]).includes(key)) throw new DatabaseUrlError(`okänt alternativ "${key}"; tillåtna är ${MSSQL_OPTIONS.join(', ')}.`);
  }
  const poolMin = readInteger(url, 'poolMin', 0, 0, 100);
  const poolMax = readInteger(url, 'poolMax', 10, 1, 100);
  if (poolMin > poolMax) throw new DatabaseUrlError(`poolMin (${poolMin}) får inte vara större än poolMax (${poolMax}).`);

  return {
    dialect: 'mssql',
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port === '' ? 1433 : Number(url.port),
    database,
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    encrypt: readBoolean(url, 'encrypt', true),
    trustServerCertificate: readBoolean(url, 'trustServerCertificate', false),
    poolMin,
    poolMax,
    connectTimeoutMs: readInteger(url, 'connectTimeoutMs', 15_000, 100, 600_000),
    requestTimeoutMs: readInteger(url, 'requestTimeoutMs', 15_000, 100, 600_000),
  };
}

/** Describes a database URL for logs and messages, without the password. */
export function describeDatabaseUrl(url: DatabaseUrl): string {
  return url.dialect === 'sqlite' ? `sqlite:${url.file}` : `mssql://${url.user}@${url.host}:${url.port}/${url.database}`;
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
