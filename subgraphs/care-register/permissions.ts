import type { AccessContext } from '../../src/access/access-context.ts';
import { isIvoStaff, readableAreas } from '../../src/access/access-checks.ts';
import { forbidden } from '../../src/access/forbidden.ts';
import { FEDERATION_RULES, safeRule, publicField } from '../../src/access/shield-rules.ts';
import type { AuditSpec } from '../../src/subgraph/subgraph-module.ts';
import type { TillsynsobjektRow } from './database.ts';


/**
 * A unit's address and contact details: shown to a logged-in user with a role in the unit's
 * area, and for a protected housing unit (skyddat boende) to IVO staff only. The rule reads the
 * unit, so it is never cached per request.
 */
const unitContactDetails = safeRule('unitContactDetails', { cache: 'no_cache' }, (unit: TillsynsobjektRow, _args, context: { access: AccessContext }) => {
  if (context.access.anonymous) return forbidden('notLoggedIn');
  if (unit.skyddat_boende === 1) return isIvoStaff(context.access) ? true : forbidden('protectedAddress');
  return readableAreas(context.access).has(unit.verksamhetsomrade) ? true : forbidden('outsideArea');
});

const pageInfo = { hasNextPage: publicField, hasPreviousPage: publicField, startCursor: publicField, endCursor: publicField };

/**
 * Open register data (names, types, areas, status, municipality, provider, places, target groups,
 * ages, permit dates) is public; a unit's address and contact details are restricted.
 */
export const permissions = {
  Query: {
    ...FEDERATION_RULES.Query,
    tillsynsobjekt: publicField,
    sokTillsynsobjekt: publicField,
    placeringsalternativ: publicField,
    huvudman: publicField,
    huvudmanMedOrganisationsnummer: publicField,
    verksamhet: publicField,
  },
  _Service: FEDERATION_RULES._Service,
  Tillsynsobjekt: {
    id: publicField,
    namn: publicField,
    verksamhetstyp: publicField,
    verksamhetsomrade: publicField,
    status: publicField,
    kommun: publicField,
    huvudman: publicField,
    verksamhet: publicField,
    adress: unitContactDetails,
    kontaktuppgifter: unitContactDetails,
    malgrupper: publicField,
    alder: publicField,
    kon: publicField,
    antalPlatser: publicField,
    tillstandsdatum: publicField,
    skyddatBoende: publicField,
    senastAndrad: publicField,
  },
  Adress: { gatuadress: publicField, postnummer: publicField, postort: publicField },
  Kontaktuppgifter: { telefon: publicField, epost: publicField },
  Aldersintervall: { fran: publicField, till: publicField },
  // A sole trader's organisationsnummer is a personnummer; the resolver masks it for all but IVO staff.
  Huvudman: { id: publicField, organisationsnummer: publicField, namn: publicField, huvudmannatyp: publicField, verksamheter: publicField, tillsynsobjekt: publicField },
  Verksamhet: { id: publicField, namn: publicField, huvudman: publicField, tillstand: publicField, tillsynsobjekt: publicField },
  Tillstand: { datum: publicField, omfattning: publicField, status: publicField },
  Kommun: { kod: publicField, tillsynsobjekt: publicField },
  PageInfo: pageInfo,
  TillsynsobjektConnection: { edges: publicField, pageInfo: publicField, totalCount: publicField },
  TillsynsobjektEdge: { cursor: publicField, node: publicField },
};

/** Restricted unit fields written to the audit log when returned. */
export const audit: AuditSpec = {
  Tillsynsobjekt: { idOf: (unit: TillsynsobjektRow) => unit.id, fields: ['adress', 'kontaktuppgifter'] },
};
