/**
 * Name of the response extension in which a subgraph lists the login identities whose roles it
 * changed, so the router drops their cached access contexts at once. The router removes it.
 */
export const ACCESS_CHANGED_EXTENSION = 'ivoAccessChanged';
