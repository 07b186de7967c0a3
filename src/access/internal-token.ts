import { jwtVerify, SignJWT, type KeyObject } from 'jose';
import type { AccessContext } from './access-context.ts';

/** Issuer of every internal token. Only the router has the private key. */
export const INTERNAL_TOKEN_ISSUER = 'ivo-graf-router';
/** Lifetime of an internal token. Subgraphs reject any token whose lifetime exceeds a minute. */
export const INTERNAL_TOKEN_LIFETIME_SECONDS = 30;
const MAX_LIFETIME_SECONDS = 60;

/** Claims of an internal token. */
export interface InternalClaims {
  access: AccessContext;
  /** Set when the router calls on its own behalf, to look up an access context. */
  purpose: 'access-context' | null;
}

/** Raised when an internal token is missing, forged, expired or meant for another subgraph. */
export class InternalTokenError extends Error {
  override name = 'InternalTokenError';
}

/** Signs the access context into a short-lived Ed25519 token for one subgraph. */
export function signInternalToken(privateKey: KeyObject, audience: string, claims: InternalClaims): Promise<string> {
  return new SignJWT({ atk: claims.access, ...(claims.purpose ? { purpose: claims.purpose } : {}) })
    .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' })
    .setIssuer(INTERNAL_TOKEN_ISSUER)
    .setAudience(audience)
    .setSubject(claims.access.userId ?? (claims.access.anonymous ? 'anonym' : 'oregistrerad'))
    .setIssuedAt()
    .setExpirationTime(`${INTERNAL_TOKEN_LIFETIME_SECONDS}s`)
    .sign(privateKey);
}

/** Verifies an internal token for this subgraph and returns its claims. */
export async function verifyInternalToken(publicKey: KeyObject, audience: string, token: string): Promise<InternalClaims> {
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, publicKey, {
      algorithms: ['EdDSA'],
      issuer: INTERNAL_TOKEN_ISSUER,
      audience,
      requiredClaims: ['exp', 'iat', 'atk'],
      maxTokenAge: `${MAX_LIFETIME_SECONDS}s`,
      clockTolerance: 5,
    }));
  } catch (error) {
    throw new InternalTokenError(`Internal token rejected: ${error instanceof Error ? error.message : String(error)}`);
  }

  const lifetime = Number(payload.exp) - Number(payload.iat);
  if (!(lifetime > 0 && lifetime <= MAX_LIFETIME_SECONDS)) {
    throw new InternalTokenError(`Internal token lifetime ${lifetime} s is outside 1 to ${MAX_LIFETIME_SECONDS} s`);
  }
  return { access: readAccessClaim(payload.atk), purpose: payload.purpose === 'access-context' ? 'access-context' : null };
}

const ROLES = new Set(['RAPPORTOR', 'HUVUDRAPPORTOR', 'MEDICINSKT_ANSVARIG_SJUKSKOTERSKA', 'IVO_HANDLAGGARE']);
const AREAS = new Set(['SOL_IFO', 'SOL_FUNKTIONSNEDSATTNING', 'LSS', 'SOL_ALDREOMSORG']);

function readAccessClaim(claim: unknown): AccessContext {
  const access = claim as Partial<AccessContext> | null;
  const valid =
    access !== null &&
    typeof access === 'object' &&
    typeof access.anonymous === 'boolean' &&
    (access.userId === null || typeof access.userId === 'string') &&
    Array.isArray(access.roles) &&
    access.roles.every(
      (role) =>
        ROLES.has(role?.roll) &&
        (role.namndId === null || typeof role.namndId === 'string') &&
        Array.isArray(role.verksamhetsomraden) &&
        role.verksamhetsomraden.every((area) => AREAS.has(area)),
    ) &&
    !(access.anonymous && (access.userId !== null || access.roles.length > 0));
  if (!valid) throw new InternalTokenError('Internal token carries a malformed access context');
  return { anonymous: access.anonymous!, userId: access.userId!, roles: access.roles! };
}
