import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import path from 'node:path';
import { ConfigError, type Config } from '../config/load-config.ts';
import { readOrCreateKeyPair } from './key-files.ts';

/** File of the development key pair of the internal token, under the data folder. */
export function devInternalKeyFile(config: Config): string {
  return path.join(config.dataDir, 'keys', 'internal-token-ed25519.json');
}

/**
 * Returns the router's private key for signing internal tokens: from IVO_INTERNAL_PRIVATE_KEY, or
 * outside production a development key created under the data folder on first start.
 */
export function loadInternalPrivateKey(config: Config): KeyObject {
  const pem = config.internalKeys.privateKeyPem ?? developmentPair(config, 'IVO_INTERNAL_PRIVATE_KEY').privateKeyPem;
  return toEd25519(createPrivateKey(pem), 'IVO_INTERNAL_PRIVATE_KEY');
}

/** Returns the public key subgraphs verify internal tokens with, from IVO_INTERNAL_PUBLIC_KEY or the development pair. */
export function loadInternalPublicKey(config: Config): KeyObject {
  const pem = config.internalKeys.publicKeyPem ?? developmentPair(config, 'IVO_INTERNAL_PUBLIC_KEY').publicKeyPem;
  return toEd25519(createPublicKey(pem), 'IVO_INTERNAL_PUBLIC_KEY');
}

function developmentPair(config: Config, variable: string) {
  if (config.production) {
    throw new ConfigError(variable, `I produktion (NODE_ENV=production) måste ${variable} anges; utvecklingsnycklar skapas bara utanför produktion.`);
  }
  return readOrCreateKeyPair(devInternalKeyFile(config));
}

function toEd25519(key: KeyObject, variable: string): KeyObject {
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new ConfigError(variable, `${variable} ska vara en Ed25519-nyckel (fick ${key.asymmetricKeyType ?? 'okänd typ'}).`);
  }
  return key;
}
