import type { Database } from '../../src/db/open-database.ts';
import { parentLoader, rowListLoader, rowLoader } from '../../src/graphql/loader-factories.ts';
import type { PageArguments } from '../../src/graphql/page-arguments.ts';
import type { UsersDatabase } from './database.ts';
import * as queries from './queries.ts';

/** Arguments of a committee's reporter list: the date roles must be valid on, and the page. */
export interface ReporterListArgs {
  today: string;
  page: PageArguments;
}

/** Creates the reporter register's loaders for one request. */
export function createLoaders({ db }: Database<UsersDatabase>) {
  return {
    anvandareById: rowLoader((ids) => queries.selectAnvandareById(db, ids), (row) => row.id),
    rollerByAnvandare: rowListLoader((ids) => queries.selectRollerByAnvandare(db, ids), (row) => row.anvandare_id),
    omradenByRolltilldelning: rowListLoader((ids) => queries.selectOmradenByRolltilldelning(db, ids), (row) => row.rolltilldelning_id),
    reporterPageByNamnd: parentLoader<ReporterListArgs, queries.CommitteeUserRow[]>((ids, args) => queries.selectReporterPagesByNamnd(db, ids, args.today, args.page), []),
    reporterCountByNamnd: parentLoader<string, number>((ids, today) => queries.countReportersByNamnd(db, ids, today), 0),
  };
}

export type UsersLoaders = ReturnType<typeof createLoaders>;
