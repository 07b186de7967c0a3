import { readSchemaFile } from '../../src/subgraph/read-schema-file.ts';
import type { SubgraphModule } from '../../src/subgraph/subgraph-module.ts';
import type { UsersDatabase } from './database.ts';
import { createLoaders, type UsersLoaders } from './loaders.ts';
import { migrations } from './migrations.ts';
import { audit, permissions } from './permissions.ts';
import { resolvers } from './resolvers.ts';
import { seed } from './seed.ts';

/** The reporter register subgraph: users, their roles per committee and the committees' reporters. */
export const usersSubgraph: SubgraphModule<UsersDatabase, UsersLoaders> = {
  name: 'users',
  typeDefs: readSchemaFile(new URL('./schema.graphql', import.meta.url)),
  resolvers,
  migrations,
  seed,
  createLoaders,
  permissions,
  audit,
};
