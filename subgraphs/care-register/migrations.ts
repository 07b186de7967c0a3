import type { Kysely, Migration } from 'kysely';

/** Creates the care register's tables and the indexes its searches use. */
export const migrations: Record<string, Migration> = {
  '0001_care_register': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('huvudman')
        .addColumn('id', 'varchar(20)', (column) => column.primaryKey())
        .addColumn('organisationsnummer', 'varchar(11)', (column) => column.notNull().unique())
        .addColumn('namn', 'varchar(200)', (column) => column.notNull())
        .addColumn('huvudmannatyp', 'varchar(20)', (column) => column.notNull())
        .execute();

      await db.schema
        .createTable('verksamhet')
        .addColumn('id', 'varchar(20)', (column) => column.primaryKey())
        .addColumn('huvudman_id', 'varchar(20)', (column) => column.notNull().references('huvudman.id'))
        .addColumn('namn', 'varchar(200)', (column) => column.notNull())
        .addColumn('tillstand_datum', 'date')
        .addColumn('tillstand_omfattning', 'varchar(500)')
        .addColumn('tillstand_status', 'varchar(20)')
        .execute();
      await db.schema.createIndex('verksamhet_huvudman_id').on('verksamhet').columns(['huvudman_id', 'id']).execute();

      await db.schema
        .createTable('tillsynsobjekt')
        .addColumn('id', 'varchar(20)', (column) => column.primaryKey())
        .addColumn('verksamhet_id', 'varchar(20)', (column) => column.notNull().references('verksamhet.id'))
        .addColumn('huvudman_id', 'varchar(20)', (column) => column.notNull().references('huvudman.id'))
        .addColumn('namn', 'varchar(200)', (column) => column.notNull())
        .addColumn('verksamhetstyp', 'varchar(40)', (column) => column.notNull())
        .addColumn('verksamhetsomrade', 'varchar(30)', (column) => column.notNull())
        .addColumn('status', 'varchar(10)', (column) => column.notNull())
        .addColumn('kommun_kod', 'varchar(4)', (column) => column.notNull())
        .addColumn('lan_kod', 'varchar(2)', (column) => column.notNull())
        .addColumn('gatuadress', 'varchar(200)', (column) => column.notNull())
        .addColumn('postnummer', 'varchar(5)', (column) => column.notNull())
        .addColumn('postort', 'varchar(100)', (column) => column.notNull())
        .addColumn('telefon', 'varchar(30)', (column) => column.notNull())
        .addColumn('epost', 'varchar(200)', (column) => column.notNull())
        .addColumn('alder_fran', 'integer', (column) => column.notNull())
        .addColumn('alder_till', 'integer', (column) => column.notNull())
        .addColumn('kon', 'varchar(10)', (column) => column.notNull())
        .addColumn('antal_platser', 'integer', (column) => column.notNull())
        .addColumn('tillstandsdatum', 'date')
        .addColumn('skyddat_boende', 'integer', (column) => column.notNull())
        .addColumn('senast_andrad', 'varchar(30)', (column) => column.notNull())
        .execute();
      // Searches filter on status and one of county, municipality or provider, then sort by name.
      await db.schema.createIndex('tillsynsobjekt_status_namn').on('tillsynsobjekt').columns(['status', 'namn', 'id']).execute();
      await db.schema.createIndex('tillsynsobjekt_lan').on('tillsynsobjekt').columns(['lan_kod', 'status', 'namn', 'id']).execute();
      await db.schema.createIndex('tillsynsobjekt_kommun').on('tillsynsobjekt').columns(['kommun_kod', 'status', 'namn', 'id']).execute();
      await db.schema.createIndex('tillsynsobjekt_huvudman').on('tillsynsobjekt').columns(['huvudman_id', 'namn', 'id']).execute();
      await db.schema.createIndex('tillsynsobjekt_verksamhet').on('tillsynsobjekt').columns(['verksamhet_id', 'namn', 'id']).execute();

      await db.schema
        .createTable('tillsynsobjekt_malgrupp')
        .addColumn('tillsynsobjekt_id', 'varchar(20)', (column) => column.notNull().references('tillsynsobjekt.id'))
        .addColumn('malgrupp', 'varchar(50)', (column) => column.notNull())
        .addPrimaryKeyConstraint('tillsynsobjekt_malgrupp_pk', ['tillsynsobjekt_id', 'malgrupp'])
        .execute();
      await db.schema.createIndex('tillsynsobjekt_malgrupp_malgrupp').on('tillsynsobjekt_malgrupp').columns(['malgrupp', 'tillsynsobjekt_id']).execute();
    },
  },
};
