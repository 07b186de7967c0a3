import type { GraphQLError } from 'graphql';
import type { SubgraphName } from '../subgraph-names.ts';
import { codedError } from './coded-error.ts';

/** Why a source returned no data: its subgraph timed out, could not be reached, or its database is down. */
export type UnavailableReason = 'timeout' | 'unreachable' | 'database';

/** The Swedish name of the IVO system behind each subgraph, for messages to callers. */
export const SOURCE_NAMES: Record<SubgraphName, string> = {
  'care-register': 'Omsorgsregistret',
  cases: 'Ärendehanteringen',
  committees: 'Nämndregistret',
  users: 'Rapportörsregistret',
};

/**
 * Creates the `SOURCE_UNAVAILABLE` error for one subgraph. `extensions.subgraph` names the
 * subgraph and `extensions.reason` names what failed, so an operator can tell a slow source from a
 * stopped one or a lost database.
 */
export function sourceUnavailable(subgraph: SubgraphName, reason: UnavailableReason, extensions: Record<string, unknown> = {}): GraphQLError {
  return codedError('SOURCE_UNAVAILABLE', sourceUnavailableMessage(subgraph, reason, extensions.timeoutMs), { ...extensions, subgraph, reason });
}

function sourceUnavailableMessage(subgraph: SubgraphName, reason: UnavailableReason, timeoutMs: unknown): string {
  const source = `${SOURCE_NAMES[subgraph]} (${subgraph})`;
  const advice = 'Uppgifterna därifrån är null i svaret. Försök igen om en stund.';
  switch (reason) {
    case 'timeout':
      return `${source} svarade inte inom ${typeof timeoutMs === 'number' ? `${(timeoutMs / 1000).toLocaleString('sv-SE')} sekunder` : 'tidsgränsen'}. ${advice}`;
    case 'unreachable':
      return `${source} går inte att nå just nu. ${advice}`;
    case 'database':
      return `${source} når inte sin databas just nu. ${advice}`;
  }
}
