import { createPrivateKey } from 'node:crypto';
import { SignJWT } from 'jose';
import { DEV_TOKEN_ISSUER, type Config } from '../config/load-config.ts';
import { devIdentityProviderKeys } from './dev-idp-keys.ts';
import { DevIdentityProviderInProductionError } from './production-error.ts';

/** Lifetime of a development token: a working day, so GraphiQL sessions need no refresh. */
export const DEV_TOKEN_LIFETIME_SECONDS = 8 * 60 * 60;

/**
 * Signs a caller token the way the identification service would, for a personnummer or HSA-id,
 * with the development identity provider's key. Refuses in production.
 */
export async function issueDevToken(config: Config, subject: string, lifetimeSeconds = DEV_TOKEN_LIFETIME_SECONDS): Promise<string> {
  if (config.production) throw new DevIdentityProviderInProductionError();
  const privateKey = createPrivateKey(devIdentityProviderKeys(config).privateKeyPem);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' })
    .setIssuer(DEV_TOKEN_ISSUER)
    .setAudience(config.callerToken.audience)
    .setSubject(subject)
    .setIssuedAt()
    .setNotBefore('0s')
    .setExpirationTime(`${lifetimeSeconds}s`)
    .sign(privateKey);
}
