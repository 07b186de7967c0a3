import { isValidPersonnummer } from '../validation/swedish-identifiers.ts';

/**
 * Returns whether an organisationsnummer is a personnummer, as it is for a sole trader: in a
 * legal entity's number the third digit is 2 or more, in a personnummer it is a month's tens
 * digit, 0 or 1.
 */
export function isPersonalNumber(organisationsnummer: string): boolean {
  const digits = organisationsnummer.replace(/\D/g, '');
  return digits.length === 10 && Number(digits[2]) < 2;
}

/** Masks a personnummer to its birth date: `198503121234` → `19850312-****`, `850312-1234` → `850312-****`. */
export function maskPersonnummer(personnummer: string): string {
  const digits = personnummer.replace(/\D/g, '');
  return `${digits.slice(0, digits.length - 4)}-****`;
}

/** Masks an HSA-id to its organisation part: `SE2120003856-E000000000005` → `SE2120003856-****`. */
export function maskHsaId(hsaId: string): string {
  const dash = hsaId.indexOf('-');
  return dash > 0 ? `${hsaId.slice(0, dash)}-****` : '****';
}

/** A login identity: a personnummer from BankID or an HSA-id from a SITHS card. */
export type LoginIdentity = { personnummer: string } | { hsaId: string };

const PERSONNUMMER_PATTERN = /^(19|20)\d{6}\d{4}$/;
const HSA_ID_PATTERN = /^SE\d{10}-[A-Za-z0-9]{1,31}$/;

/**
 * Reads a login identity: 12 digits that form a valid personnummer (date and check digit), or
 * `SE` + organisation number + `-` + suffix as an HSA-id.
 */
export function parseLoginIdentity(value: string): LoginIdentity | null {
  if (PERSONNUMMER_PATTERN.test(value)) return isValidPersonnummer(value) ? { personnummer: value } : null;
  if (HSA_ID_PATTERN.test(value)) return { hsaId: value };
  return null;
}
