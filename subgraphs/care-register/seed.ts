import type { Kysely } from 'kysely';
import { insertTables } from '../../src/db/insert-rows.ts';
import type { World } from '../../src/seed/world-types.ts';
import type { SeedProgress } from '../../src/subgraph/subgraph-module.ts';
import type { CareRegisterDatabase } from './database.ts';

/** Writes providers, operations and units from the world into the care register. */
export async function seed(db: Kysely<CareRegisterDatabase>, world: World, progress: SeedProgress): Promise<void> {
  const tables = [
    [
      'huvudman',
      world.huvudman.map((huvudman) => ({
        id: huvudman.id,
        organisationsnummer: huvudman.organisationsnummer,
        namn: huvudman.namn,
        huvudmannatyp: huvudman.huvudmannatyp,
      })),
    ],
    [
      'verksamhet',
      world.verksamheter.map((verksamhet) => ({
        id: verksamhet.id,
        huvudman_id: verksamhet.huvudmanId,
        namn: verksamhet.namn,
        tillstand_datum: verksamhet.tillstandDatum,
        tillstand_omfattning: verksamhet.tillstandOmfattning,
        tillstand_status: verksamhet.tillstandStatus,
      })),
    ],
    [
      'tillsynsobjekt',
      world.tillsynsobjekt.map((unit) => ({
        id: unit.id,
        verksamhet_id: unit.verksamhetId,
        huvudman_id: unit.huvudmanId,
        namn: unit.namn,
        verksamhetstyp: unit.verksamhetstyp,
        verksamhetsomrade: unit.verksamhetsomrade,
        status: unit.status,
        kommun_kod: unit.kommunKod,
        lan_kod: unit.lanKod,
        gatuadress: unit.gatuadress,
        postnummer: unit.postnummer,
        postort: unit.postort,
        telefon: unit.telefon,
        epost: unit.epost,
        alder_fran: unit.alderFran,
        alder_till: unit.alderTill,
        kon: unit.kon,
        antal_platser: unit.antalPlatser,
        tillstandsdatum: unit.tillstandsdatum,
        skyddat_boende: unit.skyddatBoende ? 1 : 0,
        senast_andrad: unit.senastAndrad,
      })),
    ],
    [
      'tillsynsobjekt_malgrupp',
      world.tillsynsobjekt.flatMap((unit) => unit.malgrupper.map((malgrupp) => ({ tillsynsobjekt_id: unit.id, malgrupp }))),
    ],
  ] as const;

  await insertTables(db, tables, progress);
}
