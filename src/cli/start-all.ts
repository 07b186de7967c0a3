import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config/load-config.ts';
import { urlHost } from '../config/url-host.ts';
import { loadInternalPrivateKey, loadInternalPublicKey } from '../access/internal-keys.ts';
import { devIdentityProviderKeys } from '../dev-idp/dev-idp-keys.ts';
import { startDevIdentityProvider } from '../dev-idp/start-dev-identity-provider.ts';
import { createLogger } from '../log/create-logger.ts';
import { SUBGRAPH_NAMES } from '../subgraph-names.ts';
import { seedDatabases } from './seed-databases.ts';
import { stopChildProcess } from './stop-child-process.ts';

const MAIN_FILE = fileURLToPath(new URL('./main.ts', import.meta.url));
const READY_TIMEOUT_MS = 60_000;

/** Raised when a child process does not come up; the child's own message is printed above it. */
export class StartError extends Error {}

interface Child {
  label: string;
  process: ChildProcess;
  readyUrl: string;
}

/**
 * Runs the whole graph: seeds the embedded databases on first start, starts the four subgraphs
 * and then the router as child processes, waits until each reports ready and prints the
 * addresses. Ctrl-C (SIGINT) or SIGTERM stops all of them; if one exits on its own, the rest stop.
 */
export async function startAll(config: Config): Promise<void> {
  await seedDatabases(config, { scale: config.seedScale, force: false });
  // Read here, before any child starts: in production a missing key stops start-up at once, and
  // in development the children all read the same keys created now.
  if (!config.production) devIdentityProviderKeys(config);
  loadInternalPrivateKey(config);
  loadInternalPublicKey(config);
  const identityProvider = config.production ? null : await startDevIdentityProvider(config, createLogger('dev-idp', config.logLevel));

  const children: Child[] = [];
  let stopping = false;
  const stopAll = async (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    await Promise.all(children.map((child) => stopChildProcess(child.process)));
    await identityProvider?.close();
    process.exit(exitCode);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));
  process.on('exit', () => {
    for (const child of children) if (child.process.exitCode === null) child.process.kill('SIGKILL');
  });

  const launch = (label: string, args: string[], port: number) => {
    const child: Child = {
      label,
      process: spawn(process.execPath, [...process.execArgv, MAIN_FILE, ...args], {
        // The IPC channel closes when this supervisor dies in any way, SIGKILL included, and the
        // child then stops itself (see stopOnSignals).
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        env: process.env,
        // Its own process group: Ctrl-C reaches only this supervisor, which stops the children in order.
        detached: true,
      }),
      readyUrl: `http://${urlHost(config.host)}:${port}/health/ready`,
    };
    child.process.once('exit', (code, signal) => {
      if (stopping) return;
      console.error(`${label} avslutades (${signal ?? `kod ${code}`}); stoppar de andra.`);
      void stopAll(1);
    });
    children.push(child);
    return child;
  };

  const subgraphs = SUBGRAPH_NAMES.map((name) => launch(name, ['subgraph', name], config.subgraphPorts[name]));
  await Promise.all(subgraphs.map((child) => waitUntilReady(child)));
  const router = launch('router', ['router'], config.routerPort);
  await waitUntilReady(router);

  const host = urlHost(config.host);
  console.log('\nIVO-grafen är igång:');
  const label = (text: string) => text.padEnd(22);
  console.log(`  ${label('router och GraphiQL')} http://${host}:${config.routerPort}/graphql`);
  for (const name of SUBGRAPH_NAMES) console.log(`  ${label(name)} http://${host}:${config.subgraphPorts[name]}/graphql`);
  if (identityProvider) {
    console.log(`  ${label('utvecklingsinloggning')} ${identityProvider.url} (välj användare i GraphiQL, eller: npm run token -- A-00003)`);
  }
  console.log('Avsluta med Ctrl-C.\n');
}

async function waitUntilReady(child: Child): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.process.exitCode !== null) throw new StartError(`${child.label} avslutades innan den var klar; se meddelandet ovan.`);
    try {
      const response = await fetch(child.readyUrl);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new StartError(`${child.label} var inte klar på ${child.readyUrl} inom ${READY_TIMEOUT_MS / 1000} s.`);
}

