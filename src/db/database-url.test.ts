import { describe, expect, it } from 'vitest';
import { DatabaseUrlError, describeDatabaseUrl, parseDatabaseUrl } from './database-url.ts';

describe('parseDatabaseUrl', () => {
  it('reads an embedded SQLite file', () => {
    expect(parseDatabaseUrl('sqlite:.data/cases.sqlite')).toEqual({ dialect: 'sqlite', file: '.data/cases.sqlite' });
  });

  it('reads a SQL Server URL with defaults', () => {
    expect(parseDatabaseUrl('mssql://graf:hem%40ligt@db.ivo.se/Rapportorsregistret')).toEqual({
      dialect: 'mssql',
      host: 'db.ivo.se',
      port: 1433,
      database: 'Rapportorsregistret',
      user: 'graf',
      password: 'hem@ligt',
      encrypt: true,
      trustServerCertificate: false,
      poolMin: 0,
      poolMax: 10,
      connectTimeoutMs: 15_000,
      requestTimeoutMs: 15_000,
    });
  });

  it('reads every SQL Server option', () => {
    const url = parseDatabaseUrl('mssql://graf:x@10.0.0.5:14330/P360?encrypt=false&trustServerCertificate=true&poolMin=2&poolMax=20&connectTimeoutMs=5000&requestTimeoutMs=30000');

    expect(url).toMatchObject({ host: '10.0.0.5', port: 14330, encrypt: false, trustServerCertificate: true, poolMin: 2, poolMax: 20, connectTimeoutMs: 5000, requestTimeoutMs: 30000 });
  });

  it('reads a PostgreSQL URL with defaults and options', () => {
    expect(parseDatabaseUrl('postgres://graf:hem%40ligt@127.0.0.1/arenden?poolMax=4&requestTimeoutMs=2000')).toEqual({
      dialect: 'postgres',
      host: '127.0.0.1',
      port: 5432,
      database: 'arenden',
      user: 'graf',
      password: 'hem@ligt',
      poolMin: 0,
      poolMax: 4,
      connectTimeoutMs: 15_000,
      requestTimeoutMs: 2000,
    });
  });

  it.each([
    ['postgres://graf:x@db/arenden?encrypt=true', 'okänt alternativ "encrypt"; tillåtna är poolMin, poolMax, connectTimeoutMs, requestTimeoutMs.'],
    ['postgresql://graf:x@db/', 'postgres-adressen saknar databas.'],
    ['mssql://graf@db/P360', 'mssql-adressen saknar lösenord.'],
    ['mssql://graf:x@db/P360?encrypt=ja', 'encrypt ska vara true eller false (fick "ja").'],
    ['mssql://graf:x@db/P360?poolMin=5&poolMax=2', 'poolMin (5) får inte vara större än poolMax (2).'],
    ['sqlite:', 'sqlite: saknar sökväg till databasfilen, till exempel sqlite:.data/cases.sqlite.'],
  ])('rejects %s', (url, message) => {
    expect(() => parseDatabaseUrl(url)).toThrow(new DatabaseUrlError(message));
  });

  it('never repeats the password in a message', () => {
    expect(() => parseDatabaseUrl('mssql://graf:Topphemligt1@db/P360?poolMax=x')).toThrow(expect.objectContaining({ message: expect.not.stringContaining('Topphemligt1') }));
  });

  it('describes a URL without its password', () => {
    expect(describeDatabaseUrl(parseDatabaseUrl('mssql://graf:Topphemligt1@db:1433/P360'))).toBe('mssql://graf@db:1433/P360');
    expect(describeDatabaseUrl(parseDatabaseUrl('postgres://graf:Topphemligt1@db/arenden'))).toBe('postgres://graf@db:5432/arenden');
  });
});
