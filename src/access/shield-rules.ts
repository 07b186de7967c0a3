import { allow, rule } from 'graphql-shield';

import type { AccessContext } from './access-context.ts';
import { isIvoStaff } from './access-checks.ts';
import { forbidden } from './forbidden.ts';

type RuleOptions = NonNullable<Parameters<typeof rule>[1]>;
type RuleFunction = Parameters<ReturnType<typeof rule>>[0];

/** The part of a subgraph's context the shared rules read. */
interface RuleContext {
  access: AccessContext;
  purpose: 'access-context' | null;
}

/**
 * Creates a named graphql-shield rule whose own failure (a database error while it looks
 * something up) reaches the caller as an internal error. graphql-shield 7 turns an exception
 * thrown by a rule into a denial, which would report a failing database as FORBIDDEN; a returned
 * Error is passed on instead, and the subgraph masks it as INTERNAL_SERVER_ERROR.
 */
export function safeRule(name: string, options: RuleOptions, check: RuleFunction) {
  return rule(name, options)(async (parent, args, context, info) => {
    try {
      return await check(parent, args, context, info);
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  });
}

/** Open data: shown to every caller, anonymous ones included. */
export const publicField = allow;

/** Shown to any logged-in caller, with or without a role. */
export const loggedIn = safeRule('loggedIn', { cache: 'contextual' }, (_parent, _args, context: RuleContext) =>
  context.access.anonymous ? forbidden('notLoggedIn') : true,
);

/** Shown to IVO staff only. */
export const ivoStaffOnly = safeRule('ivoStaffOnly', { cache: 'contextual' }, (_parent, _args, context: RuleContext) => {
  if (context.access.anonymous) return forbidden('notLoggedIn');
  return isIvoStaff(context.access) ? true : forbidden('outsideArea');
});

/** Callable only by the router on its own behalf, never through the graph. */
export const routerOnly = safeRule('routerOnly', { cache: 'contextual' }, (_parent, _args, context: RuleContext) =>
  context.purpose === 'access-context' ? true : forbidden('routerOnly'),
);

/** The fallback for a field without a rule: withheld, so a forgotten rule never leaks data. */
export const noRule = safeRule('noRule', { cache: 'contextual' }, () => forbidden('noRule'));

/** Rules for the federation fields every subgraph has. */
export const FEDERATION_RULES = {
  Query: { _service: publicField, _entities: publicField },
  _Service: { sdl: publicField },
};
