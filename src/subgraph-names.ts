/** The four subgraphs, one per IVO source, in the order they start. */
export const SUBGRAPH_NAMES = ['care-register', 'cases', 'committees', 'users'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

/** Returns whether a string names one of the subgraphs. */
export function isSubgraphName(value: string): value is SubgraphName {
  return (SUBGRAPH_NAMES as readonly string[]).includes(value);
}
