import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import type { DocumentNode } from 'graphql';
import type { IRules } from 'graphql-shield';
import type { Kysely, Migration } from 'kysely';
import type { AccessContext } from '../access/access-context.ts';
import type { AuditCollector } from '../audit/audit-collector.ts';
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
  /** Set when the router calls on its own behalf rather than for a caller. */
  purpose: 'access-context' | null;
  /** The restricted data this request returned, reported to the router for the audit log. */
  audit: AuditCollector;
  /** Login identities whose roles this request changed, reported so the router drops their cached access. */
  accessChanges: Set<string>;
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
  /** Creates the request's DataLoaders; loaders of objects restricted as a whole check access. */
  createLoaders(database: Database<Schema>, access: AccessContext): Loaders;
  /** graphql-shield rules: one named rule for every field of every type. */
  permissions: IRules;
  /** The restricted fields per type that the audit log records, and how to read an object's id. */
  audit: AuditSpec;
}

/** Restricted fields per type name, with the function that reads the object's id from its row. */
export type AuditSpec = Record<string, { idOf: (parent: any) => string; fields: readonly string[] }>;
