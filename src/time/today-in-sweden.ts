const SWEDISH_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Returns today's date in Sweden as `YYYY-MM-DD`; validity dates in the registers are Swedish dates. */
export function todayInSweden(now: Date = new Date()): string {
  return SWEDISH_DATE.format(now);
}
