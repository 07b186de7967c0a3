import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const WORKER_FILE = fileURLToPath(new URL('./load-worker.ts', import.meta.url));

/** Request the load generator sends: one POST repeated by `connections` connections for a duration. */
export interface LoadRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  connections: number;
  durationSeconds: number;
  withheldFieldsExpected: boolean;
}

/** Figures the load generator measured. Latencies are in milliseconds, over every response. */
export interface LoadResult {
  requests: number;
  durationSeconds: number;
  requestsPerSecond: number;
  /** Socket errors, timeouts, non-2xx responses and responses with unexpected GraphQL errors. */
  errors: number;
  latencyMs: { p50: number; p95: number; p99: number; mean: number };
}

/**
 * Runs autocannon in its own Node.js process, so the load generator does not share an event loop
 * with anything it measures, and returns its figures.
 */
export function runLoad(request: LoadRequest): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER_FILE, JSON.stringify(request)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-4096)));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`The load generator exited with code ${code}:\n${stderr}`));
      try {
        resolve(JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as LoadResult);
      } catch {
        reject(new Error(`The load generator printed no result:\n${stdout.slice(-500)}\n${stderr}`));
      }
    });
  });
}
