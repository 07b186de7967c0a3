import type { AccessContext } from '../../src/access/access-context.ts';
import { evbAreasForNamnd, readableAreas } from '../../src/access/access-checks.ts';
import { forbidden } from '../../src/access/forbidden.ts';
import { FEDERATION_RULES, safeRule, publicField } from '../../src/access/shield-rules.ts';
import type { Verksamhetsomrade } from '../../src/seed/world-types.ts';
import type { AuditSpec } from '../../src/subgraph/subgraph-module.ts';
import { caseDenial, evbDenial } from './access.ts';
import type { ArendeRow, BeslutRow, EvbRow } from './database.ts';

type RuleContext = { access: AccessContext };

// Every rule below reads the parent object, so none is cached per request. graphql-shield's
// contextual cache would reuse the first object's result for all of them.

/** Shows a unit's cases, latest decision and complaint count to a logged-in user with a role in the unit's area. */
const unitCaseData = safeRule('unitCaseData', { cache: 'no_cache' }, (unit: { verksamhetsomrade: Verksamhetsomrade }, _args, { access }: RuleContext) => {
  if (access.anonymous) return forbidden('notLoggedIn');
  return readableAreas(access).has(unit.verksamhetsomrade) ? true : forbidden('outsideArea');
});

/** Every field of a case: its area and, for a complaint case, IVO staff only. */
const caseField = safeRule('caseField', { cache: 'no_cache' }, (arende: ArendeRow, _args, { access }: RuleContext) => caseDenial(access, arende) ?? true);

/** Every field of a decision: as for the case it was made in. */
const decisionField = safeRule('decisionField', { cache: 'no_cache' }, (beslut: BeslutRow, _args, { access }: RuleContext) => caseDenial(access, beslut) ?? true);

/** Every field of an EVB report: the committee's reporters in the report's area and IVO staff. */
const evbField = safeRule('evbField', { cache: 'no_cache' }, (report: EvbRow, _args, { access }: RuleContext) => evbDenial(access, report) ?? true);

/** Shows a committee's EVB list to someone who may read at least one of its areas. */
const namndEvbList = safeRule('namndEvbList', { cache: 'no_cache' }, (namnd: { id: string }, _args, { access }: RuleContext) => {
  if (access.anonymous) return forbidden('notLoggedIn');
  return evbAreasForNamnd(access, namnd.id).size > 0 ? true : forbidden('evb');
});

const pageInfo = { hasNextPage: publicField, hasPreviousPage: publicField, startCursor: publicField, endCursor: publicField };

const ARENDE_FIELDS = ['diarienummer', 'klassificering', 'arendetyp', 'verksamhetsomrade', 'arendemening', 'status', 'inkom', 'avslutat', 'arendepart', 'koppling', 'beslut'] as const;
const BESLUT_FIELDS = ['id', 'datum', 'beslutstyp', 'sammanfattning', 'arende'] as const;
const EVB_FIELDS = [
  'id',
  'namnd',
  'lagrum',
  'verksamhetsomrade',
  'beslutsdatum',
  'insats',
  'pseudoidentitet',
  'kon',
  'orsak',
  'rapporteringskvartal',
  'status',
  'verkstalltDatum',
  'avslutatDatum',
] as const;

const every = <Field extends string, Rule>(fields: readonly Field[], fieldRule: Rule) => Object.fromEntries(fields.map((field) => [field, fieldRule])) as Record<Field, Rule>;

/**
 * Cases, decisions and EVB reports are restricted as a whole; only the classification scheme is
 * open. The loaders by key apply the same checks, so `_entities` cannot bypass these rules.
 */
export const permissions = {
  Query: {
    ...FEDERATION_RULES.Query,
    // The objects these return are checked field by field and in their loaders.
    arende: publicField,
    beslut: publicField,
    ejVerkstalltBeslut: publicField,
    klassificeringar: publicField,
  },
  _Service: FEDERATION_RULES._Service,
  Tillsynsobjekt: { id: publicField, verksamhetsomrade: publicField, arenden: unitCaseData, senasteTillsynsbeslut: unitCaseData, antalUpplysningsarenden: unitCaseData },
  Namnd: { id: publicField, ejVerkstallaBeslut: namndEvbList },
  Arende: every(ARENDE_FIELDS, caseField),
  Beslut: every(BESLUT_FIELDS, decisionField),
  EjVerkstalltBeslut: every(EVB_FIELDS, evbField),
  // Reached only through a case the caller may read.
  Klassificering: { kod: publicField, namn: publicField },
  Arendepart: { namn: publicField, typ: publicField, identitet: publicField },
  Tillsynsobjektkoppling: { tillsynsobjekt: publicField, metod: publicField, konfidens: publicField },
  PageInfo: pageInfo,
  ArendeConnection: { edges: publicField, pageInfo: publicField, totalCount: publicField },
  ArendeEdge: { cursor: publicField, node: publicField },
  EjVerkstalltBeslutConnection: { edges: publicField, pageInfo: publicField, totalCount: publicField },
  EjVerkstalltBeslutEdge: { cursor: publicField, node: publicField },
};

/** Restricted fields written to the audit log when returned. */
export const audit: AuditSpec = {
  // The lists themselves are audited too: their cursors and counts carry case numbers and ids.
  Tillsynsobjekt: { idOf: (unit: { id: string }) => unit.id, fields: ['arenden', 'senasteTillsynsbeslut', 'antalUpplysningsarenden'] },
  Namnd: { idOf: (namnd: { id: string }) => namnd.id, fields: ['ejVerkstallaBeslut'] },
  Arende: { idOf: (arende: ArendeRow) => arende.diarienummer, fields: ARENDE_FIELDS },
  Beslut: { idOf: (beslut: BeslutRow) => beslut.id, fields: BESLUT_FIELDS },
  EjVerkstalltBeslut: { idOf: (report: EvbRow) => report.id, fields: EVB_FIELDS },
};
