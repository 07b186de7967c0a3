import type { CallerKind } from '../src/config/read-request-protection.ts';
import type { RouterContext } from './audit-plugin.ts';

/**
 * Returns whether the request comes from an anonymous or a logged-in caller. A context without an
 * access context counts as anonymous, so a path that skipped authentication gets the tighter limits.
 */
export function callerKindOf(context: unknown): CallerKind {
  const access = (context as Partial<RouterContext> | null | undefined)?.access;
  return access && access.anonymous === false ? 'loggedIn' : 'anonymous';
}
