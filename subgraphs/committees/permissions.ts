import { FEDERATION_RULES, publicField } from '../../src/access/shield-rules.ts';
import type { AuditSpec } from '../../src/subgraph/subgraph-module.ts';

/**
 * The committee register is public reference data: counties, municipalities and committees are
 * open to every caller. Each field still has its own rule, so a new field needs a decision.
 */
export const permissions = {
  Query: {
    ...FEDERATION_RULES.Query,
    allaLan: publicField,
    lan: publicField,
    kommun: publicField,
    kommuner: publicField,
    namnd: publicField,
    namnder: publicField,
  },
  _Service: FEDERATION_RULES._Service,
  Lan: { kod: publicField, namn: publicField, kommuner: publicField },
  Kommun: { kod: publicField, namn: publicField, lan: publicField, namnder: publicField },
  Namnd: { id: publicField, namn: publicField, kommun: publicField, verksamhetsomraden: publicField },
  PageInfo: { hasNextPage: publicField, hasPreviousPage: publicField, startCursor: publicField, endCursor: publicField },
  KommunConnection: { edges: publicField, pageInfo: publicField, totalCount: publicField },
  KommunEdge: { cursor: publicField, node: publicField },
  NamndConnection: { edges: publicField, pageInfo: publicField, totalCount: publicField },
  NamndEdge: { cursor: publicField, node: publicField },
};

/** The committee register returns no restricted data. */
export const audit: AuditSpec = {};
