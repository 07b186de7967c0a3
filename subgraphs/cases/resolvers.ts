import { evbAreasForNamnd, isIvoStaff, readableAreas } from '../../src/access/access-checks.ts';
import { maskPersonnummer } from '../../src/access/mask-identity.ts';
import { badUserInput } from '../../src/errors/coded-error.ts';
import type { Verksamhetsomrade } from '../../src/seed/world-types.ts';
import { todayInSweden } from '../../src/time/today-in-sweden.ts';
import { toConnection } from '../../src/graphql/connection.ts';
import { referenceKey } from '../../src/graphql/reference-key.ts';
import { readPageArguments } from '../../src/graphql/page-arguments.ts';
import { DatumScalar } from '../../src/graphql/scalars.ts';
import type { SubgraphContext } from '../../src/subgraph/subgraph-module.ts';
import type { ArendeRow, BeslutRow, CasesDatabase, EvbRow, LinkedArendeRow } from './database.ts';
import type { CasesLoaders } from './loaders.ts';
import * as queries from './queries.ts';

type Context = SubgraphContext<CasesDatabase, CasesLoaders>;
type UnitReference = { id: string; verksamhetsomrade: Verksamhetsomrade };
type PartyValue = { namn: string; typ: ArendeRow['part_typ']; identitet: string; diarienummer: string };
type CaseListArgs = Pick<queries.ArendeFilter, 'arendetyp' | 'inkomFran' | 'inkomTill'>;
type PageArgs = { first?: number | null; after?: string | null };

function assertPeriod(from: string | null | undefined, to: string | null | undefined, fromName: string, toName: string): void {
  if (from && to && from > to) {
    throw badUserInput(fromName, `Argumentet ${fromName} (${from}) ligger efter ${toName} (${to}); ange en period där början kommer först.`);
  }
}

/** Resolvers of the case system: cases, decisions, EVB reports and the units' and committees' lists of them. */
export const resolvers = {
  Datum: DatumScalar,

  Query: {
    arende: (_: unknown, { diarienummer }: { diarienummer: string }, { loaders }: Context) => loaders.arendeByDiarienummer.load(diarienummer),
    beslut: (_: unknown, { id }: { id: string }, { loaders }: Context) => loaders.beslutById.load(id),
    ejVerkstalltBeslut: (_: unknown, { id }: { id: string }, { loaders }: Context) => loaders.evbById.load(id),
    klassificeringar: (_: unknown, __: unknown, { database }: Context) => queries.selectAllKlassificeringar(database.db),
  },

  Tillsynsobjekt: {
    // The reference carries the unit's area from the care register (@requires); the rules read it.
    __resolveReference: (reference: UnitReference) => ({ ...reference, id: referenceKey(reference, 'id') }),
    arenden: async (unit: UnitReference, args: PageArgs & CaseListArgs, { loaders, access }: Context) => {
      const page = readPageArguments(args);
      assertPeriod(args.inkomFran, args.inkomTill, 'inkomFran', 'inkomTill');
      const filter: queries.ArendeFilter = {
        arendetyp: args.arendetyp,
        inkomFran: args.inkomFran,
        inkomTill: args.inkomTill,
        verksamhetsomraden: [...readableAreas(access)].sort(),
        utanUpplysningar: !isIvoStaff(access),
      };
      const rows = await loaders.arendePageByTillsynsobjekt.load({ parentId: unit.id, args: { filter, page } });
      return toConnection(rows, page, (row) => [row.inkom, row.diarienummer], () => loaders.arendeCountByTillsynsobjekt.load({ parentId: unit.id, args: filter }));
    },
    senasteTillsynsbeslut: (unit: UnitReference, _: unknown, { loaders, access }: Context) =>
      loaders.latestTillsynsbeslutByTillsynsobjekt.load({ parentId: unit.id, args: [...readableAreas(access)].sort() }),
    antalUpplysningsarenden: (unit: UnitReference, args: { fran?: string | null; till?: string | null }, { loaders, access }: Context) => {
      assertPeriod(args.fran, args.till, 'fran', 'till');
      const filter: queries.ArendeFilter = {
        arendetyp: ['UPPLYSNING'],
        inkomFran: args.fran,
        inkomTill: args.till ?? todayInSweden(),
        verksamhetsomraden: [...readableAreas(access)].sort(),
        utanUpplysningar: false,
      };
      return loaders.arendeCountByTillsynsobjekt.load({ parentId: unit.id, args: filter });
    },
  },

  Namnd: {
    __resolveReference: (reference: { id: string }) => ({ id: referenceKey(reference, 'id') }),
    ejVerkstallaBeslut: async (namnd: { id: string }, args: PageArgs & Omit<queries.EvbFilter, 'tillatnaOmraden'>, { loaders, access }: Context) => {
      const page = readPageArguments(args);
      const filter: queries.EvbFilter = {
        status: args.status,
        verksamhetsomrade: args.verksamhetsomrade,
        tillatnaOmraden: [...evbAreasForNamnd(access, namnd.id)].sort(),
      };
      const rows = await loaders.evbPageByNamnd.load({ parentId: namnd.id, args: { filter, page } });
      return toConnection(rows, page, (row) => [row.rapporteringskvartal, row.id], () => loaders.evbCountByNamnd.load({ parentId: namnd.id, args: filter }));
    },
  },

  Arende: {
    __resolveReference: (reference: { diarienummer: string }, { loaders }: Context) => loaders.arendeByDiarienummer.load(referenceKey(reference, 'diarienummer')),
    klassificering: (arende: ArendeRow, _: unknown, { loaders }: Context) => loaders.klassificeringByKod.load(arende.klassificering_kod),
    arendepart: (arende: ArendeRow): PartyValue => ({ namn: arende.part_namn, typ: arende.part_typ, identitet: arende.part_identitet, diarienummer: arende.diarienummer }),
    koppling: async (arende: ArendeRow | LinkedArendeRow, _: unknown, { loaders }: Context) => {
      // A case reached through a unit's list carries its link already.
      const link = 'tillsynsobjekt_id' in arende ? arende : await loaders.kopplingByDiarienummer.load(arende.diarienummer);
      if (!link) return null;
      return { tillsynsobjekt: { id: link.tillsynsobjekt_id }, metod: link.metod, konfidens: link.konfidens };
    },
    beslut: (arende: ArendeRow, _: unknown, { loaders }: Context) => loaders.beslutByDiarienummer.load(arende.diarienummer),
  },

  Arendepart: {
    // A natural person's personnummer is masked for all but IVO staff, whose reading is audited.
    identitet: (party: PartyValue, _: unknown, { access, audit }: Context) => {
      if (party.typ !== 'PERSON') return party.identitet;
      if (!isIvoStaff(access)) return maskPersonnummer(party.identitet);
      audit.record('Arende', party.diarienummer, 'arendepart.identitet');
      return party.identitet;
    },
  },

  Beslut: {
    __resolveReference: (reference: { id: string }, { loaders }: Context) => loaders.beslutById.load(referenceKey(reference, 'id')),
    arende: (beslut: BeslutRow, _: unknown, { loaders }: Context) => loaders.arendeByDiarienummer.load(beslut.diarienummer),
  },

  EjVerkstalltBeslut: {
    __resolveReference: (reference: { id: string }, { loaders }: Context) => loaders.evbById.load(referenceKey(reference, 'id')),
    namnd: (report: EvbRow) => ({ id: report.namnd_id }),
    verkstalltDatum: (report: EvbRow) => report.verkstallt_datum,
    avslutatDatum: (report: EvbRow) => report.avslutat_datum,
  },
};
