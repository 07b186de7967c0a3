import path from 'node:path';
import type { Config } from '../config/load-config.ts';
import { readOrCreateKeyPair, type PemKeyPair } from '../access/key-files.ts';

/** Returns the development identity provider's Ed25519 key pair, created under the data folder on first use. */
export function devIdentityProviderKeys(config: Config): PemKeyPair {
  return readOrCreateKeyPair(path.join(config.dataDir, 'keys', 'dev-idp-ed25519.json'));
}
