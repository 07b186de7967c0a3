import { readSchemaFile } from '../../src/subgraph/read-schema-file.ts';
import type { SubgraphModule } from '../../src/subgraph/subgraph-module.ts';
import type { CareRegisterDatabase } from './database.ts';
import { createLoaders, type CareRegisterLoaders } from './loaders.ts';
import { migrations } from './migrations.ts';
import { audit, permissions } from './permissions.ts';
import { resolvers } from './resolvers.ts';
import { seed } from './seed.ts';

/** The care register subgraph: providers, operations and supervised units. */
export const careRegisterSubgraph: SubgraphModule<CareRegisterDatabase, CareRegisterLoaders> = {
  name: 'care-register',
  typeDefs: readSchemaFile(new URL('./schema.graphql', import.meta.url)),
  resolvers,
  migrations,
  seed,
  createLoaders,
  permissions,
  audit,
};
