/** How the router of a variant plans and reaches the subgraphs. */
export const ROUTER_KINDS = ['hive-router-runtime', 'hive-gateway', 'apollo-gateway', 'in-process'] as const;
export type RouterKind = (typeof ROUTER_KINDS)[number];

/** The router this project ships: Hive Gateway runtime with the Rust query planner over HTTP. */
export const SHIPPED_ROUTER: RouterKind = 'hive-router-runtime';

/** One configuration the scenarios run against. */
export interface Variant {
  id: string;
  router: RouterKind;
  shield: boolean;
  scale: number;
}

/** Short descriptions of the router kinds for the report. */
export const ROUTER_LABELS: Record<RouterKind, string> = {
  'hive-gateway': 'Hive Gateway, default JavaScript planner',
  'hive-router-runtime': 'Hive Gateway with @graphql-hive/router-runtime (Rust planner, shipped)',
  'apollo-gateway': '@apollo/gateway (telemetry off)',
  'in-process': 'Hive Gateway, subgraphs in the same process (floor)',
};

/**
 * Lists the variants of a run: every router at the smaller scale with shield, the shipped router
 * without shield, and the shipped router at each larger scale. Routers and scales that were not
 * selected are left out.
 */
export function buildVariants(routers: readonly RouterKind[], scales: readonly number[], withoutShield: boolean): Variant[] {
  const [baseScale, ...largerScales] = [...scales].sort((a, b) => a - b);
  if (baseScale === undefined) return [];
  const variants: Variant[] = routers.map((router) => ({ id: variantId(router, true, baseScale), router, shield: true, scale: baseScale }));
  if (withoutShield) variants.push({ id: variantId(SHIPPED_ROUTER, false, baseScale), router: SHIPPED_ROUTER, shield: false, scale: baseScale });
  for (const scale of largerScales) variants.push({ id: variantId(SHIPPED_ROUTER, true, scale), router: SHIPPED_ROUTER, shield: true, scale });
  return variants;
}

/** Returns a variant's id, such as `hive-router-runtime/shield/scale-1`. */
export function variantId(router: RouterKind, shield: boolean, scale: number): string {
  return `${router}/${shield ? 'shield' : 'no-shield'}/scale-${scale}`;
}
