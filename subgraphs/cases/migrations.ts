import type { Kysely, Migration } from 'kysely';

/** Creates the case system's tables and the indexes its queries use. */
export const migrations: Record<string, Migration> = {
  '0001_cases': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('klassificering')
        .addColumn('kod', 'varchar(20)', (column) => column.primaryKey())
        .addColumn('namn', 'varchar(200)', (column) => column.notNull())
        .addColumn('arendetyp', 'varchar(20)', (column) => column.notNull())
        .execute();
      await db.schema
        .createTable('installning')
        .addColumn('nyckel', 'varchar(50)', (column) => column.primaryKey())
        .addColumn('varde', 'varchar(200)', (column) => column.notNull())
        .execute();

      await db.schema
        .createTable('arende')
        .addColumn('diarienummer', 'varchar(30)', (column) => column.primaryKey())
        .addColumn('klassificering_kod', 'varchar(20)', (column) => column.notNull().references('klassificering.kod'))
        .addColumn('verksamhetsomrade', 'varchar(30)', (column) => column.notNull())
        .addColumn('arendemening', 'varchar(500)', (column) => column.notNull())
        .addColumn('status', 'varchar(10)', (column) => column.notNull())
        .addColumn('inkom', 'date', (column) => column.notNull())
        .addColumn('avslutat', 'date')
        .addColumn('part_namn', 'varchar(200)', (column) => column.notNull())
        .addColumn('part_identitet', 'varchar(13)', (column) => column.notNull())
        .addColumn('part_typ', 'varchar(20)', (column) => column.notNull())
        .execute();

      await db.schema
        .createTable('arende_koppling')
        .addColumn('diarienummer', 'varchar(30)', (column) => column.primaryKey().references('arende.diarienummer'))
        .addColumn('tillsynsobjekt_id', 'varchar(20)', (column) => column.notNull())
        .addColumn('metod', 'varchar(20)', (column) => column.notNull())
        .addColumn('konfidens', 'real', (column) => column.notNull())
        .execute();
      await db.schema.createIndex('arende_koppling_tillsynsobjekt').on('arende_koppling').columns(['tillsynsobjekt_id', 'diarienummer']).execute();

      await db.schema
        .createTable('beslut')
        .addColumn('id', 'varchar(20)', (column) => column.primaryKey())
        .addColumn('diarienummer', 'varchar(30)', (column) => column.notNull().references('arende.diarienummer'))
        .addColumn('datum', 'date', (column) => column.notNull())
        .addColumn('beslutstyp', 'varchar(30)', (column) => column.notNull())
        .addColumn('sammanfattning', 'varchar(1000)', (column) => column.notNull())
        .execute();
      await db.schema.createIndex('beslut_diarienummer').on('beslut').columns(['diarienummer', 'datum', 'id']).execute();

      await db.schema
        .createTable('ej_verkstallt_beslut')
        .addColumn('id', 'varchar(20)', (column) => column.primaryKey())
        .addColumn('namnd_id', 'varchar(20)', (column) => column.notNull())
        .addColumn('lagrum', 'varchar(3)', (column) => column.notNull())
        .addColumn('verksamhetsomrade', 'varchar(30)', (column) => column.notNull())
        .addColumn('beslutsdatum', 'date', (column) => column.notNull())
        .addColumn('insats', 'varchar(200)', (column) => column.notNull())
        .addColumn('pseudoidentitet', 'varchar(13)', (column) => column.notNull())
        .addColumn('kon', 'varchar(6)', (column) => column.notNull())
        .addColumn('orsak', 'varchar(2000)', (column) => column.notNull())
        .addColumn('rapporteringskvartal', 'varchar(7)', (column) => column.notNull())
        .addColumn('status', 'varchar(20)', (column) => column.notNull())
        .addColumn('verkstallt_datum', 'date')
        .addColumn('avslutat_datum', 'date')
        .execute();
      await db.schema.createIndex('ej_verkstallt_beslut_namnd').on('ej_verkstallt_beslut').columns(['namnd_id', 'status', 'rapporteringskvartal', 'id']).execute();
    },
  },
};
