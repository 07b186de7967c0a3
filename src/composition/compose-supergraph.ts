import { composeServices } from '@theguild/federation-composition';
import { parse } from 'graphql';
import type { SubgraphEntry } from './read-supergraph-config.ts';

/** Raised when the subgraphs do not compose; the message lists every composition error. */
export class CompositionError extends Error {
  constructor(readonly errors: readonly string[]) {
    super(`The subgraphs do not compose:\n${errors.map((error) => `  - ${error}`).join('\n')}`);
    this.name = 'CompositionError';
  }
}

/** Composes the subgraphs into a supergraph SDL with The Guild's federation composition. */
export function composeSupergraph(subgraphs: readonly SubgraphEntry[]): string {
  const result = composeServices(subgraphs.map((subgraph) => ({ name: subgraph.name, url: subgraph.routingUrl, typeDefs: parse(subgraph.sdl) })));
  if (result.errors?.length || !result.supergraphSdl) {
    throw new CompositionError((result.errors ?? []).map((error) => error.message));
  }
  return `${result.supergraphSdl.trimEnd()}\n`;
}
