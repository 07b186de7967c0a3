import type { AccessContext } from '../../src/access/access-context.ts';
import type { Database } from '../../src/db/open-database.ts';
import { parentLoader, rowListLoader, rowLoader } from '../../src/graphql/loader-factories.ts';
import type { PageArguments } from '../../src/graphql/page-arguments.ts';
import type { Verksamhetsomrade } from '../../src/seed/world-types.ts';
import { caseDenial, evbDenial } from './access.ts';
import type { CasesDatabase, EvbRow, LinkedArendeRow, LinkedBeslutRow } from './database.ts';
import * as queries from './queries.ts';

/**
 * Creates the case system's loaders for one request. Cases, decisions and EVB reports are
 * restricted as a whole, so their loaders by key check every row against the caller's access.
 */
export function createLoaders({ db }: Database<CasesDatabase>, access: AccessContext) {
  return {
    arendeByDiarienummer: rowLoader((numbers) => queries.selectArendeByDiarienummer(db, numbers), (row) => row.diarienummer, (row) => caseDenial(access, row)),
    kopplingByDiarienummer: rowLoader((numbers) => queries.selectKopplingByDiarienummer(db, numbers), (row) => row.diarienummer),
    arendePageByTillsynsobjekt: parentLoader<{ filter: queries.ArendeFilter; page: PageArguments }, LinkedArendeRow[]>(
      (ids, args) => queries.selectArendePagesByTillsynsobjekt(db, ids, args.filter, args.page),
      [],
    ),
    arendeCountByTillsynsobjekt: parentLoader<queries.ArendeFilter, number>((ids, filter) => queries.countArendenByTillsynsobjekt(db, ids, filter), 0),
    latestTillsynsbeslutByTillsynsobjekt: parentLoader<Verksamhetsomrade[], LinkedBeslutRow | null>((ids, areas) => queries.selectLatestTillsynsbeslut(db, ids, areas), null),
    beslutByDiarienummer: rowListLoader((numbers) => queries.selectBeslutByDiarienummer(db, numbers), (row) => row.diarienummer),
    beslutById: rowLoader((ids) => queries.selectBeslutById(db, ids), (row) => row.id, (row) => caseDenial(access, row)),
    klassificeringByKod: rowLoader((codes) => queries.selectKlassificeringByKod(db, codes), (row) => row.kod),
    evbPageByNamnd: parentLoader<{ filter: queries.EvbFilter; page: PageArguments }, EvbRow[]>(
      (ids, args) => queries.selectEvbPagesByNamnd(db, ids, args.filter, args.page),
      [],
    ),
    evbCountByNamnd: parentLoader<queries.EvbFilter, number>((ids, filter) => queries.countEvbByNamnd(db, ids, filter), 0),
    evbById: rowLoader((ids) => queries.selectEvbById(db, ids), (row) => row.id, (row) => evbDenial(access, row)),
  };
}

export type CasesLoaders = ReturnType<typeof createLoaders>;
