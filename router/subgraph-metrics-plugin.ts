import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { RouterMetrics } from '../src/metrics/metrics-registry.ts';

/**
 * Measures every call from the router to a subgraph, by subgraph and outcome: `unavailable` when
 * the subgraph gave no answer (see useSourceUnavailable), `error` when it answered with errors.
 */
export function useSubgraphMetrics(metrics: RouterMetrics): GatewayPlugin {
  return {
    onSubgraphExecute({ subgraphName }) {
      const startedAt = performance.now();
      return ({ result }) => {
        if (Symbol.asyncIterator in result) return;
        const codes = (result.errors ?? []).map((error) => error.extensions?.code);
        const outcome = codes.includes('SOURCE_UNAVAILABLE') ? 'unavailable' : codes.length > 0 ? 'error' : 'ok';
        metrics.subgraphDuration.observe({ subgraph: subgraphName, outcome }, (performance.now() - startedAt) / 1000);
      };
    },
  };
}
