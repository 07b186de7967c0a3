import fs from 'node:fs';
import { parse, type DocumentNode } from 'graphql';

/** Reads and parses a subgraph's `schema.graphql`. */
export function readSchemaFile(url: URL): DocumentNode {
  return parse(fs.readFileSync(url, 'utf8'));
}
