import type { Random } from './random.ts';

/** Legal form of an organisation, which fixes the first digits of its organisationsnummer. */
export type OrganisationForm = 'AKTIEBOLAG' | 'STIFTELSE_ELLER_FORENING' | 'KOMMUN' | 'REGION' | 'STAT';

/** Sex of a person. Personnummer and pseudo-identities encode it in a digit. */
export type Sex = 'KVINNA' | 'MAN';

/**
 * Returns the Luhn (mod 10) check digit for a string of digits, with weights 2, 1, 2, … from the
 * left. Personnummer and organisationsnummer use it over the nine digits before the check digit.
 */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let product = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (product > 9) product -= 9;
    sum += product;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * Creates Swedish identifiers that are valid and unique within one factory. Personnummer are
 * 12 digits without separator (`YYYYMMDDNNNC`), organisationsnummer are `NNNNNN-NNNN`.
 */
export class IdentifierFactory {
  private readonly usedPersonnummer = new Set<string>();
  private readonly usedOrganisationsnummer = new Set<string>();
  private readonly usedHsaIds = new Set<string>();

  constructor(private readonly random: Random) {}

  /** Marks a fixed personnummer as taken so that no generated one repeats it. */
  reservePersonnummer(personnummer: string): void {
    this.usedPersonnummer.add(personnummer);
  }

  /** Marks a fixed HSA-id as taken so that no generated one repeats it. */
  reserveHsaId(hsaId: string): void {
    this.usedHsaIds.add(hsaId);
  }

  /**
   * Returns a new personnummer for a person born on `birthDate` (`YYYY-MM-DD`). The third
   * digit of the birth number is odd for men and even for women, and 000 is never used.
   */
  personnummer(birthDate: string, sex: Sex): string {
    const date = birthDate.replaceAll('-', '');
    for (let attempt = 0; attempt < 1000; attempt++) {
      const serial = this.random.digits(2);
      const sexDigit = sex === 'MAN' ? this.random.pick(ODD_DIGITS) : this.random.pick(EVEN_DIGITS);
      const birthNumber = `${serial}${sexDigit}`;
      if (birthNumber === '000') continue;

      const withoutCheck = `${date.slice(2)}${birthNumber}`;
      const candidate = `${date}${birthNumber}${luhnCheckDigit(withoutCheck)}`;
      if (this.usedPersonnummer.has(candidate)) continue;
      this.usedPersonnummer.add(candidate);
      return candidate;
    }
    throw new Error(`No unused personnummer left for birth date ${birthDate}.`);
  }

  /** Returns a new organisationsnummer `NNNNNN-NNNN` for an organisation of the given form. */
  organisationsnummer(form: OrganisationForm): string {
    for (let attempt = 0; attempt < 10_000; attempt++) {
      const withoutCheck = `${organisationPrefix(form, this.random)}${this.random.digits(9 - 6)}`;
      const candidate = `${withoutCheck.slice(0, 6)}-${withoutCheck.slice(6)}${luhnCheckDigit(withoutCheck)}`;
      if (this.usedOrganisationsnummer.has(candidate)) continue;
      this.usedOrganisationsnummer.add(candidate);
      return candidate;
    }
    throw new Error(`No unused organisationsnummer left for form ${form}.`);
  }

  /**
   * Returns a new HSA-id in the form `SE2321000131-E000000012345`: SE, the issuing
   * organisation's organisationsnummer without hyphen, then E and twelve digits.
   */
  hsaId(issuerOrganisationsnummer: string): string {
    const issuer = issuerOrganisationsnummer.replace('-', '');
    for (let attempt = 0; attempt < 1000; attempt++) {
      const candidate = `SE${issuer}-E${this.random.digits(12)}`;
      if (this.usedHsaIds.has(candidate)) continue;
      this.usedHsaIds.add(candidate);
      return candidate;
    }
    throw new Error(`No unused HSA-id left for issuer ${issuerOrganisationsnummer}.`);
  }
}

/**
 * Returns the organisationsnummer of a sole trader (enskild firma), which is the owner's
 * personnummer in ten-digit form `YYMMDD-NNNC`.
 */
export function soleTraderOrganisationsnummer(personnummer: string): string {
  if (!/^\d{12}$/.test(personnummer)) {
    throw new Error(`Invalid personnummer "${personnummer}": expected 12 digits.`);
  }
  return `${personnummer.slice(2, 8)}-${personnummer.slice(8)}`;
}

/**
 * Returns an EVB pseudo-identity `ÅÅÅÅMMDD-T123`: the birth date, a capital letter A–Z and three
 * digits, the last of which is even for women and odd for men.
 */
export function pseudoidentitet(birthDate: string, sex: Sex, random: Random): string {
  const letter = String.fromCharCode(65 + random.int(0, 25));
  const lastDigit = sex === 'MAN' ? random.pick(ODD_DIGITS) : random.pick(EVEN_DIGITS);
  return `${birthDate.replaceAll('-', '')}-${letter}${random.digits(2)}${lastDigit}`;
}

const ODD_DIGITS = ['1', '3', '5', '7', '9'] as const;
const EVEN_DIGITS = ['0', '2', '4', '6', '8'] as const;

/**
 * Returns the first six digits. The third digit is at least 2 for every legal person, which
 * distinguishes an organisationsnummer from a personnummer (whose month is at most 12).
 */
function organisationPrefix(form: OrganisationForm, random: Random): string {
  switch (form) {
    case 'AKTIEBOLAG':
      // 556 for companies registered before about 2016, 559 for newer ones.
      return `${random.chance(0.7) ? '556' : '559'}${random.digits(3)}`;
    case 'STIFTELSE_ELLER_FORENING':
      return `802${random.digits(3)}`;
    case 'KOMMUN':
      return '212000';
    case 'REGION':
      return '232100';
    case 'STAT':
      return '202100';
  }
}
