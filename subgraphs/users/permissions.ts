import type { AccessContext } from '../../src/access/access-context.ts';
import { isHuvudrapportorFor, isIvoStaff } from '../../src/access/access-checks.ts';
import { forbidden } from '../../src/access/forbidden.ts';
import { FEDERATION_RULES, safeRule, loggedIn, publicField, routerOnly } from '../../src/access/shield-rules.ts';
import type { AuditSpec } from '../../src/subgraph/subgraph-module.ts';
import { userDenial } from './access.ts';
import type { AnvandareRow } from './database.ts';
import type { UsersLoaders } from './loaders.ts';

type RuleContext = { access: AccessContext; loaders: UsersLoaders };

// The rules read the parent object, so none is cached per request.

/** Shows every field of a user to the user, to the huvudrapportör of one of the user's committees and to IVO staff. */
const userField = safeRule('userField', { cache: 'no_cache' }, async (user: AnvandareRow, _args, { access, loaders }: RuleContext) => {
  const roles = await loaders.rollerByAnvandare.load(user.id);
  return userDenial(access, user.id, roles) ?? true;
});

/** Shows the masked login identity to the user themself only. */
const selfOnly = safeRule('selfOnly', { cache: 'no_cache' }, (user: AnvandareRow, _args, { access }: RuleContext) => {
  if (access.anonymous) return forbidden('notLoggedIn');
  return access.userId === user.id ? true : forbidden('user');
});

/** Shows a committee's reporters and assignments to its huvudrapportör and IVO staff. */
const namndReporters = safeRule('namndReporters', { cache: 'no_cache' }, (namnd: { id: string }, _args, { access }: RuleContext) => {
  if (access.anonymous) return forbidden('notLoggedIn');
  return isIvoStaff(access) || isHuvudrapportorFor(access, namnd.id) ? true : forbidden('user');
});

const pageInfo = { hasNextPage: publicField, hasPreviousPage: publicField, startCursor: publicField, endCursor: publicField };

/**
 * Users are restricted as a whole, and their loader by id applies the same check; the access
 * context lookup is for the router alone and is not part of the public graph.
 */
export const permissions = {
  Query: {
    ...FEDERATION_RULES.Query,
    // The user this returns is checked in its loader and field by field.
    anvandare: publicField,
    jag: loggedIn,
    atkomstkontext: routerOnly,
  },
  _Service: FEDERATION_RULES._Service,
  Anvandare: { id: userField, namn: userField, epost: userField, roller: userField, maskeradIdentitet: selfOnly },
  // Reached only through a user the caller may see.
  Rolltilldelning: {
    id: publicField,
    anvandare: publicField,
    status: publicField,
    version: publicField,
    roll: publicField,
    namnd: publicField,
    verksamhetsomraden: publicField,
    giltigFran: publicField,
    giltigTill: publicField,
  },
  // The resolvers check the committee in the same transaction as the change.
  Mutation: { laggTillRapportor: loggedIn, andraRapportor: loggedIn, avslutaRapportor: loggedIn },
  LaggTillRapportorResultat: { rolltilldelning: publicField, skapad: publicField },
  RolltilldelningConnection: { edges: publicField, pageInfo: publicField, totalCount: publicField },
  RolltilldelningEdge: { cursor: publicField, node: publicField },
  Atkomstkontext: { anvandareId: routerOnly, roller: routerOnly },
  Atkomstroll: { roll: routerOnly, namndId: routerOnly, verksamhetsomraden: routerOnly },
  Namnd: { id: publicField, rapportorer: namndReporters, rolltilldelningar: namndReporters },
  PageInfo: pageInfo,
  AnvandareConnection: { edges: publicField, pageInfo: publicField, totalCount: publicField },
  AnvandareEdge: { cursor: publicField, node: publicField },
};

/** Restricted user fields written to the audit log when returned. */
export const audit: AuditSpec = {
  Anvandare: { idOf: (user: AnvandareRow) => user.id, fields: ['id', 'namn', 'epost', 'roller', 'maskeradIdentitet'] },
  // The list is audited too: its cursors carry the users' names.
  Namnd: { idOf: (namnd: { id: string }) => namnd.id, fields: ['rapportorer', 'rolltilldelningar'] },
  // A role assignment shows who reports for which committee and areas, wherever it is returned.
  Rolltilldelning: { idOf: (role: { id: string }) => role.id, fields: ['anvandare', 'roll', 'namnd', 'verksamhetsomraden', 'giltigFran', 'giltigTill'] },
};
