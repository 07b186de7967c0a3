import fs from 'node:fs';
import path from 'node:path';
import { DatabaseUrlError, parseDatabaseUrl, type DatabaseUrl } from '../db/database-url.ts';
import { SUBGRAPH_NAMES, type SubgraphName } from '../subgraph-names.ts';
import { readRequestProtection, type RequestProtection } from './read-request-protection.ts';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Settings shared by the router, the subgraphs and the command line, read from the environment. */
export interface Config {
  /** Address every server listens on. */
  host: string;
  routerPort: number;
  subgraphPorts: Record<SubgraphName, number>;
  /** Folder of the embedded databases. */
  dataDir: string;
  databaseUrls: Record<SubgraphName, string>;
  logLevel: LogLevel;
  /** Scale factor of the seed written on first start. */
  seedScale: number;
  /** True when NODE_ENV is `production`: no development keys, no development identity provider. */
  production: boolean;
  callerToken: CallerTokenConfig;
  /** PEM keys of the router's internal token; null means development keys under the data folder. */
  internalKeys: { privateKeyPem: string | null; publicKeyPem: string | null };
  /** How long the router keeps an access context per identity, at most 60 seconds. */
  accessContextTtlSeconds: number;
  /** Browser origins (IVO_CORS_ORIGINS) that may call the router from another site; empty allows none. */
  corsOrigins: string[];
  devIdentityProviderPort: number;
  auditDatabaseUrl: string;
  /** Time the router waits for one subgraph call before it responds without that subgraph's data, in milliseconds. */
  subgraphTimeoutMs: number;
  /** Address and ports of the Prometheus listeners, apart from the ports that serve GraphQL. */
  metrics: MetricsConfig;
  /** The router's request limits, introspection, persisted documents, rate limit and response cache. */
  requestProtection: RequestProtection;
  /** Switches for the benchmark alone; loadConfig rejects them when NODE_ENV is `production`. */
  benchmark: BenchmarkSwitches;
}

/** Address and ports of the Prometheus `/metrics` listeners, one per process. */
export interface MetricsConfig {
  host: string;
  routerPort: number;
  subgraphPorts: Record<SubgraphName, number>;
}

/** Benchmark-only switches of the subgraphs; both are off unless their variable is `1`. */
export interface BenchmarkSwitches {
  /** IVO_BENCHMARK_DISABLE_SHIELD: serve without graphql-shield, to measure what the rules cost. */
  disableShield: boolean;
  /** IVO_BENCHMARK_COUNTERS: serve request, time and SQL statement counters at `/benchmark/counters`. */
  exposeCounters: boolean;
}

/**
 * Settings for verifying caller tokens from the identification service. With neither a JWKS URL
 * nor a public key outside production, the router trusts the development identity provider's key.
 */
export interface CallerTokenConfig {
  issuer: string;
  audience: string;
  jwksUrl: string | null;
  publicKeyPem: string | null;
  clockToleranceSeconds: number;
}

/** Issuer of the development identity provider's tokens. */
export const DEV_TOKEN_ISSUER = 'ivo-graf-dev-idp';
/** Audience the router expects by default. */
export const DEFAULT_TOKEN_AUDIENCE = 'ivo-graf';

/** Raised at start-up when an environment variable has a value the program cannot use. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

const DEFAULT_SUBGRAPH_PORTS: Record<SubgraphName, number> = {
  'care-register': 4001,
  cases: 4002,
  committees: 4003,
  users: 4004,
};

const DEFAULT_SUBGRAPH_METRICS_PORTS: Record<SubgraphName, number> = {
  'care-register': 9401,
  cases: 9402,
  committees: 9403,
  users: 9404,
};

/** Returns the environment variable prefix of a subgraph, `care-register` → `IVO_CARE_REGISTER`. */
export function subgraphVariablePrefix(name: SubgraphName): string {
  return `IVO_${name.toUpperCase().replaceAll('-', '_')}`;
}

/**
 * Reads and validates the configuration. Every variable is optional; a present but unusable
 * value raises a ConfigError that names the variable, so start-up stops before anything listens.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(readString(env, 'IVO_DATA_DIR', '.data'));
  const subgraphPorts = {} as Record<SubgraphName, number>;
  const databaseUrls = {} as Record<SubgraphName, string>;
  const metricsPorts = {} as Record<SubgraphName, number>;

  for (const name of SUBGRAPH_NAMES) {
    const prefix = subgraphVariablePrefix(name);
    subgraphPorts[name] = readPort(env, `${prefix}_PORT`, DEFAULT_SUBGRAPH_PORTS[name]);
    databaseUrls[name] = readDatabaseUrl(env, `${prefix}_DATABASE_URL`, `sqlite:${path.join(dataDir, `${name}.sqlite`)}`);
    metricsPorts[name] = readPort(env, `${prefix}_METRICS_PORT`, DEFAULT_SUBGRAPH_METRICS_PORTS[name]);
  }

  const config: Config = {
    host: readHost(env, 'IVO_HOST', '127.0.0.1'),
    routerPort: readPort(env, 'IVO_ROUTER_PORT', 4000),
    subgraphPorts,
    dataDir,
    databaseUrls,
    logLevel: readLogLevel(env, 'LOG_LEVEL', 'info'),
    seedScale: readScale(env, 'IVO_SEED_SCALE', 1),
    production: env.NODE_ENV === 'production',
    callerToken: readCallerToken(env),
    internalKeys: {
      privateKeyPem: readPem(env, 'IVO_INTERNAL_PRIVATE_KEY', 'PRIVATE KEY'),
      publicKeyPem: readPem(env, 'IVO_INTERNAL_PUBLIC_KEY', 'PUBLIC KEY'),
    },
    accessContextTtlSeconds: readInteger(env, 'IVO_ACCESS_CONTEXT_TTL_SECONDS', 60, 0, 60),
    corsOrigins: readOrigins(env, 'IVO_CORS_ORIGINS'),
    devIdentityProviderPort: readPort(env, 'IVO_DEV_IDP_PORT', 4010),
    auditDatabaseUrl: readDatabaseUrl(env, 'IVO_AUDIT_DATABASE_URL', `sqlite:${path.join(dataDir, 'audit.sqlite')}`),
    subgraphTimeoutMs: readInteger(env, 'IVO_SUBGRAPH_TIMEOUT_MS', 10_000, 100, 300_000),
    metrics: {
      host: readHost(env, 'IVO_METRICS_HOST', '127.0.0.1'),
      routerPort: readPort(env, 'IVO_ROUTER_METRICS_PORT', 9400),
      subgraphPorts: metricsPorts,
    },
    benchmark: {
      disableShield: readSwitch(env, 'IVO_BENCHMARK_DISABLE_SHIELD'),
      exposeCounters: readSwitch(env, 'IVO_BENCHMARK_COUNTERS'),
    },
    requestProtection: readRequestProtection(env, env.NODE_ENV === 'production'),
  };
  rejectSharedPorts(config);
  rejectDevelopmentDefaultsInProduction(config);
  return config;
}

function readString(env: NodeJS.ProcessEnv, variable: string, fallback: string): string {
  const value = env[variable];
  if (value === undefined || value === '') return fallback;
  if (value.trim() !== value) {
    throw new ConfigError(variable, `${variable} får inte börja eller sluta med blanksteg (fick "${value}").`);
  }
  return value;
}

function readPort(env: NodeJS.ProcessEnv, variable: string, fallback: number): number {
  const value = env[variable];
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65535) {
    throw new ConfigError(variable, `${variable} ska vara ett portnummer mellan 1 och 65535 (fick "${value}").`);
  }
  return port;
}

function readOrigins(env: NodeJS.ProcessEnv, variable: string): string[] {
  const value = env[variable]?.trim();
  if (!value) return [];
  const origins = value.split(',').map((origin) => origin.trim());
  for (const origin of origins) {
    if (!/^https?:\/\/[A-Za-z0-9.[\]:-]+$/.test(origin) || origin.endsWith(':')) {
      throw new ConfigError(variable, `${variable} ska vara kommaseparerade ursprung som https://mina-sidor.ivo.se, utan sökväg (fick "${origin}").`);
    }
  }
  return origins;
}

function readHost(env: NodeJS.ProcessEnv, variable: string, fallback: string): string {
  const host = readString(env, variable, fallback);
  const ipv4 = /^(\d{1,3})(\.\d{1,3}){3}$/.test(host) && host.split('.').every((part) => Number(part) <= 255);
  const ipv6 = /^[0-9A-Fa-f:]+$/.test(host) && host.includes(':');
  const hostname = /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/.test(host);
  // Only digits and dots must form an IPv4 address; host names may not pass for a bad one.
  const numeric = /^[\d.]+$/.test(host);
  if (numeric ? !ipv4 : !ipv6 && !hostname) {
    throw new ConfigError(variable, `${variable} ska vara en IP-adress eller ett värdnamn, till exempel 127.0.0.1 (fick "${host}").`);
  }
  return host;
}

/** Reads a whole number from `minimum` to `maximum`, or `fallback` when the variable is unset. */
export function readInteger(env: NodeJS.ProcessEnv, variable: string, fallback: number, minimum: number, maximum: number): number {
  const value = env[variable];
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < minimum || number > maximum) {
    throw new ConfigError(variable, `${variable} ska vara ett heltal från ${minimum} till ${maximum} (fick "${value}").`);
  }
  return number;
}

function readPem(env: NodeJS.ProcessEnv, variable: string, label: 'PRIVATE KEY' | 'PUBLIC KEY'): string | null {
  const value = env[variable];
  if (value === undefined || value === '') return null;
  // Environments that cannot hold line breaks may write them as \n.
  const pem = value.replaceAll('\\n', '\n').trim();
  if (!pem.startsWith(`-----BEGIN ${label}-----`) || !pem.endsWith(`-----END ${label}-----`)) {
    throw new ConfigError(variable, `${variable} ska vara en nyckel i PEM-format som börjar med -----BEGIN ${label}-----.`);
  }
  return `${pem}\n`;
}

function readCallerToken(env: NodeJS.ProcessEnv): CallerTokenConfig {
  const jwksUrl = env.IVO_TOKEN_JWKS_URL || null;
  if (jwksUrl !== null && !/^https?:\/\/[^\s]+$/.test(jwksUrl)) {
    throw new ConfigError('IVO_TOKEN_JWKS_URL', `IVO_TOKEN_JWKS_URL ska vara en http- eller https-adress (fick "${jwksUrl}").`);
  }
  const publicKeyPem = readPem(env, 'IVO_TOKEN_PUBLIC_KEY', 'PUBLIC KEY');
  if (jwksUrl !== null && publicKeyPem !== null) {
    throw new ConfigError('IVO_TOKEN_PUBLIC_KEY', 'Ange antingen IVO_TOKEN_JWKS_URL eller IVO_TOKEN_PUBLIC_KEY, inte båda.');
  }
  const configured = jwksUrl !== null || publicKeyPem !== null;
  const issuer = readString(env, 'IVO_TOKEN_ISSUER', configured ? '' : DEV_TOKEN_ISSUER);
  if (configured && issuer === '') {
    throw new ConfigError('IVO_TOKEN_ISSUER', 'IVO_TOKEN_ISSUER måste anges när IVO_TOKEN_JWKS_URL eller IVO_TOKEN_PUBLIC_KEY är satt.');
  }
  return {
    issuer,
    audience: readString(env, 'IVO_TOKEN_AUDIENCE', DEFAULT_TOKEN_AUDIENCE),
    jwksUrl,
    publicKeyPem,
    clockToleranceSeconds: readInteger(env, 'IVO_TOKEN_CLOCK_TOLERANCE_SECONDS', 30, 0, 300),
  };
}

function readSwitch(env: NodeJS.ProcessEnv, variable: string): boolean {
  const value = env[variable];
  if (value === undefined || value === '' || value === '0') return false;
  if (value !== '1') throw new ConfigError(variable, `${variable} ska vara 1 eller 0 (fick "${value}").`);
  return true;
}

function rejectDevelopmentDefaultsInProduction(config: Config): void {
  if (!config.production) return;
  // The benchmark switches turn off access rules and expose internals, so production never takes them.
  if (config.benchmark.disableShield) {
    throw new ConfigError('IVO_BENCHMARK_DISABLE_SHIELD', 'IVO_BENCHMARK_DISABLE_SHIELD stänger av behörighetsreglerna och är bara till för prestandamätningar; ta bort den i produktion (NODE_ENV=production).');
  }
  if (config.benchmark.exposeCounters) {
    throw new ConfigError('IVO_BENCHMARK_COUNTERS', 'IVO_BENCHMARK_COUNTERS är bara till för prestandamätningar; ta bort den i produktion (NODE_ENV=production).');
  }
  if (config.callerToken.jwksUrl === null && config.callerToken.publicKeyPem === null) {
    throw new ConfigError('IVO_TOKEN_JWKS_URL', 'I produktion (NODE_ENV=production) måste IVO_TOKEN_JWKS_URL eller IVO_TOKEN_PUBLIC_KEY anges.');
  }
}

function readScale(env: NodeJS.ProcessEnv, variable: string, fallback: number): number {
  const value = env[variable];
  if (value === undefined || value === '') return fallback;
  return parseScale(value, variable);
}

/** Parses a seed scale factor: a whole number from 1 to 64. */
export function parseScale(value: string, variable: string): number {
  const scale = Number(value);
  if (!/^\d+$/.test(value) || scale < 1 || scale > 64) {
    throw new ConfigError(variable, `${variable} ska vara ett heltal från 1 till 64 (fick "${value}").`);
  }
  return scale;
}

function readLogLevel(env: NodeJS.ProcessEnv, variable: string, fallback: LogLevel): LogLevel {
  const value = env[variable];
  if (value === undefined || value === '') return fallback;
  if (!(LOG_LEVELS as readonly string[]).includes(value)) {
    throw new ConfigError(variable, `${variable} ska vara en av ${LOG_LEVELS.join(', ')} (fick "${value}").`);
  }
  return value as LogLevel;
}

function readDatabaseUrl(env: NodeJS.ProcessEnv, variable: string, fallback: string): string {
  const value = env[variable];
  if (value === undefined || value === '') return fallback;
  let parsed: DatabaseUrl;
  try {
    parsed = parseDatabaseUrl(value);
  } catch (error) {
    if (!(error instanceof DatabaseUrlError)) throw error;
    throw new ConfigError(variable, `${variable}: ${error.message}`);
  }
  // Only the data folder is created on first start. A typing error in another path would
  // otherwise create a folder anywhere and seed an invented database into it.
  if (parsed.dialect === 'sqlite' && parsed.file !== ':memory:') {
    const folder = path.dirname(path.resolve(parsed.file));
    if (!fs.existsSync(folder)) {
      throw new ConfigError(variable, `${variable}: mappen ${folder} finns inte. Skapa den eller rätta sökvägen; bara IVO_DATA_DIR skapas av sig själv.`);
    }
  }
  return value;
}

function rejectSharedPorts(config: Config): void {
  const seen = new Map<number, string>([[config.routerPort, 'IVO_ROUTER_PORT']]);
  for (const name of SUBGRAPH_NAMES) {
    const variable = `${subgraphVariablePrefix(name)}_PORT`;
    const port = config.subgraphPorts[name];
    const other = seen.get(port);
    if (other) {
      throw new ConfigError(variable, `${variable} och ${other} har samma port ${port}; varje server behöver en egen port.`);
    }
    seen.set(port, variable);
  }
  const metricsPorts: [string, number][] = [
    ['IVO_ROUTER_METRICS_PORT', config.metrics.routerPort],
    ...SUBGRAPH_NAMES.map((name): [string, number] => [`${subgraphVariablePrefix(name)}_METRICS_PORT`, config.metrics.subgraphPorts[name]]),
  ];
  for (const [variable, port] of metricsPorts) {
    const other = seen.get(port);
    if (other) {
      throw new ConfigError(variable, `${variable} och ${other} har samma port ${port}; varje server behöver en egen port.`);
    }
    seen.set(port, variable);
  }
}
