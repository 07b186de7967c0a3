import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** An Ed25519 key pair in PEM form. */
export interface PemKeyPair {
  privateKeyPem: string;
  publicKeyPem: string;
}

/**
 * Reads a development Ed25519 key pair from a JSON file, creating it on first use. Processes that
 * start together may race to create it; the file is linked into place atomically, so every one
 * of them ends up with the same pair.
 */
export function readOrCreateKeyPair(file: string): PemKeyPair {
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const pair: PemKeyPair = {
      privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    };
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify(pair, null, 2), { mode: 0o600 });
    try {
      fs.linkSync(temporary, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      fs.rmSync(temporary, { force: true });
    }
  }
  return JSON.parse(fs.readFileSync(file, 'utf8')) as PemKeyPair;
}
