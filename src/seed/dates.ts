/**
 * Calendar dates as whole days since 1970-01-01 (UTC), so the seed can add days and compare
 * dates with plain arithmetic and print them as `YYYY-MM-DD`.
 */

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// The seed prints the same few thousand dates many times, so the formatted strings are kept.
const formattedDays = new Map<number, string>();

/** Converts `YYYY-MM-DD` to days since 1970-01-01. Throws on a malformed or impossible date. */
export function toEpochDay(isoDate: string): number {
  const match = ISO_DATE.exec(isoDate);
  if (!match) {
    throw new Error(`Invalid date "${isoDate}": expected YYYY-MM-DD.`);
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new Error(`Invalid date "${isoDate}": no such day in the calendar.`);
  }
  return Math.round(ms / MS_PER_DAY);
}

/** Formats days since 1970-01-01 as `YYYY-MM-DD`. */
export function fromEpochDay(epochDay: number): string {
  let formatted = formattedDays.get(epochDay);
  if (formatted === undefined) {
    formatted = new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10);
    formattedDays.set(epochDay, formatted);
  }
  return formatted;
}

/** Returns the date `days` days after `isoDate` (before it when negative). */
export function addDays(isoDate: string, days: number): string {
  return fromEpochDay(toEpochDay(isoDate) + days);
}

/** Returns the year of a day since 1970-01-01. */
export function yearOfEpochDay(epochDay: number): number {
  return Number(fromEpochDay(epochDay).slice(0, 4));
}

/** A calendar quarter, numbered 1–4 within its year. */
export interface Quarter {
  year: number;
  quarter: number;
}

/** Returns the quarter that contains a day since 1970-01-01. */
export function quarterOfEpochDay(epochDay: number): Quarter {
  const iso = fromEpochDay(epochDay);
  const month = Number(iso.slice(5, 7));
  return { year: Number(iso.slice(0, 4)), quarter: Math.floor((month - 1) / 3) + 1 };
}

/** Counts quarters from year 0, so consecutive quarters differ by one. */
export function quarterIndex(quarter: Quarter): number {
  return quarter.year * 4 + quarter.quarter - 1;
}

/** Inverse of quarterIndex. */
export function quarterFromIndex(index: number): Quarter {
  return { year: Math.floor(index / 4), quarter: (index % 4) + 1 };
}

/** Formats a quarter as `YYYY-Qn`. */
export function formatQuarter(quarter: Quarter): string {
  return `${quarter.year}-Q${quarter.quarter}`;
}

/** Returns the first and last day of a quarter as days since 1970-01-01. */
export function quarterBounds(quarter: Quarter): { first: number; last: number } {
  const firstMonth = (quarter.quarter - 1) * 3;
  const first = Math.round(Date.UTC(quarter.year, firstMonth, 1) / MS_PER_DAY);
  const next = Math.round(Date.UTC(quarter.year, firstMonth + 3, 1) / MS_PER_DAY);
  return { first, last: next - 1 };
}
