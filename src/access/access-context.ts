import type { Roll, Verksamhetsomrade } from '../seed/world-types.ts';

/** One role the caller holds: for a committee (null for IVO staff) and some areas. */
export interface RoleGrant {
  roll: Roll;
  namndId: string | null;
  verksamhetsomraden: Verksamhetsomrade[];
}

/** Who is asking, as every subgraph sees it: built by the router, one per request. */
export interface AccessContext {
  anonymous: boolean;
  /** Id of the user in the reporter register; null when anonymous or not registered. */
  userId: string | null;
  roles: RoleGrant[];
}

/** The access context of a caller without a token. */
export const ANONYMOUS_ACCESS: AccessContext = Object.freeze({ anonymous: true, userId: null, roles: [] });
