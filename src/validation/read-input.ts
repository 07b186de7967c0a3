import { badUserInput } from '../errors/coded-error.ts';
import { isValidOrganisationsnummer, isValidPersonnummer } from './swedish-identifiers.ts';

/** A login identity read from input: a personnummer (12 digits) or an HSA-id. */
export type IdentityInput = { personnummer: string; hsaId: null } | { personnummer: null; hsaId: string };

const MAX_NAME_LENGTH = 200;
const MAX_EMAIL_LENGTH = 200;
// A practical check of the address form; whether the mailbox exists is not known here.
const EMAIL_PATTERN = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[A-Za-z]{2,}$/;

/**
 * Reads a personnummer (`ÅÅÅÅMMDDNNNN`, with or without a dash before the last four) or an HSA-id
 * (`SE` + the issuer's organisationsnummer + `-` + a suffix), each checked for a valid date and
 * check digit with the `personnummer` and `organisationsnummer` packages.
 */
export function readIdentity(value: string, field: string): IdentityInput {
  const trimmed = value.trim();
  const personal = /^(\d{8})-?(\d{4})$/.exec(trimmed);
  if (personal) {
    const digits = `${personal[1]}${personal[2]}`;
    if (!isValidPersonnummer(digits)) {
      throw badUserInput(field, `Fältet ${field} är inget giltigt personnummer (fick "${trimmed}"); kontrollera datum och kontrollsiffra.`);
    }
    return { personnummer: digits, hsaId: null };
  }

  const hsa = /^SE(\d{10})-([A-Za-z0-9]{1,31})$/.exec(trimmed);
  if (hsa) {
    const issuer = `${hsa[1]!.slice(0, 6)}-${hsa[1]!.slice(6)}`;
    if (!isValidOrganisationsnummer(issuer)) {
      throw badUserInput(field, `Fältet ${field} är inget giltigt HSA-id: ${issuer} är inget giltigt organisationsnummer.`);
    }
    return { personnummer: null, hsaId: trimmed };
  }

  throw badUserInput(
    field,
    `Fältet ${field} ska vara ett personnummer med tolv siffror (ÅÅÅÅMMDDNNNN) eller ett HSA-id (SE + organisationsnummer + - + id), fick "${trimmed.slice(0, 40)}".`,
  );
}

/** Reads a person's name: 1 to 200 characters after trimming, no control characters. */
export function readPersonName(value: string, field: string): string {
  const name = value.trim().replace(/\s+/g, ' ');
  if (name.length === 0 || name.length > MAX_NAME_LENGTH || /\p{Cc}/u.test(name)) {
    throw badUserInput(field, `Fältet ${field} ska vara ett namn med 1 till ${MAX_NAME_LENGTH} tecken (fick ${name.length} tecken).`);
  }
  return name;
}

/** Reads an e-mail address of the form `namn@domän.se`, at most 200 characters, lowercased. */
export function readEmail(value: string, field: string): string {
  const email = value.trim();
  if (email.length > MAX_EMAIL_LENGTH || !EMAIL_PATTERN.test(email)) {
    throw badUserInput(field, `Fältet ${field} ska vara en e-postadress som namn@kommun.se (fick "${email.slice(0, 60)}").`);
  }
  return email.toLowerCase();
}

/** Checks that a list of areas is not empty, has no repeats and lies within the allowed ones. */
export function readAreas<Area extends string>(values: readonly Area[], allowed: readonly Area[], field: string, owner: string): Area[] {
  if (values.length === 0) throw badUserInput(field, `Fältet ${field} ska innehålla minst ett verksamhetsområde.`);
  if (new Set(values).size !== values.length) throw badUserInput(field, `Fältet ${field} innehåller samma verksamhetsområde flera gånger.`);
  const outside = values.filter((value) => !allowed.includes(value));
  if (outside.length > 0) {
    throw badUserInput(field, `Fältet ${field}: ${owner} ansvarar inte för ${outside.join(', ')}; välj bland ${allowed.join(', ') || 'inga områden'}.`, { allowed });
  }
  return [...values].sort();
}

/** Checks that a period's first day is not after its last. */
export function assertPeriodOrder(from: string, to: string | null, fromField: string, toField: string): void {
  if (to !== null && to < from) {
    throw badUserInput(toField, `Fältet ${toField} (${to}) ligger före ${fromField} (${from}); en period måste sluta efter att den börjat.`);
  }
}
