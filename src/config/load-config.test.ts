import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './load-config.ts';

describe('loadConfig', () => {
  it('uses the documented defaults for an empty environment', () => {
    const config = loadConfig({});

    expect(config.host).toBe('127.0.0.1');
    expect(config.routerPort).toBe(4000);
    expect(config.subgraphPorts).toEqual({ 'care-register': 4001, cases: 4002, committees: 4003, users: 4004 });
    expect(config.dataDir).toBe(path.resolve('.data'));
    expect(config.databaseUrls.cases).toBe(`sqlite:${path.resolve('.data', 'cases.sqlite')}`);
    expect(config.logLevel).toBe('info');
    expect(config.seedScale).toBe(1);
    expect(config.subgraphTimeoutMs).toBe(10_000);
    expect(config.metrics).toEqual({ host: '127.0.0.1', routerPort: 9400, subgraphPorts: { 'care-register': 9401, cases: 9402, committees: 9403, users: 9404 } });
  });

  it('reads the timeout and metrics variables', () => {
    const config = loadConfig({ IVO_SUBGRAPH_TIMEOUT_MS: '2500', IVO_METRICS_HOST: '0.0.0.0', IVO_ROUTER_METRICS_PORT: '9100', IVO_CASES_METRICS_PORT: '9102' });

    expect(config.subgraphTimeoutMs).toBe(2500);
    expect(config.metrics.host).toBe('0.0.0.0');
    expect(config.metrics.routerPort).toBe(9100);
    expect(config.metrics.subgraphPorts.cases).toBe(9102);
  });

  it('reads every variable it documents', () => {
    const config = loadConfig({
      IVO_HOST: '::1',
      IVO_ROUTER_PORT: '5000',
      IVO_CASES_PORT: '5002',
      IVO_DATA_DIR: '/tmp/ivo',
      IVO_USERS_DATABASE_URL: `sqlite:${os.tmpdir()}/users.sqlite`,
      LOG_LEVEL: 'debug',
      IVO_SEED_SCALE: '8',
    });

    expect(config.host).toBe('::1');
    expect(config.routerPort).toBe(5000);
    expect(config.subgraphPorts.cases).toBe(5002);
    expect(config.databaseUrls.committees).toBe('sqlite:/tmp/ivo/committees.sqlite');
    expect(config.databaseUrls.users).toBe(`sqlite:${os.tmpdir()}/users.sqlite`);
    expect(config.logLevel).toBe('debug');
    expect(config.seedScale).toBe(8);
  });

  it.each([
    ['IVO_ROUTER_PORT', 'fyra', 'IVO_ROUTER_PORT ska vara ett portnummer mellan 1 och 65535 (fick "fyra").'],
    ['IVO_CASES_PORT', '70000', 'IVO_CASES_PORT ska vara ett portnummer mellan 1 och 65535 (fick "70000").'],
    ['LOG_LEVEL', 'loud', 'LOG_LEVEL ska vara en av fatal, error, warn, info, debug, trace, silent (fick "loud").'],
    ['IVO_SEED_SCALE', '0', 'IVO_SEED_SCALE ska vara ett heltal från 1 till 64 (fick "0").'],
    ['IVO_CASES_DATABASE_URL', 'mysql://db/cases', 'IVO_CASES_DATABASE_URL: okänt schema "mysql:"; använd sqlite:<fil>, mssql://användare:lösenord@värd:1433/databas eller postgres://användare:lösenord@värd:5432/databas.'],
    ['IVO_CASES_DATABASE_URL', 'sqlite:/finns-inte/ivo/cases.sqlite', 'IVO_CASES_DATABASE_URL: mappen /finns-inte/ivo finns inte. Skapa den eller rätta sökvägen; bara IVO_DATA_DIR skapas av sig själv.'],
    ['IVO_USERS_DATABASE_URL', 'mssql://graf:hemligt@db.ivo.se/', 'IVO_USERS_DATABASE_URL: mssql-adressen saknar databas.'],
    ['IVO_USERS_DATABASE_URL', 'mssql://graf:hemligt@db.ivo.se/rapp?poolMax=0', 'IVO_USERS_DATABASE_URL: poolMax ska vara ett heltal från 1 till 100 (fick "0").'],
    ['IVO_USERS_DATABASE_URL', 'mssql://graf:hemligt@db.ivo.se/rapp?pool=5', 'IVO_USERS_DATABASE_URL: okänt alternativ "pool"; tillåtna är encrypt, trustServerCertificate, poolMin, poolMax, connectTimeoutMs, requestTimeoutMs.'],
    ['IVO_HOST', ' 127.0.0.1', 'IVO_HOST får inte börja eller sluta med blanksteg (fick " 127.0.0.1").'],
    ['IVO_HOST', 'not a host', 'IVO_HOST ska vara en IP-adress eller ett värdnamn, till exempel 127.0.0.1 (fick "not a host").'],
    ['IVO_HOST', '300.1.1.1', 'IVO_HOST ska vara en IP-adress eller ett värdnamn, till exempel 127.0.0.1 (fick "300.1.1.1").'],
    ['IVO_ACCESS_CONTEXT_TTL_SECONDS', '61', 'IVO_ACCESS_CONTEXT_TTL_SECONDS ska vara ett heltal från 0 till 60 (fick "61").'],
    ['IVO_CORS_ORIGINS', 'https://mina-sidor.ivo.se/app', 'IVO_CORS_ORIGINS ska vara kommaseparerade ursprung som https://mina-sidor.ivo.se, utan sökväg (fick "https://mina-sidor.ivo.se/app").'],
    ['IVO_TOKEN_JWKS_URL', 'ftp://idp/jwks', 'IVO_TOKEN_JWKS_URL ska vara en http- eller https-adress (fick "ftp://idp/jwks").'],
    ['IVO_SUBGRAPH_TIMEOUT_MS', '50', 'IVO_SUBGRAPH_TIMEOUT_MS ska vara ett heltal från 100 till 300000 (fick "50").'],
    ['IVO_SUBGRAPH_TIMEOUT_MS', '10s', 'IVO_SUBGRAPH_TIMEOUT_MS ska vara ett heltal från 100 till 300000 (fick "10s").'],
    ['IVO_METRICS_HOST', 'not a host', 'IVO_METRICS_HOST ska vara en IP-adress eller ett värdnamn, till exempel 127.0.0.1 (fick "not a host").'],
    ['IVO_COMMITTEES_METRICS_PORT', '0', 'IVO_COMMITTEES_METRICS_PORT ska vara ett portnummer mellan 1 och 65535 (fick "0").'],
    ['IVO_TOKEN_PUBLIC_KEY', 'not a key', 'IVO_TOKEN_PUBLIC_KEY ska vara en nyckel i PEM-format som börjar med -----BEGIN PUBLIC KEY-----.'],
  ])('rejects a bad %s with a message naming it', (variable, value, message) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(new ConfigError(variable, message));
  });

  it('requires a caller token key in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow('I produktion (NODE_ENV=production) måste IVO_TOKEN_JWKS_URL eller IVO_TOKEN_PUBLIC_KEY anges.');
  });

  it('leaves the benchmark switches off by default', () => {
    expect(loadConfig({}).benchmark).toEqual({ disableShield: false, exposeCounters: false });
    expect(loadConfig({ IVO_BENCHMARK_DISABLE_SHIELD: '0', IVO_BENCHMARK_COUNTERS: '0' }).benchmark).toEqual({ disableShield: false, exposeCounters: false });
  });

  it('reads the benchmark switches outside production', () => {
    expect(loadConfig({ IVO_BENCHMARK_DISABLE_SHIELD: '1', IVO_BENCHMARK_COUNTERS: '1' }).benchmark).toEqual({ disableShield: true, exposeCounters: true });
  });

  it('rejects a benchmark switch that is not 1 or 0', () => {
    expect(() => loadConfig({ IVO_BENCHMARK_DISABLE_SHIELD: 'true' })).toThrow(
      new ConfigError('IVO_BENCHMARK_DISABLE_SHIELD', 'IVO_BENCHMARK_DISABLE_SHIELD ska vara 1 eller 0 (fick "true").'),
    );
  });

  it.each(['IVO_BENCHMARK_DISABLE_SHIELD', 'IVO_BENCHMARK_COUNTERS'])('rejects %s in production', (variable) => {
    const production = { NODE_ENV: 'production', IVO_TOKEN_ISSUER: 'https://idp.test', IVO_TOKEN_JWKS_URL: 'https://idp.test/jwks' };
    expect(loadConfig(production).benchmark).toEqual({ disableShield: false, exposeCounters: false });
    expect(() => loadConfig({ ...production, [variable]: '1' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...production, [variable]: '1' })).toThrow(`${variable} `);
  });

  it('requires an issuer with a configured key', () => {
    expect(() => loadConfig({ IVO_TOKEN_JWKS_URL: 'https://idp.test/jwks' })).toThrow(
      'IVO_TOKEN_ISSUER måste anges när IVO_TOKEN_JWKS_URL eller IVO_TOKEN_PUBLIC_KEY är satt.',
    );
  });

  it('accepts IPv6 and host names', () => {
    expect(loadConfig({ IVO_HOST: '::1' }).host).toBe('::1');
    expect(loadConfig({ IVO_HOST: 'graf.ivo.local' }).host).toBe('graf.ivo.local');
  });

  it('rejects two servers on the same port', () => {
    expect(() => loadConfig({ IVO_USERS_PORT: '4000' })).toThrow('IVO_USERS_PORT och IVO_ROUTER_PORT har samma port 4000; varje server behöver en egen port.');
    expect(() => loadConfig({ IVO_ROUTER_METRICS_PORT: '4002' })).toThrow('IVO_ROUTER_METRICS_PORT och IVO_CASES_PORT har samma port 4002; varje server behöver en egen port.');
  });
});
