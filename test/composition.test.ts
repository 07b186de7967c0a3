import fs from 'node:fs';
import { composeServices as composeWithApollo } from '@apollo/composition';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { composeSupergraph } from '../src/composition/compose-supergraph.ts';
import { readSupergraphConfig } from '../src/composition/read-supergraph-config.ts';
import { SUPERGRAPH_CONFIG_FILE, SUPERGRAPH_SCHEMA_FILE } from '../src/cli/compose.ts';
import { SUBGRAPH_NAMES } from '../src/subgraph-names.ts';

const subgraphs = readSupergraphConfig(SUPERGRAPH_CONFIG_FILE);

describe('composition', () => {
  it('supergraph.yaml lists the four subgraphs', () => {
    expect(subgraphs.map((subgraph) => subgraph.name)).toEqual([...SUBGRAPH_NAMES]);
  });

  it('committed supergraph matches a fresh composition', () => {
    const committed = fs.readFileSync(SUPERGRAPH_SCHEMA_FILE, 'utf8');
    // On failure: run `npm run compose` and commit schema/supergraph.graphql.
    expect(committed).toBe(composeSupergraph(subgraphs));
  });

  it('subgraphs compose under @apollo/composition too', () => {
    const result = composeWithApollo(subgraphs.map((subgraph) => ({ name: subgraph.name, url: subgraph.routingUrl, typeDefs: parse(subgraph.sdl) })));
    expect(result.errors?.map((error) => error.message) ?? []).toEqual([]);
    expect(result.supergraphSdl).toContain('type Tillsynsobjekt');
  });
});
