/**
 * Query documents of the access matrix: one selection per restricted object, and the ways an
 * attacker can ask for it (a root field, a named or inline fragment, `_entities` by key).
 */

/** The selections that touch every restricted field of each probed object. */
export const SELECTIONS = {
  contactDetails: 'id adress { gatuadress postnummer postort } kontaktuppgifter { telefon epost }',
  unitCaseData: 'id arenden(first: 100) { totalCount edges { node { diarienummer arendetyp } } } senasteTillsynsbeslut { id datum } antalUpplysningsarenden',
  arende: 'diarienummer arendetyp verksamhetsomrade arendemening status inkom avslutat arendepart { namn typ identitet } beslut { id datum beslutstyp }',
  beslut: 'id datum beslutstyp sammanfattning arende { diarienummer }',
  evb: 'id namnd { id } lagrum verksamhetsomrade beslutsdatum insats pseudoidentitet kon orsak rapporteringskvartal status verkstalltDatum avslutatDatum',
  namndEvb: 'id ejVerkstallaBeslut(first: 100) { totalCount edges { node { id verksamhetsomrade } } }',
  anvandare: 'id namn epost roller { roll namnd { id } verksamhetsomraden giltigFran giltigTill } maskeradIdentitet',
  reporters: 'id rapportorer(first: 100) { totalCount edges { node { id namn } } }',
  jag: 'id namn maskeradIdentitet',
  huvudman: 'id namn organisationsnummer',
} as const;

/** A root field that returns one object, with its single argument or none. */
export interface RootCall {
  field: string;
  argument: { name: string; type: string } | null;
}

/** How the selection is written inside the root field. */
export type SelectionForm = 'plain' | 'namedFragment' | 'inlineFragment';

/**
 * Builds an operation that requests `selection` on `typeName` from one root field: as plain
 * fields, as a spread of a named fragment, or inside an inline fragment on the type.
 */
export function rootDocument(root: RootCall, typeName: string, selection: string, form: SelectionForm = 'plain'): string {
  const signature = root.argument ? `($${root.argument.name}: ${root.argument.type})` : '';
  const call = root.argument ? `${root.field}(${root.argument.name}: $${root.argument.name})` : root.field;

  switch (form) {
    case 'plain':
      return `query Probe${signature} { ${call} { ${selection} } }`;
    case 'namedFragment':
      return `query Probe${signature} { ${call} { ...Probed } }\nfragment Probed on ${typeName} { ${selection} }`;
    case 'inlineFragment':
      return `query Probe${signature} { ${call} { ... on ${typeName} { ${selection} } } }`;
  }
}

/** Builds an `_entities` operation that requests `selection` on entities of `typeName`. */
export function entitiesDocument(typeName: string, selection: string): string {
  return `query Entities($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${typeName} { ${selection} } } }`;
}

/** The router-only lookup of an access context, which the router's own schema does not contain. */
export const ATKOMSTKONTEXT_QUERY = 'query Atkomst($identitet: String!) { atkomstkontext(identitet: $identitet) { anvandareId roller { roll namndId verksamhetsomraden } } }';

/** A page of 100 units of every status in a county, ordered by name, with the restricted address. */
export const UNIT_PAGE_QUERY =
  'query Sida($lanKod: ID!) { sokTillsynsobjekt(filter: { lanKod: $lanKod, status: [] }, first: 100) { edges { node { id verksamhetsomrade skyddatBoende adress { gatuadress postnummer postort } } } } }';
