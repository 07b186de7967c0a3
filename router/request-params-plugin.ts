import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError } from 'graphql';
import { codedError } from '../src/errors/coded-error.ts';
import { exceedsNestingDepth } from './exceeds-nesting-depth.ts';

function badRequest(message: string): GraphQLError {
  return codedError('BAD_REQUEST', message, { http: { status: 400 } });
}

const OBJECT_FIELDS = ['variables', 'extensions'] as const;
const STRING_FIELDS = ['query', 'operationName'] as const;

/** Levels of objects and arrays allowed in `variables` and `extensions`, the field itself included. */
export const MAX_PARAMS_NESTING_DEPTH = 32;

/**
 * Rejects requests whose GraphQL parameters have the wrong shape, with BAD_REQUEST and HTTP 400,
 * before any other plugin reads them. Without this check, two inputs reach code that throws in
 * Hive Gateway runtime 2.12.1 and GraphQL Yoga 5.24: invalid JSON in a GET request's `variables`
 * or `extensions`, and a batch containing a number. Callers then see a masked HTTP 500. The
 * check also rejects `variables` and `extensions` nested deeper than MAX_PARAMS_NESTING_DEPTH,
 * because later code such as the response cache key serializes them recursively. A body that
 * cannot be parsed gets a Swedish message that neither repeats the body nor names the parser's error.
 */
export function useRequestParamsCheck(): GatewayPlugin {
  return {
    onRequestParse({ requestParser, setRequestParser }) {
      if (requestParser) {
        setRequestParser(async (request) => {
          try {
            return await requestParser(request);
          } catch (error) {
            // Yoga's messages for an invalid body repeat the parser's error, which quotes the body.
            if (error instanceof SyntaxError) throw badRequest('Begäran innehåller ogiltig JSON i query, variables eller extensions.');
            if (isRouterError(error)) throw error;
            throw badRequest('Begäran kunde inte läsas: kroppen är inte giltig JSON eller har fel form. Skicka ett JSON-objekt med query, variables, operationName och extensions.');
          }
        });
      }

      return {
        onRequestParseDone({ requestParserResult }) {
          const batch = Array.isArray(requestParserResult) ? requestParserResult : [requestParserResult];
          for (const params of batch as unknown[]) {
            if (typeof params !== 'object' || params === null || Array.isArray(params)) {
              throw badRequest('Varje operation i begäran ska vara ett JSON-objekt med query, variables, operationName och extensions.');
            }
            const fields = params as Record<string, unknown>;
            for (const field of OBJECT_FIELDS) {
              const value = fields[field];
              if (value != null && (typeof value !== 'object' || Array.isArray(value))) throw badRequest(`Fältet ${field} ska vara ett JSON-objekt (fick ${describe(value)}).`);
              if (exceedsNestingDepth(value, MAX_PARAMS_NESTING_DEPTH)) {
                throw badRequest(`Fältet ${field} är för djupt nästlat: högst ${MAX_PARAMS_NESTING_DEPTH} nivåer av objekt och listor tillåts.`);
              }
            }
            for (const field of STRING_FIELDS) {
              const value = fields[field];
              if (value != null && typeof value !== 'string') throw badRequest(`Fältet ${field} ska vara en sträng (fick ${describe(value)}).`);
            }
          }
        },
      };
    },
  };
}

/**
 * Returns true for an error the router's own plugins raised while reading the body, such as
 * REQUEST_TOO_LARGE from the body size limit. Yoga's parse errors carry BAD_REQUEST or no code.
 */
function isRouterError(error: unknown): boolean {
  if (!(error instanceof GraphQLError)) return false;
  const code = error.extensions.code;
  return typeof code === 'string' && code !== 'BAD_REQUEST';
}

const SWEDISH_TYPE_NAMES: Record<string, string> = { object: 'ett objekt', number: 'ett tal', boolean: 'ett sanningsvärde', string: 'en sträng' };

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'en lista';
  return SWEDISH_TYPE_NAMES[typeof value] ?? typeof value;
}
