import { createRequire } from 'node:module';
import type { LoadRequest, LoadResult } from './run-load.ts';

/** The part of autocannon's programmatic interface this worker uses (autocannon 8). */
interface AutocannonInstance {
  on(event: 'response', listener: (client: unknown, statusCode: number, bytes: number, responseTimeMs: number) => void): void;
}
interface AutocannonResult {
  requests: { total: number };
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  mismatches?: number;
}
type Autocannon = (options: Record<string, unknown>, done: (error: Error | null, result: AutocannonResult) => void) => AutocannonInstance;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

/** Returns the value at quantile `q` (0 to 1) of sorted latencies, nearest rank. */
function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** Counts a response body as failed when it carries an error other than an expected FORBIDDEN. */
function isValidBody(body: string, withheldFieldsExpected: boolean): boolean {
  if (!body.includes('"errors"')) return true;
  if (!withheldFieldsExpected) return false;
  try {
    const parsed = JSON.parse(body) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    return parsed.data != null && (parsed.errors ?? []).every((error) => error.extensions?.code === 'FORBIDDEN');
  } catch {
    return false;
  }
}

function run(request: LoadRequest): Promise<LoadResult> {
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: request.url,
        method: 'POST',
        connections: request.connections,
        duration: request.durationSeconds,
        headers: request.headers,
        body: request.body,
        verifyBody: (body: string) => isValidBody(body, request.withheldFieldsExpected),
      },
      (error, result) => {
        if (error) return reject(error);
        latencies.sort((a, b) => a - b);
        resolve({
          requests: result.requests.total,
          durationSeconds: result.duration,
          requestsPerSecond: result.requests.total / result.duration,
          errors: result.errors + result.timeouts + result.non2xx + (result.mismatches ?? 0),
          latencyMs: {
            p50: quantile(latencies, 0.5),
            p95: quantile(latencies, 0.95),
            p99: quantile(latencies, 0.99),
            mean: latencies.reduce((sum, value) => sum + value, 0) / Math.max(1, latencies.length),
          },
        });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTimeMs) => latencies.push(responseTimeMs));
  });
}

run(JSON.parse(process.argv[2] ?? '{}') as LoadRequest)
  .then((result) => process.stdout.write(`${JSON.stringify(result)}\n`))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
