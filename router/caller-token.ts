import { createPublicKey } from 'node:crypto';
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey, type KeyObject } from 'jose';
import type { CallerTokenConfig } from '../src/config/load-config.ts';
import { parseLoginIdentity, type LoginIdentity } from '../src/access/mask-identity.ts';

/** The only signature algorithms accepted from the identification service. */
export const CALLER_TOKEN_ALGORITHMS = ['EdDSA', 'ES256', 'RS256'];

/** Raised for a caller token the router rejects; the message is Swedish and goes to the caller. */
export class CallerTokenError extends Error {
  override name = 'CallerTokenError';
  constructor(
    message: string,
    /** Why, in English, for the log. */
    readonly reason: string,
    /** True when the token could not be checked (the key set did not load), not when it is bad. */
    readonly unavailable = false,
  ) {
    super(message);
  }
}

/** A verified caller: the login identity and the raw identity string used as cache key. */
export interface VerifiedCaller {
  identity: LoginIdentity;
  subject: string;
}

/**
 * Creates the verifier of caller tokens: signature (JWKS URL or public key), algorithm, issuer,
 * audience, expiry and not-before with the configured clock tolerance. The subject (`sub`) must be
 * a personnummer (BankID) or an HSA-id (SITHS).
 */
export function createCallerTokenVerifier(config: CallerTokenConfig, developmentPublicKeyPem: () => string): (token: string) => Promise<VerifiedCaller> {
  const key: KeyObject | JWTVerifyGetKey = config.jwksUrl
    ? createRemoteJWKSet(new URL(config.jwksUrl), { timeoutDuration: 5000, cooldownDuration: 30_000 })
    : createPublicKey(config.publicKeyPem ?? developmentPublicKeyPem());

  return async (token) => {
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, key as KeyObject, {
        algorithms: CALLER_TOKEN_ALGORITHMS,
        issuer: config.issuer,
        audience: config.audience,
        clockTolerance: config.clockToleranceSeconds,
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (error) {
      throw describeRejection(error);
    }

    const subject = String(payload.sub);
    const identity = parseLoginIdentity(subject);
    if (!identity) throw new CallerTokenError('Token saknar ett personnummer eller HSA-id som identitet.', 'subject is neither a personnummer nor an HSA-id');
    return { identity, subject };
  };
}

function describeRejection(error: unknown): CallerTokenError {
  if (error instanceof errors.JWTExpired) return new CallerTokenError('Token har gått ut. Logga in igen.', 'expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf') return new CallerTokenError('Token gäller inte ännu. Kontrollera klockan och logga in igen.', 'not yet valid');
    if (error.claim === 'iss') return new CallerTokenError('Token är utfärdad av en okänd utfärdare.', 'wrong issuer');
    if (error.claim === 'aud') return new CallerTokenError('Token är inte utfärdad för IVO-grafen.', 'wrong audience');
    return new CallerTokenError('Token saknar en uppgift som krävs eller har ett ogiltigt värde.', `claim ${error.claim} invalid`);
  }
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    return new CallerTokenError('Token är signerad med en algoritm som inte godtas.', 'algorithm not allowed');
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
    return new CallerTokenError('Tokens signatur är ogiltig.', 'signature invalid');
  }
  // The key set could not be fetched or read: a timeout, an HTTP error (a plain JOSEError from
  // jose's fetch), a malformed JWKS, or a network failure. The token itself may be fine.
  const keySetFailed =
    error instanceof errors.JWKSTimeout ||
    error instanceof errors.JWKSInvalid ||
    !(error instanceof errors.JOSEError) ||
    (error as errors.JOSEError).code === 'ERR_JOSE_GENERIC';
  if (keySetFailed) {
    return new CallerTokenError('Token kunde inte kontrolleras just nu. Försök igen om en stund.', `verification failed: ${String(error)}`, true);
  }
  return new CallerTokenError('Token är ogiltig.', `invalid: ${(error as Error).message}`);
}
