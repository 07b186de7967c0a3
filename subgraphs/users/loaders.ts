import DataLoader from 'dataloader';
import type { AccessContext } from '../../src/access/access-context.ts';
import type { Database } from '../../src/db/open-database.ts';
import { MAX_BATCH_SIZE, parentLoader, rowListLoader } from '../../src/graphql/loader-factories.ts';
import type { PageArguments } from '../../src/graphql/page-arguments.ts';
import { userDenial } from './access.ts';
import type { AnvandareRow, RolltilldelningRow, UsersDatabase } from './database.ts';
import * as queries from './queries.ts';

/** Arguments of a committee's reporter list: the date roles must be valid on, and the page. */
export interface ReporterListArgs {
  today: string;
  page: PageArguments;
}

/** Arguments of a committee's assignment list. */
export interface AssignmentListArgs {
  statuses: queries.AssignmentStatus[] | null;
  today: string;
  page: PageArguments;
}

/**
 * Creates the reporter register's loaders for one request. Users are restricted as a whole, so
 * the loader by id checks each user against the caller's access with the user's committees.
 */
export function createLoaders({ db }: Database<UsersDatabase>, access: AccessContext) {
  const rollerByAnvandare = rowListLoader((ids) => queries.selectRollerByAnvandare(db, ids), (row) => row.anvandare_id);

  return {
    anvandareById: new DataLoader<string, AnvandareRow | null>(
      async (ids) => {
        const users = new Map((await queries.selectAnvandareById(db, ids)).map((row) => [row.id, row]));
        const roles = await rollerByAnvandare.loadMany([...users.keys()]);
        const rolesByUser = new Map([...users.keys()].map((id, index) => [id, roles[index] as RolltilldelningRow[]]));
        return ids.map((id) => {
          const user = users.get(id);
          if (!user) return null;
          return userDenial(access, id, rolesByUser.get(id) ?? []) ?? user;
        });
      },
      { maxBatchSize: MAX_BATCH_SIZE },
    ),
    rollerByAnvandare,
    omradenByRolltilldelning: rowListLoader((ids) => queries.selectOmradenByRolltilldelning(db, ids), (row) => row.rolltilldelning_id),
    reporterPageByNamnd: parentLoader<ReporterListArgs, queries.CommitteeUserRow[]>((ids, args) => queries.selectReporterPagesByNamnd(db, ids, args.today, args.page), []),
    reporterCountByNamnd: parentLoader<string, number>((ids, today) => queries.countReportersByNamnd(db, ids, today), 0),
    assignmentPageByNamnd: parentLoader<AssignmentListArgs, RolltilldelningRow[]>(
      (ids, args) => queries.selectAssignmentPagesByNamnd(db, ids, args.statuses, args.today, args.page),
      [],
    ),
    assignmentCountByNamnd: parentLoader<Omit<AssignmentListArgs, 'page'>, number>((ids, args) => queries.countAssignmentsByNamnd(db, ids, args.statuses, args.today), 0),
  };
}

export type UsersLoaders = ReturnType<typeof createLoaders>;
