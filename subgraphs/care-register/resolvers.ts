import { isIvoStaff } from '../../src/access/access-checks.ts';
import { forbidden } from '../../src/access/forbidden.ts';
import { isPersonalNumber, maskPersonnummer } from '../../src/access/mask-identity.ts';
import { badUserInput } from '../../src/errors/coded-error.ts';
import { toConnection } from '../../src/graphql/connection.ts';
import { referenceKey } from '../../src/graphql/reference-key.ts';
import { readPageArguments } from '../../src/graphql/page-arguments.ts';
import { DatumScalar, TidpunktScalar } from '../../src/graphql/scalars.ts';
import type { Verksamhetstyp } from '../../src/seed/world-types.ts';
import type { SubgraphContext } from '../../src/subgraph/subgraph-module.ts';
import type { CareRegisterDatabase, HuvudmanRow, TillsynsobjektRow, VerksamhetRow } from './database.ts';
import type { CareRegisterLoaders } from './loaders.ts';
import * as queries from './queries.ts';

type Context = SubgraphContext<CareRegisterDatabase, CareRegisterLoaders>;
type PageArgs = { first?: number | null; after?: string | null };
type UnitListArgs = PageArgs & { filter?: queries.TillsynsobjektFilter | null };

const MAX_AGE = 130;
const MAX_NAME_SEARCH_LENGTH = 100;
const PLACEMENT_TYPES: Verksamhetstyp[] = ['HVB', 'STODBOENDE'];

/**
 * Validates a unit filter and applies the defaults: status AKTIV unless given (an empty list means
 * every status), and for the placement view the types HVB and STODBOENDE unless given.
 */
export function readTillsynsobjektFilter(input: queries.TillsynsobjektFilter | null | undefined, defaultTypes: Verksamhetstyp[] | null = null): queries.TillsynsobjektFilter {
  const filter = { ...input };
  if (filter.alder != null && (filter.alder < 0 || filter.alder > MAX_AGE)) {
    throw badUserInput('filter.alder', `Filtret alder ska vara en ålder från 0 till ${MAX_AGE} år (fick ${filter.alder}).`);
  }
  if (filter.kommunKod != null && !/^\d{4}$/.test(filter.kommunKod)) {
    throw badUserInput('filter.kommunKod', `Filtret kommunKod ska vara SCB:s kommunkod med fyra siffror, till exempel 1480 (fick "${filter.kommunKod}").`);
  }
  if (filter.lanKod != null && !/^\d{2}$/.test(filter.lanKod)) {
    throw badUserInput('filter.lanKod', `Filtret lanKod ska vara SCB:s länskod med två siffror, till exempel 14 (fick "${filter.lanKod}").`);
  }
  if (filter.namn != null) {
    filter.namn = filter.namn.trim();
    if (filter.namn.length > MAX_NAME_SEARCH_LENGTH) {
      throw badUserInput('filter.namn', `Filtret namn får vara högst ${MAX_NAME_SEARCH_LENGTH} tecken (fick ${filter.namn.length}).`);
    }
  }

  filter.status = filter.status ?? ['AKTIV'];
  if (defaultTypes && filter.verksamhetstyp == null) filter.verksamhetstyp = defaultTypes;
  return filter;
}

async function searchUnits(args: UnitListArgs, { database }: Context, defaultTypes: Verksamhetstyp[] | null) {
  const page = readPageArguments(args);
  const filter = readTillsynsobjektFilter(args.filter, defaultTypes);
  const rows = await queries.selectTillsynsobjektPage(database.db, filter, page);
  return toConnection(rows, page, (row) => [row.namn, row.id], () => queries.countTillsynsobjekt(database.db, filter));
}

/** Resolvers of the care register: providers, operations and supervised units. */
export const resolvers = {
  Datum: DatumScalar,
  Tidpunkt: TidpunktScalar,

  Query: {
    tillsynsobjekt: (_: unknown, { id }: { id: string }, { loaders }: Context) => loaders.tillsynsobjektById.load(id),
    sokTillsynsobjekt: (_: unknown, args: UnitListArgs, context: Context) => searchUnits(args, context, null),
    placeringsalternativ: (_: unknown, args: UnitListArgs, context: Context) => searchUnits(args, context, PLACEMENT_TYPES),
    huvudman: (_: unknown, { id }: { id: string }, { loaders }: Context) => loaders.huvudmanById.load(id),
    huvudmanMedOrganisationsnummer: (_: unknown, { organisationsnummer }: { organisationsnummer: string }, { loaders, access }: Context) => {
      if (!/^\d{6}-\d{4}$/.test(organisationsnummer)) {
        throw badUserInput('organisationsnummer', `Argumentet organisationsnummer ska skrivas NNNNNN-NNNN (fick "${organisationsnummer.slice(0, 40)}").`);
      }
      // A sole trader's number is the owner's personnummer: a lookup would confirm a number only
      // IVO staff may read, whether or not a provider has it.
      if (isPersonalNumber(organisationsnummer) && !isIvoStaff(access)) throw forbidden('personalNumberLookup');
      return loaders.huvudmanByOrganisationsnummer.load(organisationsnummer);
    },
    verksamhet: (_: unknown, { id }: { id: string }, { loaders }: Context) => loaders.verksamhetById.load(id),
  },

  Kommun: {
    __resolveReference: (reference: { kod: string }) => ({ kod: referenceKey(reference, 'kod') }),
    tillsynsobjekt: async (kommun: { kod: string }, args: UnitListArgs, { loaders }: Context) => {
      const page = readPageArguments(args);
      const filter = readTillsynsobjektFilter({ ...args.filter, kommunKod: null });
      const rows = await loaders.tillsynsobjektPageByKommun.load({ parentId: kommun.kod, args: { filter, page } });
      return toConnection(rows, page, (row) => [row.namn, row.id], () => loaders.tillsynsobjektCountByKommun.load({ parentId: kommun.kod, args: filter }));
    },
  },

  Huvudman: {
    __resolveReference: (reference: { id: string }, { loaders }: Context) => loaders.huvudmanById.load(referenceKey(reference, 'id')),
    organisationsnummer: (huvudman: HuvudmanRow, _: unknown, { access, audit }: Context) => {
      if (!isPersonalNumber(huvudman.organisationsnummer)) return huvudman.organisationsnummer;
      if (!isIvoStaff(access)) return maskPersonnummer(huvudman.organisationsnummer);
      audit.record('Huvudman', huvudman.id, 'organisationsnummer');
      return huvudman.organisationsnummer;
    },
    verksamheter: (huvudman: HuvudmanRow, _: unknown, { loaders }: Context) => loaders.verksamheterByHuvudman.load(huvudman.id),
    tillsynsobjekt: async (huvudman: HuvudmanRow, args: PageArgs, { loaders }: Context) => {
      const page = readPageArguments(args);
      // A provider's own list shows every unit, whatever its status.
      const filter: queries.TillsynsobjektFilter = {};
      const rows = await loaders.tillsynsobjektPageByHuvudman.load({ parentId: huvudman.id, args: { filter, page } });
      return toConnection(rows, page, (row) => [row.namn, row.id], () => loaders.tillsynsobjektCountByHuvudman.load({ parentId: huvudman.id, args: filter }));
    },
  },

  Verksamhet: {
    __resolveReference: (reference: { id: string }, { loaders }: Context) => loaders.verksamhetById.load(referenceKey(reference, 'id')),
    huvudman: (verksamhet: VerksamhetRow, _: unknown, { loaders }: Context) => loaders.huvudmanById.load(verksamhet.huvudman_id),
    tillstand: (verksamhet: VerksamhetRow) =>
      verksamhet.tillstand_datum === null
        ? null
        : { datum: verksamhet.tillstand_datum, omfattning: verksamhet.tillstand_omfattning ?? '', status: verksamhet.tillstand_status },
    tillsynsobjekt: (verksamhet: VerksamhetRow, _: unknown, { loaders }: Context) => loaders.tillsynsobjektByVerksamhet.load(verksamhet.id),
  },

  Tillsynsobjekt: {
    __resolveReference: (reference: { id: string }, { loaders }: Context) => loaders.tillsynsobjektById.load(referenceKey(reference, 'id')),
    kommun: (unit: TillsynsobjektRow) => ({ kod: unit.kommun_kod }),
    huvudman: (unit: TillsynsobjektRow, _: unknown, { loaders }: Context) => loaders.huvudmanById.load(unit.huvudman_id),
    verksamhet: (unit: TillsynsobjektRow, _: unknown, { loaders }: Context) => loaders.verksamhetById.load(unit.verksamhet_id),
    adress: (unit: TillsynsobjektRow) => ({ gatuadress: unit.gatuadress, postnummer: unit.postnummer, postort: unit.postort }),
    kontaktuppgifter: (unit: TillsynsobjektRow) => ({ telefon: unit.telefon, epost: unit.epost }),
    malgrupper: async (unit: TillsynsobjektRow, _: unknown, { loaders }: Context) =>
      (await loaders.malgrupperByTillsynsobjekt.load(unit.id)).map((row) => row.malgrupp),
    alder: (unit: TillsynsobjektRow) => ({ fran: unit.alder_fran, till: unit.alder_till }),
    antalPlatser: (unit: TillsynsobjektRow) => unit.antal_platser,
    skyddatBoende: (unit: TillsynsobjektRow) => unit.skyddat_boende === 1,
    senastAndrad: (unit: TillsynsobjektRow) => unit.senast_andrad,
  },
};
