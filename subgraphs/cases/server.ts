import { readSchemaFile } from '../../src/subgraph/read-schema-file.ts';
import type { SubgraphModule } from '../../src/subgraph/subgraph-module.ts';
import type { CasesDatabase } from './database.ts';
import { createLoaders, type CasesLoaders } from './loaders.ts';
import { migrations } from './migrations.ts';
import { audit, permissions } from './permissions.ts';
import { resolvers } from './resolvers.ts';
import { seed } from './seed.ts';

/** The case system subgraph: cases, decisions and reports of decisions not carried out. */
export const casesSubgraph: SubgraphModule<CasesDatabase, CasesLoaders> = {
  name: 'cases',
  typeDefs: readSchemaFile(new URL('./schema.graphql', import.meta.url)),
  resolvers,
  migrations,
  seed,
  createLoaders,
  permissions,
  audit,
};
