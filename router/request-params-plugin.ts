import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { GraphQLError } from 'graphql';
import { codedError } from '../src/errors/coded-error.ts';

function badRequest(message: string): GraphQLError {
  return codedError('BAD_REQUEST', message, { http: { status: 400 } });
}

const OBJECT_FIELDS = ['variables', 'extensions'] as const;
const STRING_FIELDS = ['query', 'operationName'] as const;

/**
 * Rejects requests whose GraphQL parameters have the wrong shape, with BAD_REQUEST and HTTP 400,
 * before any other plugin reads them. Without it, invalid JSON in a GET request's `variables`
 * or `extensions` and a batch holding a number instead of an object reach code in Hive Gateway
 * runtime 2.12.1 and GraphQL Yoga 5.24 that throws, which callers see as a masked HTTP 500.
 */
export function useRequestParamsCheck(): GatewayPlugin {
  return {
    onRequestParse({ requestParser, setRequestParser }) {
      if (requestParser) {
        setRequestParser(async (request) => {
          try {
            return await requestParser(request);
          } catch (error) {
            if (error instanceof SyntaxError) throw badRequest('Begäran innehåller ogiltig JSON i query, variables eller extensions.');
            throw error;
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

function describe(value: unknown): string {
  return Array.isArray(value) ? 'en lista' : typeof value === 'object' ? 'ett objekt' : typeof value === 'number' ? 'ett tal' : typeof value === 'boolean' ? 'ett sanningsvärde' : typeof value;
}
