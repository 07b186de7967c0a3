/** Returns the host to put in a URL for a listen address: a wildcard address becomes loopback, IPv6 gets brackets. */
export function urlHost(listenHost: string): string {
  if (listenHost === '0.0.0.0') return '127.0.0.1';
  if (listenHost === '::') return '[::1]';
  return listenHost.includes(':') ? `[${listenHost}]` : listenHost;
}
