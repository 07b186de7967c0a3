import type { Kysely, Migration } from 'kysely';
import { addIdentityColumn } from '../../src/db/add-identity-column.ts';
import { makeTableAppendOnly } from '../../src/db/append-only-table.ts';

/** Creates the reporter register's tables and the indexes its queries use. */
export const migrations: Record<string, Migration> = {
  '0001_users': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('anvandare')
        .addColumn('id', 'varchar(20)', (column) => column.primaryKey())
        .addColumn('namn', 'varchar(200)', (column) => column.notNull())
        .addColumn('epost', 'varchar(200)', (column) => column.notNull())
        .addColumn('personnummer', 'varchar(12)', (column) => column.unique())
        .addColumn('hsa_id', 'varchar(64)', (column) => column.unique())
        .execute();
      await db.schema.createIndex('anvandare_namn').on('anvandare').columns(['namn', 'id']).execute();

      await db.schema
        .createTable('rolltilldelning')
        .addColumn('id', 'varchar(20)', (column) => column.primaryKey())
        .addColumn('anvandare_id', 'varchar(20)', (column) => column.notNull().references('anvandare.id'))
        .addColumn('roll', 'varchar(40)', (column) => column.notNull())
        .addColumn('namnd_id', 'varchar(20)')
        .addColumn('giltig_fran', 'date', (column) => column.notNull())
        .addColumn('giltig_till', 'date')
        .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
        .execute();
      await db.schema.createIndex('rolltilldelning_anvandare').on('rolltilldelning').columns(['anvandare_id']).execute();
      await db.schema.createIndex('rolltilldelning_namnd').on('rolltilldelning').columns(['namnd_id', 'roll', 'anvandare_id']).execute();

      await db.schema
        .createTable('rolltilldelning_omrade')
        .addColumn('rolltilldelning_id', 'varchar(20)', (column) => column.notNull().references('rolltilldelning.id'))
        .addColumn('verksamhetsomrade', 'varchar(30)', (column) => column.notNull())
        .addPrimaryKeyConstraint('rolltilldelning_omrade_pk', ['rolltilldelning_id', 'verksamhetsomrade'])
        .execute();
    },
  },

  '0002_administration': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('namnd_omrade')
        .addColumn('namnd_id', 'varchar(20)', (column) => column.notNull())
        .addColumn('verksamhetsomrade', 'varchar(30)', (column) => column.notNull())
        .addPrimaryKeyConstraint('namnd_omrade_pk', ['namnd_id', 'verksamhetsomrade'])
        .execute();

      await addIdentityColumn(db, db.schema.createTable('rolltilldelning_andring'), 'id')
        .addColumn('tidpunkt', 'varchar(30)', (column) => column.notNull())
        .addColumn('utford_av', 'varchar(20)')
        .addColumn('utford_av_roller', 'text', (column) => column.notNull())
        .addColumn('request_id', 'varchar(128)', (column) => column.notNull())
        .addColumn('andring', 'varchar(10)', (column) => column.notNull())
        .addColumn('rolltilldelning_id', 'varchar(20)', (column) => column.notNull())
        .addColumn('fore', 'text')
        .addColumn('efter', 'text', (column) => column.notNull())
        .execute();
      await db.schema.createIndex('rolltilldelning_andring_rolltilldelning').on('rolltilldelning_andring').columns(['rolltilldelning_id', 'id']).execute();
      // Append-only: the database itself rejects changing or deleting a logged change.
      await makeTableAppendOnly(db, 'rolltilldelning_andring');
    },
  },
};
