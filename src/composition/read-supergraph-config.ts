import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';

/** One subgraph as `supergraph.yaml` lists it. */
export interface SubgraphEntry {
  name: string;
  routingUrl: string;
  schemaFile: string;
  sdl: string;
}

/** Reads `supergraph.yaml` (Rover's format) and the schema file of each subgraph it lists. */
export function readSupergraphConfig(configFile: string): SubgraphEntry[] {
  const config = parseYaml(fs.readFileSync(configFile, 'utf8')) as {
    subgraphs?: Record<string, { routing_url?: string; schema?: { file?: string } }>;
  };
  if (!config?.subgraphs) throw new Error(`${configFile} lists no subgraphs under "subgraphs".`);

  return Object.entries(config.subgraphs).map(([name, entry]) => {
    if (!entry.routing_url || !entry.schema?.file) {
      throw new Error(`Subgraph "${name}" in ${configFile} needs routing_url and schema.file.`);
    }
    const schemaFile = path.resolve(path.dirname(configFile), entry.schema.file);
    return { name, routingUrl: entry.routing_url, schemaFile, sdl: fs.readFileSync(schemaFile, 'utf8') };
  });
}
