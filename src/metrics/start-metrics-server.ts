import http from 'node:http';
import type { Registry } from 'prom-client';
import type { Logger } from '../log/create-logger.ts';
import { listen } from '../net/listen.ts';

/** A listener that serves one registry at `/metrics`. */
export interface MetricsServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the Prometheus listener of one process on its own address and port, apart from the
 * GraphQL port, so metrics never reach the callers the GraphQL port is open to.
 */
export async function startMetricsServer(registry: Registry, log: Logger, options: { host: string; port: number; portVariable: string }): Promise<MetricsServer> {
  const server = http.createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://metrics').pathname;
    if (pathname !== '/metrics' || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    registry.metrics().then(
      (text) => response.writeHead(200, { 'content-type': registry.contentType }).end(text),
      (error: unknown) => {
        log.error({ err: error }, 'metrics could not be collected');
        response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('metrics could not be collected\n');
      },
    );
  });

  const url = `${await listen(server, options)}/metrics`;
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
