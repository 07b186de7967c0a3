import { readFileSync } from 'node:fs';
import { toEpochDay } from './dates.ts';
import { ARENDETYPER, VERKSAMHETSOMRADEN, type Arendetyp, type KlassificeringRecord, type Verksamhetsomrade } from './world-types.ts';

/** A classification plus the seed-only fields: the areas it fits, its weight and its title templates. */
export interface Klassificering extends KlassificeringRecord {
  verksamhetsomraden: Verksamhetsomrade[];
  /** Relative share among the codes of the same case type that fit a unit. */
  vikt: number;
  /** Title templates; `{tillsynsobjekt}`, `{huvudman}`, `{kommun}` and `{verksamhetsbeskrivning}` are replaced. */
  arendemeningar: string[];
}

/** The classification scheme and the case link cut-off from reference/klassificeringar.json. */
export interface CaseReference {
  /** Cases opened before this date (`YYYY-MM-DD`) are not linked to the register. */
  kopplingsgrans: string;
  klassificeringar: Klassificering[];
}

/**
 * Reads and validates reference/klassificeringar.json. Throws when a field is missing or has an
 * unknown value, or when some pair of case type and area has no classification, because the
 * generator needs one for every such pair.
 */
export function loadCaseReference(): CaseReference {
  const fileName = 'reference/klassificeringar.json';
  const data: unknown = JSON.parse(readFileSync(new URL(`./${fileName}`, import.meta.url), 'utf8'));
  if (!isObject(data)) throw new Error(`${fileName}: expected a JSON object at the top level.`);

  const kopplingsgrans = data['kopplingsgrans'];
  if (typeof kopplingsgrans !== 'string') throw new Error(`${fileName}: "kopplingsgrans" must be a date string YYYY-MM-DD.`);
  toEpochDay(kopplingsgrans);

  const entries = data['klassificeringar'];
  if (!Array.isArray(entries) || entries.length === 0) throw new Error(`${fileName}: "klassificeringar" must be a non-empty array.`);

  const seenCodes = new Set<string>();
  const klassificeringar = entries.map((entry: unknown, index): Klassificering => {
    const where = `${fileName}: klassificeringar[${index}]`;
    if (!isObject(entry)) throw new Error(`${where} must be an object.`);

    const { kod, namn, arendetyp, verksamhetsomraden, vikt, arendemeningar } = entry;
    if (typeof kod !== 'string' || !/^\d+(\.\d+)*$/.test(kod)) throw new Error(`${where}: "kod" must be a dotted code such as "3.1.2".`);
    if (seenCodes.has(kod)) throw new Error(`${where}: code ${kod} appears twice.`);
    seenCodes.add(kod);
    if (typeof namn !== 'string' || namn.length === 0) throw new Error(`${where}: "namn" must be a non-empty string.`);
    if (!ARENDETYPER.includes(arendetyp as Arendetyp)) throw new Error(`${where}: "arendetyp" must be one of ${ARENDETYPER.join(', ')}.`);
    if (!Array.isArray(verksamhetsomraden) || verksamhetsomraden.length === 0 || !verksamhetsomraden.every((area) => VERKSAMHETSOMRADEN.includes(area))) {
      throw new Error(`${where}: "verksamhetsomraden" must be a non-empty array of ${VERKSAMHETSOMRADEN.join(', ')}.`);
    }
    if (typeof vikt !== 'number' || !(vikt > 0)) throw new Error(`${where}: "vikt" must be a positive number.`);
    if (!Array.isArray(arendemeningar) || arendemeningar.length === 0 || !arendemeningar.every((title) => typeof title === 'string')) {
      throw new Error(`${where}: "arendemeningar" must be a non-empty array of strings.`);
    }

    return { kod, namn, arendetyp: arendetyp as Arendetyp, verksamhetsomraden: verksamhetsomraden as Verksamhetsomrade[], vikt, arendemeningar: arendemeningar as string[] };
  });

  for (const arendetyp of ARENDETYPER) {
    for (const area of VERKSAMHETSOMRADEN) {
      if (!klassificeringar.some((k) => k.arendetyp === arendetyp && k.verksamhetsomraden.includes(area))) {
        throw new Error(`${fileName}: no classification of type ${arendetyp} covers area ${area}.`);
      }
    }
  }

  return { kopplingsgrans, klassificeringar };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
