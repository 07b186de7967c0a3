import type { Kysely, Migration } from 'kysely';

/** Creates the committee register's tables and the indexes its queries use. */
export const migrations: Record<string, Migration> = {
  '0001_committees': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('lan')
        .addColumn('kod', 'varchar(2)', (column) => column.primaryKey())
        .addColumn('namn', 'varchar(100)', (column) => column.notNull())
        .execute();
      await db.schema
        .createTable('kommun')
        .addColumn('kod', 'varchar(4)', (column) => column.primaryKey())
        .addColumn('namn', 'varchar(100)', (column) => column.notNull())
        .addColumn('lan_kod', 'varchar(2)', (column) => column.notNull().references('lan.kod'))
        .execute();
      await db.schema.createIndex('kommun_lan_kod').on('kommun').columns(['lan_kod', 'kod']).execute();
      await db.schema
        .createTable('namnd')
        .addColumn('id', 'varchar(20)', (column) => column.primaryKey())
        .addColumn('namn', 'varchar(200)', (column) => column.notNull())
        .addColumn('kommun_kod', 'varchar(4)', (column) => column.notNull().references('kommun.kod'))
        .execute();
      await db.schema.createIndex('namnd_kommun_kod').on('namnd').columns(['kommun_kod', 'id']).execute();
      await db.schema
        .createTable('namnd_verksamhetsomrade')
        .addColumn('namnd_id', 'varchar(20)', (column) => column.notNull().references('namnd.id'))
        .addColumn('verksamhetsomrade', 'varchar(30)', (column) => column.notNull())
        .addPrimaryKeyConstraint('namnd_verksamhetsomrade_pk', ['namnd_id', 'verksamhetsomrade'])
        .execute();
      await db.schema.createIndex('namnd_verksamhetsomrade_omrade').on('namnd_verksamhetsomrade').columns(['verksamhetsomrade', 'namnd_id']).execute();
    },
  },
};
