import organisationsnummerModule from 'organisationsnummer';
import personnummerModule from 'personnummer';

// Both packages are CommonJS modules whose type declarations promise a default export. Under
// `module: nodenext` the import is the whole module object, and at run time `valid` sits either
// on it or on its `default`, so each is read from whichever carries it.
type Validator = { valid(value: string): boolean };
const Personnummer = ((personnummerModule as unknown as { default?: Validator }).default ?? personnummerModule) as unknown as Validator;
const Organisationsnummer = ((organisationsnummerModule as unknown as { default?: Validator }).default ?? organisationsnummerModule) as unknown as Validator;

/** Returns whether a personnummer is valid: format, a real date and the check digit (`personnummer` package). */
export function isValidPersonnummer(value: string): boolean {
  return Personnummer.valid(value);
}

/** Returns whether an organisationsnummer is valid: format, group digit and check digit (`organisationsnummer` package). */
export function isValidOrganisationsnummer(value: string): boolean {
  return Organisationsnummer.valid(value);
}
