import type { Database } from '../../src/db/open-database.ts';
import { rowListLoader, rowLoader } from '../../src/graphql/loader-factories.ts';
import type { CommitteesDatabase } from './database.ts';
import * as queries from './queries.ts';

/** Creates the committee register's loaders for one request. */
export function createLoaders({ db }: Database<CommitteesDatabase>) {
  return {
    lanByKod: rowLoader((kods) => queries.selectLanByKod(db, kods), (row) => row.kod),
    kommunByKod: rowLoader((kods) => queries.selectKommunByKod(db, kods), (row) => row.kod),
    kommunerByLan: rowListLoader((kods) => queries.selectKommunerByLan(db, kods), (row) => row.lan_kod),
    namndById: rowLoader((ids) => queries.selectNamndById(db, ids), (row) => row.id),
    namnderByKommun: rowListLoader((kods) => queries.selectNamnderByKommun(db, kods), (row) => row.kommun_kod),
    omradenByNamnd: rowListLoader((ids) => queries.selectOmradenByNamnd(db, ids), (row) => row.namnd_id),
  };
}

export type CommitteesLoaders = ReturnType<typeof createLoaders>;
