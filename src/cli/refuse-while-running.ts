import type { Config } from '../config/load-config.ts';
import { urlHost } from '../config/url-host.ts';
import { SUBGRAPH_NAMES } from '../subgraph-names.ts';

/** Raised when the databases are in use by a running graph. */
export class GraphRunningError extends Error {}

/**
 * Refuses to replace the seed while the graph runs: the running subgraphs would keep serving the
 * deleted database files until restarted.
 */
export async function refuseWhileRunning(config: Config): Promise<void> {
  const host = urlHost(config.host);
  for (const name of SUBGRAPH_NAMES) {
    const url = `http://${host}:${config.subgraphPorts[name]}/health/live`;
    const running = await fetch(url, { signal: AbortSignal.timeout(1000) }).then(
      (response) => response.ok,
      () => false,
    );
    if (running) throw new GraphRunningError(`Subgrafen ${name} körs på ${url}. Stoppa npm start innan seed-datan skrivs om.`);
  }
}
