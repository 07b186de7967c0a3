import type http from 'node:http';
import type { GatewayRuntime } from '@graphql-hive/gateway-runtime';
import type { Logger } from '../src/log/create-logger.ts';
import { SUBGRAPH_NAMES, type SubgraphName } from '../src/subgraph-names.ts';

/** Maximum time, in milliseconds, the readiness check waits for one subgraph's own readiness endpoint. */
const PROBE_TIMEOUT_MS = 2000;

/** The body of the router's readiness response. */
export interface RouterReadiness {
  status: 'ready' | 'unavailable';
  /** Reason the router is not ready; absent when it is ready. */
  reason?: string;
  supergraph: 'loaded' | 'unavailable';
  subgraphs: Record<SubgraphName, 'ready' | 'unavailable'>;
}

/**
 * Creates the handler of `/health/live` and `/health/ready`. The router is live while its process
 * responds. It is ready while its supergraph is loaded and at least one subgraph reports itself
 * ready. With some subgraphs down it still returns the data of the others, but with none it has
 * nothing to serve, so a load balancer should send callers elsewhere. Returns false for any other
 * path.
 */
export function createHealthEndpoints(options: { gateway: GatewayRuntime; subgraphUrls: Record<SubgraphName, string>; timeoutMs: number; log: Logger }) {
  const probeTimeoutMs = Math.min(PROBE_TIMEOUT_MS, options.timeoutMs);

  async function probeSubgraph(name: SubgraphName): Promise<'ready' | 'unavailable'> {
    const url = new URL('/health/ready', options.subgraphUrls[name]);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(probeTimeoutMs) });
      await response.body?.cancel();
      return response.ok ? 'ready' : 'unavailable';
    } catch {
      return 'unavailable';
    }
  }

  async function checkReadiness(): Promise<RouterReadiness> {
    // Hive Gateway's own readiness endpoint reports whether the supergraph is loaded.
    const supergraphResponse = await options.gateway.fetch('http://router/health/ready');
    await supergraphResponse.body?.cancel();
    const supergraph = supergraphResponse.ok ? 'loaded' : 'unavailable';
    const states = await Promise.all(SUBGRAPH_NAMES.map(probeSubgraph));
    const subgraphs = Object.fromEntries(SUBGRAPH_NAMES.map((name, index) => [name, states[index]])) as RouterReadiness['subgraphs'];

    if (supergraph !== 'loaded') return { status: 'unavailable', reason: 'supergraph not loaded', supergraph, subgraphs };
    if (!states.includes('ready')) return { status: 'unavailable', reason: 'no subgraph ready', supergraph, subgraphs };
    return { status: 'ready', supergraph, subgraphs };
  }

  return async function serveHealth(pathname: string, response: http.ServerResponse): Promise<boolean> {
    if (pathname === '/health/live') {
      sendJson(response, 200, { status: 'ok' });
      return true;
    }
    if (pathname !== '/health/ready') return false;

    const readiness = await checkReadiness();
    if (readiness.status !== 'ready') options.log.warn({ readiness }, 'readiness check failed');
    sendJson(response, readiness.status === 'ready' ? 200 : 503, readiness);
    return true;
  };
}

function sendJson(response: http.ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}
