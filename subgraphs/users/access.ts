import type { GraphQLError } from 'graphql';
import type { AccessContext } from '../../src/access/access-context.ts';
import { huvudrapportorNamnder, isIvoStaff } from '../../src/access/access-checks.ts';
import { forbidden } from '../../src/access/forbidden.ts';
import type { Roll } from '../../src/seed/world-types.ts';

/** A user's role as the access check reads it. */
export interface UserRole {
  roll: Roll;
  namnd_id: string | null;
}

/** Returns whether a role is one a huvudrapportör administers: rapportör or huvudrapportör of a committee. */
export function isReporterRole(role: UserRole): boolean {
  return role.namnd_id !== null && (role.roll === 'RAPPORTOR' || role.roll === 'HUVUDRAPPORTOR');
}

/**
 * Returns why the caller may not see a user, or null when they may: the user themself, IVO
 * staff, and the huvudrapportör of a committee in which the user is or was a rapportör or
 * huvudrapportör. Ended roles count, because the committee's assignment history names them; other
 * roles in the committee (such as MAS) do not.
 */
export function userDenial(access: AccessContext, userId: string, userRoles: readonly UserRole[]): GraphQLError | null {
  if (access.anonymous) return forbidden('notLoggedIn');
  if (access.userId === userId || isIvoStaff(access)) return null;
  const ledCommittees = new Set(huvudrapportorNamnder(access));
  return userRoles.some((role) => isReporterRole(role) && ledCommittees.has(role.namnd_id as string)) ? null : forbidden('user');
}
