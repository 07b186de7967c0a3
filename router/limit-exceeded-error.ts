import type { GraphQLError } from 'graphql';
import type { CallerKind, RequestLimits } from '../src/config/read-request-protection.ts';
import { codedError } from '../src/errors/coded-error.ts';

const CALLERS: Record<CallerKind, string> = { anonymous: 'anonyma anrop', loggedIn: 'inloggade anrop' };

// The next step for the caller: an anonymous caller can log in for higher limits, a logged-in one must request less.
const ADVICE: Record<CallerKind, string> = {
  anonymous: 'Dela upp frågan i mindre frågor eller logga in för högre gränser.',
  loggedIn: 'Dela upp frågan i mindre frågor.',
};

function describe(limit: keyof RequestLimits, actual: string, maximum: number, callers: string): string {
  switch (limit) {
    case 'maxDepth':
      return `Frågan är för djup: ${actual} nivåer, högst ${maximum} tillåts för ${callers}.`;
    case 'maxAliases':
      return `Frågan har för många alias: ${actual}, högst ${maximum} tillåts för ${callers}.`;
    case 'maxTokens':
      return `Frågan har för många token: ${actual}, högst ${maximum} tillåts för ${callers}.`;
    case 'maxDirectives':
      return `Frågan har för många direktiv: ${actual}, högst ${maximum} tillåts för ${callers}.`;
    case 'maxCost':
      return `Frågan beräknas hämta ${actual} fält (listor räknade med first), högst ${maximum} tillåts för ${callers}.`;
    case 'maxBodyBytes':
      return `Begäran är för stor: ${actual} byte, högst ${maximum} byte tillåts för ${callers}.`;
    case 'maxBatchSize':
      return `Begäran innehåller ${actual} operationer, högst ${maximum} tillåts i en batch för ${callers}.`;
  }
}

/**
 * Creates the error for a request over one of the router's limits: `REQUEST_TOO_LARGE` with HTTP
 * 413 for the body and batch size, `QUERY_TOO_COMPLEX` with HTTP 400 for the document. `actual`
 * is a number, or text such as "fler än 2000" when counting stopped at the limit.
 */
export function limitExceededError(limit: keyof RequestLimits, kind: CallerKind, maximum: number, actual: number | string): GraphQLError {
  const requestSize = limit === 'maxBodyBytes' || limit === 'maxBatchSize';
  const message = `${describe(limit, String(actual), maximum, CALLERS[kind])} ${ADVICE[kind]}`;
  return codedError(requestSize ? 'REQUEST_TOO_LARGE' : 'QUERY_TOO_COMPLEX', message, {
    limit,
    maximum,
    ...(typeof actual === 'number' ? { actual } : {}),
    http: { status: requestSize ? 413 : 400 },
  });
}
