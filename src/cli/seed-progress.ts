import cliProgress from 'cli-progress';
import type { SeedProgress } from '../subgraph/subgraph-module.ts';

/** A progress display for seeding: one bar per table on a terminal, one line per table otherwise. */
export interface SeedProgressDisplay {
  forSubgraph(name: string): SeedProgress;
  stop(): void;
}

/** Creates the seed progress display on stderr. */
export function createSeedProgress(stream: NodeJS.WriteStream = process.stderr): SeedProgressDisplay {
  if (!stream.isTTY) {
    return {
      forSubgraph: (name) => (table, done, total) => {
        if (done === total) stream.write(`seeded ${name}/${table}: ${total} rows\n`);
      },
      stop: () => {},
    };
  }

  const bars = new cliProgress.MultiBar(
    { stream, format: '{label} [{bar}] {value}/{total}', barsize: 30, hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  const byTable = new Map<string, cliProgress.SingleBar>();
  return {
    forSubgraph: (name) => (table, done, total) => {
      const label = `${name}/${table}`.padEnd(42);
      let bar = byTable.get(label);
      if (!bar) {
        bar = bars.create(Math.max(total, 1), 0, { label });
        byTable.set(label, bar);
      }
      bar.update(done, { label });
    },
    stop: () => bars.stop(),
  };
}
