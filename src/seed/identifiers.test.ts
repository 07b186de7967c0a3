import { describe, expect, it } from 'vitest';
import { IdentifierFactory, luhnCheckDigit, pseudoidentitet, soleTraderOrganisationsnummer } from './identifiers.ts';
import { Random } from './random.ts';

describe('identifiers', () => {
  it('computes the Luhn check digit', () => {
    // Weighted digits 16→7, 1, 2, 2, 2, 8, 18→9, 8, 14→5 sum to 44, so the check digit is 6.
    expect(luhnCheckDigit('811218987')).toBe(6);
  });

  it('encodes sex in the personnummer', () => {
    const factory = new IdentifierFactory(new Random('personnummer'));
    const woman = factory.personnummer('1985-04-12', 'KVINNA');
    const man = factory.personnummer('1985-04-12', 'MAN');
    expect(woman).toMatch(/^19850412\d{4}$/);
    expect(Number(woman[10]) % 2).toBe(0);
    expect(Number(man[10]) % 2).toBe(1);
    expect(Number(woman[11])).toBe(luhnCheckDigit(woman.slice(2, 11)));
  });

  it('uses the prefix of each organisation form', () => {
    const factory = new IdentifierFactory(new Random('organisationsnummer'));
    expect(factory.organisationsnummer('KOMMUN')).toMatch(/^212000-\d{4}$/);
    expect(factory.organisationsnummer('REGION')).toMatch(/^232100-\d{4}$/);
    expect(factory.organisationsnummer('STAT')).toMatch(/^202100-\d{4}$/);
    expect(factory.organisationsnummer('STIFTELSE_ELLER_FORENING')).toMatch(/^802\d{3}-\d{4}$/);
    expect(factory.organisationsnummer('AKTIEBOLAG')).toMatch(/^55[69]\d{3}-\d{4}$/);
  });

  it('never repeats an identifier', () => {
    const factory = new IdentifierFactory(new Random('unique'));
    const numbers = Array.from({ length: 500 }, () => factory.organisationsnummer('KOMMUN'));
    expect(new Set(numbers).size).toBe(500);
    factory.reserveHsaId('SE2120000142-E000000000001');
    expect(factory.hsaId('212000-0142')).toMatch(/^SE2120000142-E\d{12}$/);
  });

  it('shortens a personnummer for a sole trader', () => {
    expect(soleTraderOrganisationsnummer('198504123456')).toBe('850412-3456');
    expect(() => soleTraderOrganisationsnummer('850412-3456')).toThrow(/expected 12 digits/);
  });

  it('formats pseudo-identities with the sex digit', () => {
    const random = new Random('pseudo');
    expect(pseudoidentitet('1950-07-01', 'KVINNA', random)).toMatch(/^19500701-[A-Z]\d\d[02468]$/);
    expect(pseudoidentitet('1950-07-01', 'MAN', random)).toMatch(/^19500701-[A-Z]\d\d[13579]$/);
  });
});
