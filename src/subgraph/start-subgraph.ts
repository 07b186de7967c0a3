import { loadInternalPublicKey } from '../access/internal-keys.ts';
import type { Config } from '../config/load-config.ts';
import type { Database } from '../db/open-database.ts';
import { createLogger, type Logger } from '../log/create-logger.ts';
import type { World } from '../seed/world-types.ts';
import { createSubgraphServer } from './create-subgraph-server.ts';
import { prepareDatabase } from './prepare-database.ts';
import type { SeedProgress, SubgraphModule } from './subgraph-module.ts';

/** A subgraph running in this process, with its database. */
export interface RunningSubgraph<Schema = unknown> {
  name: string;
  url: string;
  metricsUrl: string;
  database: Database<Schema>;
  close(): Promise<void>;
}

/** Options of `startSubgraph`; tests pass port 0 for a free port. */
export interface StartSubgraphOptions {
  port?: number;
  /** Port of the metrics listener; a free one when `port` is 0, as in tests. */
  metricsPort?: number;
  log?: Logger;
  world?: () => World;
  progress?: SeedProgress;
}

/** Prepares a subgraph's database (migrations, first-start seed) and starts its server. */
export async function startSubgraph<Schema>(module: SubgraphModule<Schema>, config: Config, options: StartSubgraphOptions = {}): Promise<RunningSubgraph<Schema>> {
  const log = options.log ?? createLogger(`subgraph-${module.name}`, config.logLevel);
  const { database, seeded } = await prepareDatabase(module, config.databaseUrls[module.name], {
    scale: config.seedScale,
    world: options.world,
    progress: options.progress,
  });
  if (seeded) log.info({ scale: config.seedScale }, 'database seeded');

  try {
    const server = await createSubgraphServer(module, database, log, {
      host: config.host,
      port: options.port ?? config.subgraphPorts[module.name],
      internalPublicKey: loadInternalPublicKey(config),
      metrics: { host: config.metrics.host, port: options.metricsPort ?? (options.port === 0 ? 0 : config.metrics.subgraphPorts[module.name]) },
      benchmark: config.benchmark,
    });
    log.info({ url: server.url }, 'subgraph listening');
    return {
      name: module.name,
      url: server.url,
      metricsUrl: server.metricsUrl,
      database,
      close: async () => {
        await server.close();
        await database.close();
        log.info('subgraph stopped');
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
