import type { Kysely } from 'kysely';
import { insertTables } from '../../src/db/insert-rows.ts';
import type { World } from '../../src/seed/world-types.ts';
import type { SeedProgress } from '../../src/subgraph/subgraph-module.ts';
import type { CasesDatabase } from './database.ts';

/** Writes the classification scheme, cases, links, decisions and EVB reports into the case system. */
export async function seed(db: Kysely<CasesDatabase>, world: World, progress: SeedProgress): Promise<void> {
  const tables = [
    ['klassificering', world.klassificeringar.map((entry) => ({ kod: entry.kod, namn: entry.namn, arendetyp: entry.arendetyp }))],
    ['installning', [{ nyckel: 'kopplingsgrans', varde: world.kopplingsgrans }]],
    [
      'arende',
      world.arenden.map((arende) => ({
        diarienummer: arende.diarienummer,
        klassificering_kod: arende.klassificeringKod,
        verksamhetsomrade: arende.verksamhetsomrade,
        arendemening: arende.arendemening,
        status: arende.status,
        inkom: arende.inkom,
        avslutat: arende.avslutat,
        part_namn: arende.partNamn,
        part_identitet: arende.partIdentitet,
        part_typ: arende.partTyp,
      })),
    ],
    [
      'arende_koppling',
      world.kopplingar.map((koppling) => ({
        diarienummer: koppling.diarienummer,
        tillsynsobjekt_id: koppling.tillsynsobjektId,
        metod: koppling.metod,
        konfidens: koppling.konfidens,
      })),
    ],
    [
      'beslut',
      world.beslut.map((beslut) => ({
        id: beslut.id,
        diarienummer: beslut.diarienummer,
        datum: beslut.datum,
        beslutstyp: beslut.beslutstyp,
        sammanfattning: beslut.sammanfattning,
      })),
    ],
    [
      'ej_verkstallt_beslut',
      world.ejVerkstallaBeslut.map((report) => ({
        id: report.id,
        namnd_id: report.namndId,
        lagrum: report.lagrum,
        verksamhetsomrade: report.verksamhetsomrade,
        beslutsdatum: report.beslutsdatum,
        insats: report.insats,
        pseudoidentitet: report.pseudoidentitet,
        kon: report.kon,
        orsak: report.orsak,
        rapporteringskvartal: report.rapporteringskvartal,
        status: report.status,
        verkstallt_datum: report.verkstalltDatum,
        avslutat_datum: report.avslutatDatum,
      })),
    ],
  ] as const;

  await insertTables(db, tables, progress);
}
