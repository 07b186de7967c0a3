import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { RouterMetrics } from '../src/metrics/metrics-registry.ts';

/**
 * Measures every call from the router to a subgraph, by subgraph and outcome: `unavailable` when
 * the subgraph returned no response (see useSourceUnavailable), `error` when it returned errors.
 */
export function useSubgraphMetrics(metrics: RouterMetrics): GatewayPlugin {
  return {
    onSubgraphExecute({ subgraphName }) {
      const startedAt = performance.now();
      return ({ result }) => {
        if (Symbol.asyncIterator in result) return;
        const codes = (result.errors ?? []).map((error) => error.extensions?.code);
        let outcome = 'ok';
        if (codes.includes('SOURCE_UNAVAILABLE')) outcome = 'unavailable';
        else if (codes.length > 0) outcome = 'error';
        metrics.subgraphDuration.observe({ subgraph: subgraphName, outcome }, (performance.now() - startedAt) / 1000);
      };
    },
  };
}
