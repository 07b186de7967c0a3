import type { Database } from '../../src/db/open-database.ts';
import { parentLoader, rowListLoader, rowLoader } from '../../src/graphql/loader-factories.ts';
import type { PageArguments } from '../../src/graphql/page-arguments.ts';
import type { CareRegisterDatabase, TillsynsobjektRow } from './database.ts';
import * as queries from './queries.ts';

/** Arguments of a per-parent unit list: the filter and the page. */
export interface UnitListArgs {
  filter: queries.TillsynsobjektFilter;
  page: PageArguments;
}

/** Creates the care register's loaders for one request. */
export function createLoaders({ db }: Database<CareRegisterDatabase>) {
  const pagesBy = (column: 'kommun_kod' | 'huvudman_id') =>
    parentLoader<UnitListArgs, TillsynsobjektRow[]>((ids, args) => queries.selectTillsynsobjektPagesBy(db, column, ids, args.filter, args.page), []);
  const countsBy = (column: 'kommun_kod' | 'huvudman_id') =>
    parentLoader<queries.TillsynsobjektFilter, number>((ids, filter) => queries.countTillsynsobjektBy(db, column, ids, filter), 0);

  return {
    tillsynsobjektById: rowLoader((ids) => queries.selectTillsynsobjektById(db, ids), (row) => row.id),
    tillsynsobjektByVerksamhet: rowListLoader((ids) => queries.selectTillsynsobjektByVerksamhet(db, ids), (row) => row.verksamhet_id),
    tillsynsobjektPageByKommun: pagesBy('kommun_kod'),
    tillsynsobjektCountByKommun: countsBy('kommun_kod'),
    tillsynsobjektPageByHuvudman: pagesBy('huvudman_id'),
    tillsynsobjektCountByHuvudman: countsBy('huvudman_id'),
    malgrupperByTillsynsobjekt: rowListLoader((ids) => queries.selectMalgrupperByTillsynsobjekt(db, ids), (row) => row.tillsynsobjekt_id),
    huvudmanById: rowLoader((ids) => queries.selectHuvudmanById(db, ids), (row) => row.id),
    huvudmanByOrganisationsnummer: rowLoader((numbers) => queries.selectHuvudmanByOrganisationsnummer(db, numbers), (row) => row.organisationsnummer),
    verksamhetById: rowLoader((ids) => queries.selectVerksamhetById(db, ids), (row) => row.id),
    verksamheterByHuvudman: rowListLoader((ids) => queries.selectVerksamheterByHuvudman(db, ids), (row) => row.huvudman_id),
  };
}

export type CareRegisterLoaders = ReturnType<typeof createLoaders>;
