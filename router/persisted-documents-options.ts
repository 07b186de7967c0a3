import type { GatewayConfigBase } from '@graphql-hive/gateway-runtime';

type PersistedDocumentsOptions = NonNullable<GatewayConfigBase<Record<string, unknown>>['persistedDocuments']>;

/**
 * Builds the gateway's persisted documents settings. Any caller may send the SHA-256 hash of a
 * document in the manifest, in Apollo's `extensions.persistedQuery` format. With
 * `persistedOnlyForAnonymous`, a request without an Authorization header may send nothing else.
 * A request with an invalid token never gets here, because the router rejects it first.
 */
export function persistedDocumentsOptions(documents: ReadonlyMap<string, string>, persistedOnlyForAnonymous: boolean): PersistedDocumentsOptions {
  return {
    getPersistedOperation: (hash: string) => documents.get(hash) ?? null,
    allowArbitraryDocuments: (request: Request) => !persistedOnlyForAnonymous || request.headers.has('authorization'),
    customErrors: {
      notFound: {
        message: 'Det finns inget sparat dokument med den hashen. Använd en hash ur persisted-documents.json.',
        extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', http: { status: 400 } },
      },
      persistedQueryOnly: {
        message: 'Anonyma anrop får bara skicka hashen för ett sparat dokument, inte en egen fråga. Logga in för att skicka egna frågor.',
        extensions: { code: 'PERSISTED_QUERY_REQUIRED', http: { status: 400 } },
      },
      keyNotFound: {
        message: 'Begäran saknar en fråga. Skicka query, eller extensions.persistedQuery.sha256Hash för ett sparat dokument.',
        extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
      },
    },
  };
}
