import { readSchemaFile } from '../../src/subgraph/read-schema-file.ts';
import type { SubgraphModule } from '../../src/subgraph/subgraph-module.ts';
import type { CommitteesDatabase } from './database.ts';
import { createLoaders, type CommitteesLoaders } from './loaders.ts';
import { migrations } from './migrations.ts';
import { audit, permissions } from './permissions.ts';
import { resolvers } from './resolvers.ts';
import { seed } from './seed.ts';

/** The committee register subgraph: counties, municipalities and their committees. */
export const committeesSubgraph: SubgraphModule<CommitteesDatabase, CommitteesLoaders> = {
  name: 'committees',
  typeDefs: readSchemaFile(new URL('./schema.graphql', import.meta.url)),
  resolvers,
  migrations,
  seed,
  createLoaders,
  permissions,
  audit,
};
