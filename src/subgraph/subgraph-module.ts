import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import type { DocumentNode } from 'graphql';
import type { Kysely, Migration } from 'kysely';
import type { AccessContext } from '../access/access-context.ts';
import type { Database } from '../db/open-database.ts';
import type { Logger } from '../log/create-logger.ts';
import type { World } from '../seed/world-types.ts';
import type { SubgraphName } from '../subgraph-names.ts';

/** Reports seed progress: which table, how many rows written, of how many. */
export type SeedProgress = (table: string, done: number, total: number) => void;

/** What a resolver receives as context: one per request, loaders included. */
export interface SubgraphContext<Schema, Loaders> {
  requestId: string;
  access: AccessContext;
  database: Database<Schema>;
  loaders: Loaders;
  log: Logger;
}

/**
 * Everything the shared runtime needs to run one subgraph. Each subgraph folder exports one of
 * these from its `server.ts`, so all four start, migrate and seed the same way.
 */
export interface SubgraphModule<Schema = any, Loaders = any> {
  name: SubgraphName;
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap<SubgraphContext<Schema, Loaders>>;
  migrations: Record<string, Migration>;
  /** Writes the subgraph's part of the world; runs inside one transaction. */
  seed(db: Kysely<Schema>, world: World, progress: SeedProgress): Promise<void>;
  /** Creates the request's DataLoaders. */
  createLoaders(database: Database<Schema>): Loaders;
}
