import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, parseScale } from '../config/load-config.ts';
import { startSubgraph } from '../subgraph/start-subgraph.ts';
import { isSubgraphName, SUBGRAPH_NAMES } from '../subgraph-names.ts';
import { DevIdentityProviderInProductionError } from '../dev-idp/start-dev-identity-provider.ts';
import { AuditCommandError, auditCommand } from './audit-command.ts';
import { composeCommand } from './compose.ts';
import { TokenCommandError, tokenCommand } from './token-command.ts';
import { seedDatabases } from './seed-databases.ts';
import { GraphRunningError, refuseWhileRunning } from './refuse-while-running.ts';
import { StartError, startAll } from './start-all.ts';
import { stopOnSignals } from './stop-on-signals.ts';
import { loadSubgraphModule } from './subgraph-modules.ts';

const USAGE = `Användning: ivo-graf <kommando>

Kommandon:
  start                       startar de fyra subgraferna och routern, seedar databaserna första gången
  seed [--scale N] [--force]  skapar och seedar databaserna; --force skriver om befintlig seed
  compose                     komponerar schema/supergraph.graphql från supergraph.yaml
  subgraph <namn>             startar en subgraf (${SUBGRAPH_NAMES.join(', ')})
  router                      startar routern
  token <vem>                 skriver ut en utvecklingstoken för en seedad användare (id, del av namn,
                              personnummer eller HSA-id); inte i produktion
  audit (--user <id> | --object <Typ:id>) [--from ÅÅÅÅ-MM-DD] [--to ÅÅÅÅ-MM-DD]
                              listar granskningsloggens poster som JSON-rader
`;

/** Raised for a command line the program cannot run; the message states what was expected. */
class UsageError extends Error {}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'start':
      return startAll(loadConfig());
    case 'seed': {
      const { values } = parseArgs({ args: rest, options: { scale: { type: 'string' }, force: { type: 'boolean', default: false } } });
      const config = loadConfig();
      const scale = values.scale === undefined ? config.seedScale : parseScale(values.scale, '--scale');
      if (values.force) await refuseWhileRunning(config);
      const seeded = await seedDatabases(config, { scale, force: values.force ?? false });
      console.log(seeded.length ? `Seedade ${seeded.join(', ')} i ${config.dataDir}.` : 'Alla databaser var redan seedade.');
      return;
    }
    case 'compose':
      return composeCommand();
    case 'subgraph': {
      const name = rest[0] ?? '';
      if (!isSubgraphName(name)) throw new UsageError(`Okänd subgraf "${name}"; välj en av ${SUBGRAPH_NAMES.join(', ')}.`);
      const running = await startSubgraph(await loadSubgraphModule(name), loadConfig());
      stopOnSignals(() => running.close());
      return;
    }
    case 'router': {
      const { startRouter } = await import('../../router/start-router.ts');
      const running = await startRouter(loadConfig());
      stopOnSignals(() => running.close());
      return;
    }
    case 'token': {
      if (!rest[0]) throw new UsageError('Ange vem token gäller, till exempel: token A-00003');
      if (process.env.NODE_ENV === 'production') throw new DevIdentityProviderInProductionError();
      console.log(await tokenCommand(loadConfig(), rest[0]));
      return;
    }
    case 'audit': {
      const count = await auditCommand(loadConfig(), rest, (line) => console.log(line));
      console.error(`${count} poster.`);
      return;
    }
    case '--help':
    case '-h':
    case 'help':
      console.log(USAGE);
      return;
    default:
      throw new UsageError(command ? `Okänt kommando "${command}".` : 'Ange ett kommando.');
  }
}

// A reader that closes early, like `| head`, ends the output; that is no failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`Felaktig konfiguration: ${error.message}`);
    process.exit(2);
  }
  if (error instanceof TokenCommandError || error instanceof AuditCommandError || error instanceof DevIdentityProviderInProductionError || error instanceof GraphRunningError) {
    console.error(error.message);
    process.exit(2);
  }
  if (error instanceof UsageError) {
    console.error(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
    console.error(`Felaktiga flaggor: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (error instanceof StartError) {
    console.error(`IVO-grafen startade inte: ${error.message}`);
    process.exit(1);
  }
  console.error(error);
  process.exit(1);
});
