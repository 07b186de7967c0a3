import { subgraphVariablePrefix, type Config } from '../config/load-config.ts';
import { explainUnreachableDatabase } from '../db/unreachable-database-error.ts';
import { generateWorld } from '../seed/generate-world.ts';
import type { World } from '../seed/world-types.ts';
import { prepareDatabase, readSeedScale } from '../subgraph/prepare-database.ts';
import { SUBGRAPH_NAMES } from '../subgraph-names.ts';
import { createSeedProgress } from './seed-progress.ts';
import { loadSubgraphModule } from './subgraph-modules.ts';

/** Options of `seedDatabases`. */
export interface SeedOptions {
  scale: number;
  /** Write the seed anew even where a database contains one. */
  force: boolean;
}

/**
 * Migrates every subgraph's database and seeds those without a seed. The world is generated at
 * most once and shared, so all four databases agree on ids. Returns the names seeded now.
 */
export async function seedDatabases(config: Config, options: SeedOptions): Promise<string[]> {
  let world: World | undefined;
  const worldOnce = (): World => {
    if (!world) {
      process.stderr.write(`generating seed data at scale ${options.scale} …\n`);
      world = generateWorld({ scale: options.scale });
    }
    return world;
  };

  const progress = createSeedProgress();
  const seeded: string[] = [];
  try {
    for (const name of SUBGRAPH_NAMES) {
      const module = await loadSubgraphModule(name);
      const prepared = await prepareDatabase(module, config.databaseUrls[name], {
        scale: options.scale,
        reseed: options.force,
        world: worldOnce,
        progress: progress.forSubgraph(name),
      }).catch((error: unknown) => {
        throw explainUnreachableDatabase(error, `${subgraphVariablePrefix(name)}_DATABASE_URL`, config.databaseUrls[name]);
      });
      const scale = await readSeedScale(prepared.database);
      await prepared.database.close();
      if (prepared.seeded) seeded.push(name);
      else if (scale !== options.scale) {
        process.stderr.write(`${name}: keeps its seed at scale ${scale}; run "npm run seed -- --scale ${options.scale} --force" to replace it\n`);
      }
    }
  } finally {
    progress.stop();
  }
  return seeded;
}
