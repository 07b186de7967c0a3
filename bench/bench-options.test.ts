import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BenchUsageError, parseBenchOptions } from './bench-options.ts';
import { buildVariants } from './variants.ts';

describe('parseBenchOptions', () => {
  it('uses the documented defaults', () => {
    expect(parseBenchOptions([])).toEqual({
      durationSeconds: 10,
      warmupSeconds: 3,
      connections: 8,
      scales: [1, 8],
      routers: ['hive-router-runtime', 'hive-gateway', 'apollo-gateway', 'in-process'],
      scenarios: ['oppen-lista', 'placering', 'evb', 'enhet'],
      withoutShield: true,
      port: 4100,
      dataDir: path.resolve('.data'),
      outputDir: path.resolve('bench/results'),
      progress: true,
    });
  });

  it('returns null for --help', () => {
    expect(parseBenchOptions(['--help'])).toBeNull();
  });

  it('reads lists and numbers', () => {
    const options = parseBenchOptions(['--duration', '3', '--scales', '8,1', '--routers', 'apollo-gateway', '--no-shield-variant'])!;

    expect(options.durationSeconds).toBe(3);
    expect(options.scales).toEqual([8, 1]);
    expect(options.routers).toEqual(['apollo-gateway']);
    expect(options.withoutShield).toBe(false);
  });

  it.each([
    [['--duration', '0'], '--duration ska vara ett heltal från 1 till 3600 (fick "0").'],
    [['--scales', '1,x'], '--scales ska vara ett heltal från 1 till 64 (fick "x").'],
    [['--routers', 'apollo-router'], '--routers: okänt värde "apollo-router"; välj bland hive-router-runtime, hive-gateway, apollo-gateway, in-process.'],
  ])('rejects %j', (argv, message) => {
    expect(() => parseBenchOptions(argv)).toThrow(new BenchUsageError(message));
  });
});

describe('buildVariants', () => {
  it('compares routers at the smallest scale and the shipped router elsewhere', () => {
    expect(buildVariants(['hive-router-runtime', 'apollo-gateway'], [8, 1], true).map((variant) => variant.id)).toEqual([
      'hive-router-runtime/shield/scale-1',
      'apollo-gateway/shield/scale-1',
      'hive-router-runtime/no-shield/scale-1',
      'hive-router-runtime/shield/scale-8',
    ]);
  });
});
