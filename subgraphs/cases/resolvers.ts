import { badUserInput } from '../../src/errors/coded-error.ts';
import { toConnection } from '../../src/graphql/connection.ts';
import { readPageArguments } from '../../src/graphql/page-arguments.ts';
import { DatumScalar } from '../../src/graphql/scalars.ts';
import type { SubgraphContext } from '../../src/subgraph/subgraph-module.ts';
import type { ArendeRow, BeslutRow, CasesDatabase, EvbRow, LinkedArendeRow } from './database.ts';
import type { CasesLoaders } from './loaders.ts';
import * as queries from './queries.ts';

type Context = SubgraphContext<CasesDatabase, CasesLoaders>;
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
    __resolveReference: (reference: { id: string }) => ({ id: reference.id }),
    arenden: async (unit: { id: string }, args: PageArgs & queries.ArendeFilter, { loaders }: Context) => {
      const page = readPageArguments(args);
      assertPeriod(args.inkomFran, args.inkomTill, 'inkomFran', 'inkomTill');
      const filter: queries.ArendeFilter = { arendetyp: args.arendetyp, inkomFran: args.inkomFran, inkomTill: args.inkomTill };
      const rows = await loaders.arendePageByTillsynsobjekt.load({ parentId: unit.id, args: { filter, page } });
      return toConnection(rows, page, (row) => [row.inkom, row.diarienummer], () => loaders.arendeCountByTillsynsobjekt.load({ parentId: unit.id, args: filter }));
    },
    senasteTillsynsbeslut: (unit: { id: string }, _: unknown, { loaders }: Context) =>
      loaders.latestTillsynsbeslutByTillsynsobjekt.load({ parentId: unit.id, args: null }),
    antalUpplysningsarenden: (unit: { id: string }, args: { fran?: string | null; till?: string | null }, { loaders }: Context) => {
      assertPeriod(args.fran, args.till, 'fran', 'till');
      const filter: queries.ArendeFilter = { arendetyp: ['UPPLYSNING'], inkomFran: args.fran, inkomTill: args.till };
      return loaders.arendeCountByTillsynsobjekt.load({ parentId: unit.id, args: filter });
    },
  },

  Namnd: {
    __resolveReference: (reference: { id: string }) => ({ id: reference.id }),
    ejVerkstallaBeslut: async (namnd: { id: string }, args: PageArgs & queries.EvbFilter, { loaders }: Context) => {
      const page = readPageArguments(args);
      const filter: queries.EvbFilter = { status: args.status, verksamhetsomrade: args.verksamhetsomrade };
      const rows = await loaders.evbPageByNamnd.load({ parentId: namnd.id, args: { filter, page } });
      return toConnection(rows, page, (row) => [row.rapporteringskvartal, row.id], () => loaders.evbCountByNamnd.load({ parentId: namnd.id, args: filter }));
    },
  },

  Arende: {
    __resolveReference: (reference: { diarienummer: string }, { loaders }: Context) => loaders.arendeByDiarienummer.load(reference.diarienummer),
    klassificering: (arende: ArendeRow, _: unknown, { loaders }: Context) => loaders.klassificeringByKod.load(arende.klassificering_kod),
    arendetyp: async (arende: ArendeRow, _: unknown, { loaders }: Context) => (await loaders.klassificeringByKod.load(arende.klassificering_kod))?.arendetyp,
    arendepart: (arende: ArendeRow) => ({ namn: arende.part_namn, typ: arende.part_typ, identitet: arende.part_identitet }),
    koppling: async (arende: ArendeRow | LinkedArendeRow, _: unknown, { loaders }: Context) => {
      // A case reached through a unit's list carries its link already.
      const link = 'tillsynsobjekt_id' in arende ? arende : await loaders.kopplingByDiarienummer.load(arende.diarienummer);
      if (!link) return null;
      return { tillsynsobjekt: { id: link.tillsynsobjekt_id }, metod: link.metod, konfidens: link.konfidens };
    },
    beslut: (arende: ArendeRow, _: unknown, { loaders }: Context) => loaders.beslutByDiarienummer.load(arende.diarienummer),
  },

  Beslut: {
    __resolveReference: (reference: { id: string }, { loaders }: Context) => loaders.beslutById.load(reference.id),
    arende: (beslut: BeslutRow, _: unknown, { loaders }: Context) => loaders.arendeByDiarienummer.load(beslut.diarienummer),
  },

  EjVerkstalltBeslut: {
    __resolveReference: (reference: { id: string }, { loaders }: Context) => loaders.evbById.load(reference.id),
    namnd: (report: EvbRow) => ({ id: report.namnd_id }),
    verkstalltDatum: (report: EvbRow) => report.verkstallt_datum,
    avslutatDatum: (report: EvbRow) => report.avslutat_datum,
  },
};
