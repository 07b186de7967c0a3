import { huvudrapportorNamnder, isIvoStaff } from '../../src/access/access-checks.ts';
import { maskHsaId, maskPersonnummer, parseLoginIdentity } from '../../src/access/mask-identity.ts';
import { badUserInput } from '../../src/errors/coded-error.ts';
import { toConnection } from '../../src/graphql/connection.ts';
import { referenceKey } from '../../src/graphql/reference-key.ts';
import { readPageArguments } from '../../src/graphql/page-arguments.ts';
import { DatumScalar } from '../../src/graphql/scalars.ts';
import type { SubgraphContext } from '../../src/subgraph/subgraph-module.ts';
import { todayInSweden } from '../../src/time/today-in-sweden.ts';
import type { AnvandareRow, RolltilldelningRow, UsersDatabase } from './database.ts';
import type { UsersLoaders } from './loaders.ts';
import {
  andraRapportor,
  assignmentStatus,
  avslutaRapportor,
  laggTillRapportor,
  type AndraRapportorInput,
  type AvslutaRapportorInput,
  type LaggTillRapportorInput,
} from './mutations.ts';
import * as queries from './queries.ts';
import { isReporterRole } from './access.ts';

type Context = SubgraphContext<UsersDatabase, UsersLoaders>;
type PageArgs = { first?: number | null; after?: string | null };

/** Resolvers of the reporter register: users, their roles and the committees' reporters. */
export const resolvers = {
  Datum: DatumScalar,

  Query: {
    anvandare: (_: unknown, { id }: { id: string }, { loaders }: Context) => loaders.anvandareById.load(id),
    jag: (_: unknown, __: unknown, { access, loaders }: Context) => (access.userId === null ? null : loaders.anvandareById.load(access.userId)),
    atkomstkontext: async (_: unknown, { identitet }: { identitet: string }, { database }: Context) => {
      const identity = parseLoginIdentity(identitet);
      if (!identity) throw badUserInput('identitet', 'Argumentet identitet ska vara ett personnummer med 12 siffror eller ett HSA-id.');
      const user = await queries.selectAnvandareByIdentity(database.db, identity);
      if (!user) return { anvandareId: null, roller: [] };
      const roles = await queries.selectValidRoles(database.db, user.id, todayInSweden());
      return {
        anvandareId: user.id,
        roller: roles.map((role) => ({ roll: role.roll, namndId: role.namnd_id, verksamhetsomraden: role.verksamhetsomraden })),
      };
    },
  },

  Mutation: {
    laggTillRapportor: (_: unknown, { input }: { input: LaggTillRapportorInput }, context: Context) => laggTillRapportor(input, context),
    andraRapportor: (_: unknown, { input }: { input: AndraRapportorInput }, context: Context) => andraRapportor(input, context),
    avslutaRapportor: (_: unknown, { input }: { input: AvslutaRapportorInput }, context: Context) => avslutaRapportor(input, context),
  },

  Namnd: {
    __resolveReference: (reference: { id: string }) => ({ id: referenceKey(reference, 'id') }),
    rapportorer: async (namnd: { id: string }, args: PageArgs, { loaders }: Context) => {
      const page = readPageArguments(args);
      const today = todayInSweden();
      const rows = await loaders.reporterPageByNamnd.load({ parentId: namnd.id, args: { today, page } });
      return toConnection(rows, page, (row) => [row.namn, row.id], () => loaders.reporterCountByNamnd.load({ parentId: namnd.id, args: today }));
    },
    rolltilldelningar: async (namnd: { id: string }, args: PageArgs & { status?: queries.AssignmentStatus[] | null }, { loaders }: Context) => {
      const page = readPageArguments(args);
      const listArgs = { statuses: args.status?.length ? [...args.status].sort() : null, today: todayInSweden() };
      const rows = await loaders.assignmentPageByNamnd.load({ parentId: namnd.id, args: { ...listArgs, page } });
      return toConnection(rows, page, (row) => [row.id], () => loaders.assignmentCountByNamnd.load({ parentId: namnd.id, args: listArgs }));
    },
  },

  Anvandare: {
    __resolveReference: (reference: { id: string }, { loaders }: Context) => loaders.anvandareById.load(referenceKey(reference, 'id')),
    roller: async (user: AnvandareRow, _: unknown, { loaders, access }: Context) => {
      const roles = await loaders.rollerByAnvandare.load(user.id);
      if (access.userId === user.id || isIvoStaff(access)) return roles;
      // A huvudrapportör gets the user's reporter roles in their own committees, nothing else.
      const ledCommittees = new Set(huvudrapportorNamnder(access));
      return roles.filter((role) => isReporterRole(role) && ledCommittees.has(role.namnd_id as string));
    },
    maskeradIdentitet: (user: AnvandareRow) => {
      if (user.personnummer) return maskPersonnummer(user.personnummer);
      return user.hsa_id ? maskHsaId(user.hsa_id) : null;
    },
  },

  Rolltilldelning: {
    anvandare: (role: RolltilldelningRow, _: unknown, { loaders }: Context) => loaders.anvandareById.load(role.anvandare_id),
    status: (role: RolltilldelningRow) => assignmentStatus(role, todayInSweden()),
    namnd: (role: RolltilldelningRow) => (role.namnd_id === null ? null : { id: role.namnd_id }),
    verksamhetsomraden: async (role: RolltilldelningRow, _: unknown, { loaders }: Context) =>
      (await loaders.omradenByRolltilldelning.load(role.id)).map((row) => row.verksamhetsomrade),
    giltigFran: (role: RolltilldelningRow) => role.giltig_fran,
    giltigTill: (role: RolltilldelningRow) => role.giltig_till,
  },
};
