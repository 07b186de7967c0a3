import type { SubgraphModule } from '../subgraph/subgraph-module.ts';
import type { SubgraphName } from '../subgraph-names.ts';

/** Loads the module of one subgraph; only the command line reaches into the subgraph folders. */
export async function loadSubgraphModule(name: SubgraphName): Promise<SubgraphModule> {
  switch (name) {
    case 'care-register':
      return (await import('../../subgraphs/care-register/server.ts')).careRegisterSubgraph;
    case 'cases':
      return (await import('../../subgraphs/cases/server.ts')).casesSubgraph;
    case 'committees':
      return (await import('../../subgraphs/committees/server.ts')).committeesSubgraph;
    case 'users':
      return (await import('../../subgraphs/users/server.ts')).usersSubgraph;
  }
}
