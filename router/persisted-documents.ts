import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse } from 'graphql';

/** Folder of the operations anonymous callers may send by hash, one `.graphql` file each. */
export const PERSISTED_OPERATIONS_DIR = new URL('../persisted-operations/', import.meta.url).pathname;
/** The committed manifest the router serves from: SHA-256 hash (hex) of a document → the document. */
export const PERSISTED_DOCUMENTS_FILE = path.join(PERSISTED_OPERATIONS_DIR, 'persisted-documents.json');

/** Returns the SHA-256 hash of a document as lowercase hex, the key clients send. */
export function documentHash(document: string): string {
  return createHash('sha256').update(document, 'utf8').digest('hex');
}

/**
 * Builds the manifest from every `.graphql` file in a folder, in file name order. Each file must
 * contain exactly one named operation, and no two files may use the same operation name. The
 * document is stored exactly as written, so its hash is the hash of the file's text.
 */
export function buildPersistedDocuments(folder: string = PERSISTED_OPERATIONS_DIR): Record<string, string> {
  const manifest: Record<string, string> = {};
  const names = new Map<string, string>();
  const files = fs.readdirSync(folder).filter((file) => file.endsWith('.graphql')).sort();

  for (const file of files) {
    const document = fs.readFileSync(path.join(folder, file), 'utf8');
    const operations = parse(document).definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
    const name = operations.length === 1 ? operations[0]!.name?.value : undefined;
    if (!name) throw new Error(`${file} must hold exactly one named operation.`);
    const other = names.get(name);
    if (other) throw new Error(`${file} and ${other} both name their operation ${name}; operation names must be unique.`);
    names.set(name, file);
    manifest[documentHash(document)] = document;
  }
  return manifest;
}

/** Formats a manifest as the committed file's text. */
export function formatPersistedDocuments(manifest: Record<string, string>): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** Reads the committed manifest into a lookup by hash. */
export function readPersistedDocuments(file: string = PERSISTED_DOCUMENTS_FILE): Map<string, string> {
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
  return new Map(Object.entries(manifest));
}
