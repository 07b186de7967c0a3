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
  });

  it('reads every variable it documents', () => {
    const config = loadConfig({
      IVO_HOST: '::1',
      IVO_ROUTER_PORT: '5000',
      IVO_CASES_PORT: '5002',
      IVO_DATA_DIR: '/tmp/ivo',
      IVO_USERS_DATABASE_URL: 'sqlite:/srv/users.sqlite',
      LOG_LEVEL: 'debug',
      IVO_SEED_SCALE: '8',
    });

    expect(config.host).toBe('::1');
    expect(config.routerPort).toBe(5000);
    expect(config.subgraphPorts.cases).toBe(5002);
    expect(config.databaseUrls.committees).toBe('sqlite:/tmp/ivo/committees.sqlite');
    expect(config.databaseUrls.users).toBe('sqlite:/srv/users.sqlite');
    expect(config.logLevel).toBe('debug');
    expect(config.seedScale).toBe(8);
  });

  it.each([
    ['IVO_ROUTER_PORT', 'fyra', 'IVO_ROUTER_PORT ska vara ett portnummer mellan 1 och 65535 (fick "fyra").'],
    ['IVO_CASES_PORT', '70000', 'IVO_CASES_PORT ska vara ett portnummer mellan 1 och 65535 (fick "70000").'],
    ['LOG_LEVEL', 'loud', 'LOG_LEVEL ska vara en av fatal, error, warn, info, debug, trace, silent (fick "loud").'],
    ['IVO_SEED_SCALE', '0', 'IVO_SEED_SCALE ska vara ett heltal från 1 till 64 (fick "0").'],
    ['IVO_CASES_DATABASE_URL', 'postgres://db/cases', 'IVO_CASES_DATABASE_URL ska ha formen sqlite:<sökväg till fil> (fick "postgres://db/cases").'],
    ['IVO_HOST', ' 127.0.0.1', 'IVO_HOST får inte börja eller sluta med blanksteg (fick " 127.0.0.1").'],
  ])('rejects a bad %s with a message naming it', (variable, value, message) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(new ConfigError(variable, message));
  });

  it('rejects two servers on the same port', () => {
    expect(() => loadConfig({ IVO_USERS_PORT: '4000' })).toThrow('IVO_USERS_PORT och IVO_ROUTER_PORT har samma port 4000; varje server behöver en egen port.');
  });
});
