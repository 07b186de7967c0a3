/**
 * Every error code the graph returns in `extensions.code`, with its meaning. Codes are stable
 * English constants; the message beside them is Swedish and says what to do.
 */
export const ERROR_CODES = {
  UNAUTHENTICATED: 'The caller token is missing a required property, is invalid, or has expired.',
  FORBIDDEN: 'The caller may not see this field or object; the field is null.',
  BAD_USER_INPUT: 'An argument or variable has an invalid value; nothing was read or written.',
  NOT_FOUND: 'The object asked for does not exist.',
  VERSION_CONFLICT: 'The object changed since the version the change was based on; nothing was written.',
  ALREADY_EXISTS: 'An object with other details already exists where this one was to be created; nothing was written.',
  SOURCE_UNAVAILABLE: 'A source (subgraph or its database) did not answer; its fields are null.',
  RATE_LIMITED: 'Too many requests from this caller; retry after the time in Retry-After.',
  AUDIT_UNAVAILABLE: 'The audit log could not be written, so the response was withheld without data.',
  QUERY_TOO_COMPLEX: 'The document exceeds a limit of the router (depth, aliases, tokens, directives or estimated cost); extensions.limit names it.',
  REQUEST_TOO_LARGE: 'The request body or the number of operations in a batched request exceeds a limit of the router (HTTP 413).',
  INTROSPECTION_DISABLED: 'Introspection is turned off for this kind of caller.',
  PERSISTED_QUERY_NOT_FOUND: 'No persisted document has the hash the request names.',
  PERSISTED_QUERY_REQUIRED: 'Anonymous callers may only send the hash of a persisted document, not a document.',
  BAD_REQUEST: 'The HTTP request is not a GraphQL request the router can read (raised by GraphQL Yoga inside the router).',
  GRAPHQL_PARSE_FAILED: 'The document is not valid GraphQL syntax (raised by Apollo Server and the router).',
  GRAPHQL_VALIDATION_FAILED: 'The document does not match the schema, a literal argument included (raised by Apollo Server and the router).',
  INTERNAL_SERVER_ERROR: 'An unexpected error; details are in the server log under the request id.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;
