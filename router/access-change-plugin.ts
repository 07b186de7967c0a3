import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { ACCESS_CHANGED_EXTENSION } from '../src/access/access-changes.ts';
import type { Logger } from '../src/log/create-logger.ts';
import type { AccessContextClient } from './access-context-client.ts';

/**
 * Drops the cached access context of every person whose roles a subgraph reports it changed, so
 * a change made through the graph applies to that person's next request at once rather than
 * within the cache lifetime. The extension is removed before the response leaves the router.
 */
export function useAccessChangeInvalidation(accessContexts: AccessContextClient, log: Logger): GatewayPlugin {
  return {
    onSubgraphExecute() {
      return ({ result }) => {
        if (Symbol.asyncIterator in result) return;
        const changed = result.extensions?.[ACCESS_CHANGED_EXTENSION] as string[] | undefined;
        if (!changed) return;
        delete result.extensions![ACCESS_CHANGED_EXTENSION];
        for (const identity of changed) accessContexts.invalidate(identity);
        log.info({ count: changed.length }, 'cached access contexts dropped after a role change');
      };
    },
  };
}
