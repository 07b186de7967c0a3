import { pino } from 'pino';

const REDACTED = '[redacted]';

/**
 * Personnummer and samordningsnummer, with or without century and separator (`199001012385`,
 * `900101-2385`): a plausible month and day (day + 60 for samordningsnummer), then four digits.
 * Letters may touch it (`Sok199001012385` as an operation name), only digits may not.
 */
const PERSONNUMMER = /(?<!\d)(?:19|20)?\d{2}(?:0[1-9]|1[0-2])(?:[0-2]\d|3[01]|[6-8]\d|9[01])[-+]?\d{4}(?!\d)/g;
/** HSA-ids: `SE`, the issuer's ten-digit organisationsnummer, a hyphen and the holder's part. */
const HSA_ID = /\bSE\d{10}-[A-Za-z0-9]+\b/g;
/** Bearer tokens and bare JWTs (three base64url parts, the first starting with `eyJ`). */
const TOKEN = /\bBearer\s+[A-Za-z0-9._~+/=-]+|\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*/g;

/** Replaces every personnummer, HSA-id and token in a text with `[redacted]`. */
export function scrubText(text: string): string {
  return text.replace(TOKEN, REDACTED).replace(HSA_ID, REDACTED).replace(PERSONNUMMER, REDACTED);
}

/**
 * Returns a copy of a value with `scrubText` applied to every string in it, at any depth. Errors
 * become pino's serialised form first, so their message and stack are scrubbed too.
 */
export function scrubValue(value: unknown, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  seen.add(value);

  if (value instanceof Error) return scrubValue(pino.stdSerializers.err(value), seen);
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, seen));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = scrubValue(item, seen);
  return copy;
}
