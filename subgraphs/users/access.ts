import type { GraphQLError } from 'graphql';
import type { AccessContext } from '../../src/access/access-context.ts';
import { huvudrapportorNamnder, isIvoStaff } from '../../src/access/access-checks.ts';
import { forbidden } from '../../src/access/forbidden.ts';

/**
 * Returns why the caller may not see a user, or null when they may: the user themself, the
 * huvudrapportör of a committee the user has (or had) a role in, and IVO staff.
 */
export function userDenial(access: AccessContext, userId: string, userNamndIds: readonly (string | null)[]): GraphQLError | null {
  if (access.anonymous) return forbidden('notLoggedIn');
  if (access.userId === userId || isIvoStaff(access)) return null;
  const ledCommittees = new Set(huvudrapportorNamnder(access));
  return userNamndIds.some((namndId) => namndId !== null && ledCommittees.has(namndId)) ? null : forbidden('user');
}
