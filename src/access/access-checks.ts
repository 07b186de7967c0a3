import type { Verksamhetsomrade } from '../seed/world-types.ts';
import type { AccessContext } from './access-context.ts';

/** Returns whether the caller is IVO staff, who may read everything. */
export function isIvoStaff(access: AccessContext): boolean {
  return access.roles.some((role) => role.roll === 'IVO_HANDLAGGARE');
}

/**
 * Returns the areas in which the caller may read restricted unit and case data: those of every
 * role (rapportör, huvudrapportör, MAS, IVO staff).
 */
export function readableAreas(access: AccessContext): Set<Verksamhetsomrade> {
  return new Set(access.roles.flatMap((role) => role.verksamhetsomraden));
}

/**
 * Returns the areas in which the caller may read a committee's EVB reports: those of their
 * rapportör and huvudrapportör roles for that committee, or all for IVO staff. MAS never may.
 */
export function evbAreasForNamnd(access: AccessContext, namndId: string): Set<Verksamhetsomrade> {
  if (isIvoStaff(access)) return readableAreas(access);
  return new Set(
    access.roles
      .filter((role) => role.namndId === namndId && (role.roll === 'RAPPORTOR' || role.roll === 'HUVUDRAPPORTOR'))
      .flatMap((role) => role.verksamhetsomraden),
  );
}

/** Returns whether the caller is huvudrapportör of the committee. */
export function isHuvudrapportorFor(access: AccessContext, namndId: string): boolean {
  return access.roles.some((role) => role.roll === 'HUVUDRAPPORTOR' && role.namndId === namndId);
}

/** Returns the committees the caller is huvudrapportör of. */
export function huvudrapportorNamnder(access: AccessContext): string[] {
  return access.roles.filter((role) => role.roll === 'HUVUDRAPPORTOR' && role.namndId !== null).map((role) => role.namndId as string);
}
