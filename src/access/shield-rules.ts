import { allow, rule } from 'graphql-shield';
import type { AccessContext } from './access-context.ts';
import { isIvoStaff } from './access-checks.ts';
import { forbidden } from './forbidden.ts';

/** The part of a subgraph's context the shared rules read. */
interface RuleContext {
  access: AccessContext;
  purpose: 'access-context' | null;
}

/** Open data: shown to every caller, anonymous ones included. */
export const publicField = allow;

/** Shown to any logged-in caller, with or without a role. */
export const loggedIn = rule('loggedIn', { cache: 'contextual' })((_parent, _args, context: RuleContext) =>
  context.access.anonymous ? forbidden('notLoggedIn') : true,
);

/** Shown to IVO staff only. */
export const ivoStaffOnly = rule('ivoStaffOnly', { cache: 'contextual' })((_parent, _args, context: RuleContext) => {
  if (context.access.anonymous) return forbidden('notLoggedIn');
  return isIvoStaff(context.access) ? true : forbidden('outsideArea');
});

/** Callable only by the router on its own behalf, never through the graph. */
export const routerOnly = rule('routerOnly', { cache: 'contextual' })((_parent, _args, context: RuleContext) =>
  context.purpose === 'access-context' ? true : forbidden('routerOnly'),
);

/** The fallback for a field without a rule: withheld, so a forgotten rule never leaks data. */
export const noRule = rule('noRule', { cache: 'contextual' })(() => forbidden('noRule'));

/** Rules for the federation fields every subgraph has. */
export const FEDERATION_RULES = {
  Query: { _service: publicField, _entities: publicField },
  _Service: { sdl: publicField },
};
