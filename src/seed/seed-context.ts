import { fromEpochDay, toEpochDay } from './dates.ts';
import type { GeoData, Municipality } from './geo.ts';
import type { IdentifierFactory } from './identifiers.ts';
import { type Random, WeightedTable } from './random.ts';

/** Callback that receives the progress of one generation step. */
export type ProgressCallback = (step: string, done: number, total: number) => void;

/** State shared by the generation steps of one world. */
export interface SeedContext {
  random: Random;
  /** Multiplies providers, units, cases, decisions, EVB reports and rapportörer. */
  scale: number;
  geo: GeoData;
  kommunByKod: Map<string, Municipality>;
  /** Population weight of each municipality, from populationWeights. */
  kommunWeights: Map<string, number>;
  /** Municipalities drawn in proportion to population. */
  kommunTable: WeightedTable<Municipality>;
  identifiers: IdentifierFactory;
  progress: ProgressReporter;
}

/** Last day of the generated history: cases open up to this day. */
export const WORLD_END_DATE = '2026-11-30';

/**
 * Returns a population weight per municipality: its number of postal codes in the SCB extract.
 * The count is a rough proxy for population (Stockholm, Göteborg and Malmö have the most codes),
 * used because the repository ships no population table.
 */
export function populationWeights(geo: GeoData): Map<string, number> {
  const weights = new Map<string, number>();
  for (const kommun of geo.kommuner) {
    weights.set(kommun.kod, geo.postalCodesByKommun.get(kommun.kod)?.length ?? 1);
  }
  return weights;
}

/**
 * Passes progress to the caller's callback, at most about twenty times per step, so that a
 * progress bar stays cheap even when a step produces hundreds of thousands of rows.
 */
export class ProgressReporter {
  private step = '';
  private total = 0;
  private nextReport = 0;
  private interval = 1;

  constructor(private readonly onProgress: ProgressCallback | undefined) {}

  /** Starts a step and reports 0 of `total`. */
  start(step: string, total: number): void {
    this.step = step;
    this.total = Math.max(0, Math.round(total));
    this.interval = Math.max(1, Math.ceil(this.total / 20));
    this.nextReport = this.interval;
    this.onProgress?.(step, 0, this.total);
  }

  /** Reports `done` when it has passed the next reporting threshold. */
  update(done: number): void {
    if (done < this.nextReport || done >= this.total) return;
    this.nextReport = done + this.interval;
    this.onProgress?.(this.step, done, this.total);
  }

  /** Reports the step as complete. The total is replaced by `done` when the final count differs. */
  finish(done: number = this.total): void {
    this.onProgress?.(this.step, done, done);
  }
}

/** Formats a sequential id such as `TO-000001`. */
export function formatId(prefix: string, sequence: number, digits: number): string {
  return `${prefix}-${String(sequence).padStart(digits, '0')}`;
}

/** Rounds up or down at random so that the expected value equals `value`. */
export function roundStochastically(value: number, random: Random): number {
  const floor = Math.floor(value);
  return floor + (random.chance(value - floor) ? 1 : 0);
}

/** Returns an ISO 8601 UTC timestamp without milliseconds, between two dates (inclusive). */
export function timestampBetween(random: Random, fromIso: string, toIso: string): string {
  const day = random.int(toEpochDay(fromIso), toEpochDay(toIso));
  const seconds = random.int(6 * 3600, 20 * 3600);
  const time = new Date(seconds * 1000).toISOString().slice(11, 19);
  return `${fromEpochDay(day)}T${time}Z`;
}

/** Turns a Swedish name into a lower-case ASCII slug for e-mail addresses ("Östra Göinge" → "ostra-goinge"). */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replaceAll(/[åä]/g, 'a')
    .replaceAll('ö', 'o')
    .normalize('NFD')
    .replaceAll(/[\u0300-\u036f]/g, '')
    .replaceAll(/[^a-z0-9]+/g, '-')
    .replaceAll(/^-|-$/g, '');
}

/** Formats an integer with a space between thousands, as Swedish does ("200 000"). */
export function formatThousands(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/** Returns a random birth date for someone aged between minAge and maxAge on `onDate`. */
export function birthDateForAge(random: Random, minAge: number, maxAge: number, onDate: string): string {
  const reference = toEpochDay(onDate);
  // Someone aged exactly maxAge was born up to maxAge + 1 years before, less one day.
  const earliest = reference - Math.round((maxAge + 1) * 365.25) + 1;
  const latest = reference - Math.round(minAge * 365.25);
  return fromEpochDay(random.int(earliest, latest));
}
