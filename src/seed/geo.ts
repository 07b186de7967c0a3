import { readFileSync } from 'node:fs';
import type { KommunRecord, LanRecord } from './world-types.ts';

/** A postal code and the locality (postort) it belongs to. */
export interface PostalCode {
  postnummer: string;
  postort: string;
}

/** A municipality with the forms of its name that the seed needs. */
export interface Municipality extends KommunRecord {
  /** The full name, for example "Göteborgs kommun". */
  fullName: string;
}

/** Swedish counties, municipalities and postal codes from SCB (see geo/README.md). */
export interface GeoData {
  lan: LanRecord[];
  kommuner: Municipality[];
  /** Postal codes by municipality code. Every municipality has at least one. */
  postalCodesByKommun: Map<string, PostalCode[]>;
}

/**
 * Reads the three CSV files beside this module. Every code stays a string because leading
 * zeros matter (county "01", municipality "0114").
 */
export function loadGeo(): GeoData {
  const countyRows = readCsv('counties.csv', ['county_code', 'county_name', 'county_name_short']);
  const municipalityRows = readCsv('municipalities.csv', ['municipality_code', 'municipality_name', 'municipality_name_short', 'county_code']);
  const postalRows = readCsv('postal_to_municipality.csv', ['postal_code', 'locality', 'municipality_code', 'municipality_name']);

  const lan: LanRecord[] = countyRows.map((row) => ({ kod: checkCode(row, 0, 2, 'counties.csv'), namn: row[1] as string }));
  const countyCodes = new Set(lan.map((county) => county.kod));

  const kommuner: Municipality[] = municipalityRows.map((row) => {
    const lanKod = checkCode(row, 3, 2, 'municipalities.csv');
    if (!countyCodes.has(lanKod)) {
      throw new Error(`municipalities.csv: county code "${lanKod}" of municipality ${row[0]} is not in counties.csv.`);
    }
    return { kod: checkCode(row, 0, 4, 'municipalities.csv'), namn: row[2] as string, fullName: row[1] as string, lanKod };
  });

  const postalCodesByKommun = new Map<string, PostalCode[]>();
  for (const row of postalRows) {
    const postnummer = checkCode(row, 0, 5, 'postal_to_municipality.csv');
    const kommunKod = checkCode(row, 2, 4, 'postal_to_municipality.csv');
    let codes = postalCodesByKommun.get(kommunKod);
    if (!codes) {
      codes = [];
      postalCodesByKommun.set(kommunKod, codes);
    }
    codes.push({ postnummer, postort: row[1] as string });
  }

  addFallbackPostalCodes(kommuner, postalCodesByKommun);
  return { lan, kommuner, postalCodesByKommun };
}

/**
 * Gives each municipality without postal codes one invented entry: its own name as postort and a
 * code "NNN 00", where NNN is the three-digit prefix of the median postal code of its county.
 * The extract covers about 82 % of Swedish postal codes, so a municipality could be missing.
 * The September 2024 extract has codes for all 290 municipalities, so today this adds nothing.
 */
export function addFallbackPostalCodes(kommuner: readonly Municipality[], postalCodesByKommun: Map<string, PostalCode[]>): void {
  const codesByCounty = new Map<string, string[]>();
  for (const kommun of kommuner) {
    const codes = postalCodesByKommun.get(kommun.kod) ?? [];
    const countyCodes = codesByCounty.get(kommun.lanKod) ?? [];
    for (const code of codes) countyCodes.push(code.postnummer);
    codesByCounty.set(kommun.lanKod, countyCodes);
  }

  for (const kommun of kommuner) {
    if ((postalCodesByKommun.get(kommun.kod)?.length ?? 0) > 0) continue;
    const countyCodes = (codesByCounty.get(kommun.lanKod) ?? []).slice().sort();
    const median = countyCodes[Math.floor(countyCodes.length / 2)];
    if (median === undefined) {
      throw new Error(`No postal code known in county ${kommun.lanKod}, so municipality ${kommun.kod} cannot get a fallback.`);
    }
    postalCodesByKommun.set(kommun.kod, [{ postnummer: `${median.slice(0, 3)}00`, postort: kommun.namn }]);
  }
}

/** Reads a header-checked CSV file without quoting (the SCB extracts use none) into rows. */
function readCsv(fileName: string, expectedHeader: readonly string[]): string[][] {
  const text = readFileSync(new URL(`./geo/${fileName}`, import.meta.url), 'utf8').replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/).filter((line) => line.length > 0);
  const header = lines.shift()?.split(',') ?? [];
  if (header.join(',') !== expectedHeader.join(',')) {
    throw new Error(`${fileName}: header is "${header.join(',')}", expected "${expectedHeader.join(',')}".`);
  }

  return lines.map((line, index) => {
    const fields = line.split(',');
    if (fields.length !== expectedHeader.length) {
      throw new Error(`${fileName}: line ${index + 2} has ${fields.length} fields, expected ${expectedHeader.length}.`);
    }
    return fields;
  });
}

function checkCode(row: readonly string[], column: number, digits: number, fileName: string): string {
  const code = row[column] ?? '';
  if (code.length !== digits || !/^\d+$/.test(code)) {
    throw new Error(`${fileName}: "${code}" in row "${row.join(',')}" is not a ${digits}-digit code.`);
  }
  return code;
}
