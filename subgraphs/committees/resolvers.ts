import { badUserInput } from '../../src/errors/coded-error.ts';
import { toConnection } from '../../src/graphql/connection.ts';
import { referenceKey } from '../../src/graphql/reference-key.ts';
import { readPageArguments } from '../../src/graphql/page-arguments.ts';
import type { SubgraphContext } from '../../src/subgraph/subgraph-module.ts';
import type { CommitteesDatabase, KommunRow, LanRow, NamndRow } from './database.ts';
import type { CommitteesLoaders } from './loaders.ts';
import * as queries from './queries.ts';

type Context = SubgraphContext<CommitteesDatabase, CommitteesLoaders>;
type PageArgs = { first?: number | null; after?: string | null };

const LAN_KOD = { pattern: /^\d{2}$/, expected: 'SCB:s länskod med två siffror, till exempel 14' };
const KOMMUN_KOD = { pattern: /^\d{4}$/, expected: 'SCB:s kommunkod med fyra siffror, till exempel 1480' };

function assertCode(value: string | null | undefined, argument: string, format: { pattern: RegExp; expected: string }): void {
  if (value != null && !format.pattern.test(value)) {
    throw badUserInput(argument, `Argumentet ${argument} ska vara ${format.expected} (fick "${value}").`);
  }
}

/** Resolvers of the committee register: counties, municipalities and committees. */
export const resolvers = {
  Query: {
    allaLan: (_: unknown, __: unknown, { database }: Context) => queries.selectAllLan(database.db),
    lan: (_: unknown, { kod }: { kod: string }, { loaders }: Context) => loaders.lanByKod.load(kod),
    kommun: (_: unknown, { kod }: { kod: string }, { loaders }: Context) => loaders.kommunByKod.load(kod),
    kommuner: async (_: unknown, args: PageArgs & { lanKod?: string | null }, { database }: Context) => {
      const page = readPageArguments(args);
      assertCode(args.lanKod, 'lanKod', LAN_KOD);
      const rows = await queries.selectKommunPage(database.db, args.lanKod, page);
      return toConnection(rows, page, (row) => [row.kod], () => queries.countKommuner(database.db, args.lanKod));
    },
    namnd: (_: unknown, { id }: { id: string }, { loaders }: Context) => loaders.namndById.load(id),
    namnder: async (_: unknown, args: PageArgs & queries.NamndFilter, { database }: Context) => {
      const page = readPageArguments(args);
      assertCode(args.kommunKod, 'kommunKod', KOMMUN_KOD);
      const rows = await queries.selectNamndPage(database.db, args, page);
      return toConnection(rows, page, (row) => [row.id], () => queries.countNamnder(database.db, args));
    },
  },

  Lan: {
    __resolveReference: (reference: { kod: string }, { loaders }: Context) => loaders.lanByKod.load(referenceKey(reference, 'kod')),
    kommuner: (lan: LanRow, _: unknown, { loaders }: Context) => loaders.kommunerByLan.load(lan.kod),
  },

  Kommun: {
    __resolveReference: (reference: { kod: string }, { loaders }: Context) => loaders.kommunByKod.load(referenceKey(reference, 'kod')),
    lan: (kommun: KommunRow, _: unknown, { loaders }: Context) => loaders.lanByKod.load(kommun.lan_kod),
    namnder: (kommun: KommunRow, _: unknown, { loaders }: Context) => loaders.namnderByKommun.load(kommun.kod),
  },

  Namnd: {
    __resolveReference: (reference: { id: string }, { loaders }: Context) => loaders.namndById.load(referenceKey(reference, 'id')),
    kommun: (namnd: NamndRow, _: unknown, { loaders }: Context) => loaders.kommunByKod.load(namnd.kommun_kod),
    verksamhetsomraden: async (namnd: NamndRow, _: unknown, { loaders }: Context) =>
      (await loaders.omradenByNamnd.load(namnd.id)).map((row) => row.verksamhetsomrade),
  },
};
