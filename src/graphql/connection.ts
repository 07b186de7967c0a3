import { encodeCursor, type PageArguments } from './page-arguments.ts';

/** A Relay connection as the resolvers return it; `totalCount` runs its query only when selected. */
export interface Connection<Node> {
  edges: { cursor: string; node: Node }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: () => Promise<number>;
}

/**
 * Builds a connection from rows fetched with one row more than the page size, which tells
 * whether a next page exists. `hasPreviousPage` is true whenever `after` was given: keyset
 * pagination does not look backwards, which the Relay specification allows.
 */
export function toConnection<Row, Node = Row>(
  rows: readonly Row[],
  page: PageArguments,
  cursorValues: (row: Row) => unknown[],
  totalCount: () => Promise<number>,
  toNode: (row: Row) => Node = (row) => row as unknown as Node,
): Connection<Node> {
  const pageRows = rows.slice(0, page.first);
  const edges = pageRows.map((row) => ({ cursor: encodeCursor(cursorValues(row)), node: toNode(row) }));

  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > page.first,
      hasPreviousPage: page.after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}
