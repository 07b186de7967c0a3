import fs from 'node:fs';
import path from 'node:path';
import { composeSupergraph } from '../composition/compose-supergraph.ts';
import { readSupergraphConfig } from '../composition/read-supergraph-config.ts';

/** The Rover config file and the supergraph it composes to, relative to the project root. */
export const SUPERGRAPH_CONFIG_FILE = path.resolve(import.meta.dirname, '../../supergraph.yaml');
export const SUPERGRAPH_SCHEMA_FILE = path.resolve(import.meta.dirname, '../../schema/supergraph.graphql');

/** Composes the subgraphs listed in `supergraph.yaml` and writes `schema/supergraph.graphql`. */
export function composeCommand(): void {
  const supergraph = composeSupergraph(readSupergraphConfig(SUPERGRAPH_CONFIG_FILE));
  fs.mkdirSync(path.dirname(SUPERGRAPH_SCHEMA_FILE), { recursive: true });
  fs.writeFileSync(SUPERGRAPH_SCHEMA_FILE, supergraph);
  console.log(`Wrote ${path.relative(process.cwd(), SUPERGRAPH_SCHEMA_FILE)}`);
}
