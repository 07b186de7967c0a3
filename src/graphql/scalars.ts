import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDate(value: unknown): string {
  if (typeof value === 'string') {
    const match = DATE_PATTERN.exec(value);
    if (match) {
      const date = new Date(`${value}T00:00:00Z`);
      if (!Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)) return value;
    }
  }
  throw new GraphQLError(`Ett datum ska skrivas ÅÅÅÅ-MM-DD och finnas i kalendern (fick ${JSON.stringify(value)}).`, {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

/** `Datum`: a calendar date as `YYYY-MM-DD`, without time zone. */
export const DatumScalar = new GraphQLScalarType({
  name: 'Datum',
  serialize: (value) => parseDate(value),
  parseValue: (value) => parseDate(value),
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

function parseTimestamp(value: unknown): string {
  if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString();
  throw new GraphQLError(`En tidpunkt ska skrivas enligt ISO 8601, till exempel 2026-01-31T12:00:00Z (fick ${JSON.stringify(value)}).`, {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

/** `Tidpunkt`: an instant as an ISO 8601 string in UTC. */
export const TidpunktScalar = new GraphQLScalarType({
  name: 'Tidpunkt',
  serialize: (value) => parseTimestamp(value),
  parseValue: (value) => parseTimestamp(value),
  parseLiteral: (ast) => parseTimestamp(ast.kind === Kind.STRING ? ast.value : undefined),
});
