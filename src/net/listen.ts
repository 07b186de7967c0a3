import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigError } from '../config/load-config.ts';
import { urlHost } from '../config/url-host.ts';

/** Listen address and port of a server, with the variable that sets the port for error messages. */
export interface ListenOptions {
  host: string;
  port: number;
  portVariable: string;
}

/**
 * Starts listening and returns the server's origin (`http://127.0.0.1:4001`). A port in use, a
 * port the process may not bind or an address this machine lacks becomes a ConfigError that
 * names the variable to change, instead of a stack trace.
 */
export async function listen(server: http.Server, options: ListenOptions): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(describeListenError(error, options)));
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return `http://${urlHost(address.address)}:${address.port}`;
}

function describeListenError(error: NodeJS.ErrnoException, options: ListenOptions): Error {
  const where = `${options.host}:${options.port}`;
  switch (error.code) {
    case 'EADDRINUSE':
      return new ConfigError(options.portVariable, `Port ${options.port} på ${options.host} används redan av ett annat program. Stoppa det eller välj en annan port med ${options.portVariable}.`);
    case 'EACCES':
      return new ConfigError(options.portVariable, `Processen får inte lyssna på ${where}. Välj en port över 1023 med ${options.portVariable}.`);
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return new ConfigError('IVO_HOST', `Adressen ${options.host} finns inte på den här datorn (${error.code}). Ange en egen adress med IVO_HOST, till exempel 127.0.0.1.`);
    default:
      return error;
  }
}
