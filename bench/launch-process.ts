import { stopChildProcess } from '../src/cli/stop-child-process.ts';
import { spawn, type ChildProcess } from 'node:child_process';

/** A server process the benchmark started, with the address that reports it ready. */
export interface LaunchedProcess {
  label: string;
  child: ChildProcess;
  /** Standard error of the process so far, cut to its last 4 KB, for the failure message. */
  stderr(): string;
}

/**
 * Starts a TypeScript entry point in its own Node.js process through tsx, with `env` added to
 * this process's environment. Standard output is dropped and standard error kept for errors.
 */
export function launchProcess(label: string, file: string, args: string[], env: Record<string, string>): LaunchedProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4096);
  });
  return { label, child, stderr: () => stderr };
}

/** Waits until `url` returns HTTP 2xx, and fails when the process exits first or after `timeoutMs`. */
export async function waitUntilReady(launched: LaunchedProcess, url: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (launched.child.exitCode !== null) throw new Error(`${launched.label} exited with code ${launched.child.exitCode} before it was ready:\n${launched.stderr()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${launched.label} was not ready at ${url} within ${timeoutMs / 1000} s:\n${launched.stderr()}`);
}

/** Stops a launched process with SIGTERM, and with SIGKILL when it has not exited after 10 seconds. */
export function stopProcess(launched: LaunchedProcess): Promise<void> {
  return stopChildProcess(launched.child);
}
