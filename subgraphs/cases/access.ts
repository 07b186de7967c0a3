import type { AccessContext } from '../../src/access/access-context.ts';
import { evbAreasForNamnd, isIvoStaff, readableAreas } from '../../src/access/access-checks.ts';
import { forbidden } from '../../src/access/forbidden.ts';
import type { GraphQLError } from 'graphql';
import type { Arendetyp, Verksamhetsomrade } from '../../src/seed/world-types.ts';
import type { EvbRow } from './database.ts';

/**
 * Returns why the caller may not read a case (or a decision in it), or null when they may: a
 * logged-in user with a role in the case's area, and for an information or complaint case IVO
 * staff only.
 */
export function caseDenial(access: AccessContext, item: { verksamhetsomrade: Verksamhetsomrade; arendetyp: Arendetyp }): GraphQLError | null {
  if (access.anonymous) return forbidden('notLoggedIn');
  if (!readableAreas(access).has(item.verksamhetsomrade)) return forbidden('outsideArea');
  if (item.arendetyp === 'UPPLYSNING' && !isIvoStaff(access)) return forbidden('upplysning');
  return null;
}

/**
 * Returns why the caller may not read an EVB report, or null when they may: the reporting
 * committee's rapportörer and huvudrapportör in the report's area, and IVO staff.
 */
export function evbDenial(access: AccessContext, report: Pick<EvbRow, 'namnd_id' | 'verksamhetsomrade'>): GraphQLError | null {
  if (access.anonymous) return forbidden('notLoggedIn');
  return evbAreasForNamnd(access, report.namnd_id).has(report.verksamhetsomrade) ? null : forbidden('evb');
}
