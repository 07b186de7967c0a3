import { badUserInput } from '../errors/coded-error.ts';

/** The largest page a connection returns; a larger `first` is rejected, not truncated. */
export const MAX_PAGE_SIZE = 100;
/** The page size when the caller gives no `first`. */
export const DEFAULT_PAGE_SIZE = 20;

/** Validated `first`/`after` of a connection field. */
export interface PageArguments {
  first: number;
  /** The sort key values of the last row of the previous page, or null for the first page. */
  after: unknown[] | null;
}

/** Validates `first` and decodes `after`, raising BAD_USER_INPUT for a value outside the contract. */
export function readPageArguments(args: { first?: number | null; after?: string | null }): PageArguments {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0) {
    throw badUserInput('first', `Argumentet first ska vara ett heltal från 0 till ${MAX_PAGE_SIZE} (fick ${first}).`);
  }
  if (first > MAX_PAGE_SIZE) {
    throw badUserInput(
      'first',
      `Argumentet first får vara högst ${MAX_PAGE_SIZE} (fick ${first}). Hämta fler rader sida för sida med after.`,
      { maximum: MAX_PAGE_SIZE },
    );
  }

  const after = args.after == null ? null : decodeCursor(args.after);
  return { first, after };
}

/** Encodes the sort key values of a row as an opaque cursor. */
export function encodeCursor(values: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

/** Decodes a cursor made by `encodeCursor`, raising BAD_USER_INPUT for anything else. */
export function decodeCursor(cursor: string): unknown[] {
  const invalid = () =>
    badUserInput('after', `Argumentet after är ingen giltig markör (fick "${cursor.slice(0, 60)}"). Använd endCursor från en tidigare sida.`);

  if (cursor.length > 512 || !/^[A-Za-z0-9_-]*$/.test(cursor)) throw invalid();
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(values) || values.length === 0 || !values.every((value) => ['string', 'number'].includes(typeof value))) {
    throw invalid();
  }
  return values;
}
