import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { httpPost } from './http-post.ts';
import { startStack, type Stack } from './start-stack.ts';

let stack: Stack;

beforeAll(async () => {
  // The production default: introspection and suggestions for logged-in callers only.
  stack = await startStack(inject('seededDataSet'), { env: { IVO_INTROSPECTION: 'logged-in' } });
});

afterAll(async () => {
  await stack?.close();
});

const SCHEMA_QUERY = '{ __schema { queryType { name } } }';
const MISSPELLED_QUERY = '{ allaLann { kod } }';
const ENUM_QUERY = 'query Typ($typ: [Verksamhetstyp!]) { sokTillsynsobjekt(filter: { verksamhetstyp: $typ }, first: 0) { totalCount } }';

describe('introspection control', () => {
  it('rejects introspection from an anonymous caller', async () => {
    const result = await httpPost(stack.routerUrl, { query: SCHEMA_QUERY });

    expect(result.status).toBe(400);
    expect(result.body).toEqual({
      errors: [
        {
          message: 'Introspektion är avstängd för det här anropet (fältet __schema). Logga in eller läs schemat i projektets dokumentation.',
          locations: [{ line: 1, column: 3 }],
          extensions: { code: 'INTROSPECTION_DISABLED', field: '__schema' },
        },
      ],
    });
  });

  it('rejects __type from an anonymous caller', async () => {
    const result = await stack.query('{ __type(name: "Tillsynsobjekt") { name } }');

    expect(result.errors).toEqual([expect.objectContaining({ extensions: { code: 'INTROSPECTION_DISABLED', field: '__type' } })]);
    expect(result.data).toBeUndefined();
  });

  it('answers __typename for an anonymous caller', async () => {
    const result = await stack.query('{ __typename lan(kod: "14") { __typename kod } }');

    expect(result).toEqual({ data: { __typename: 'Query', lan: { __typename: 'Lan', kod: '14' } } });
  });

  it('answers introspection for a logged-in caller', async () => {
    const result = await stack.query(SCHEMA_QUERY, undefined, 'A-00003');

    expect(result).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });

  it('leaves field suggestions out for an anonymous caller', async () => {
    const result = await stack.query(MISSPELLED_QUERY);

    expect(result.errors).toEqual([
      { message: 'Cannot query field "allaLann" on type "Query".', locations: [{ line: 1, column: 3 }], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
    ]);
  });

  it('keeps field suggestions for a logged-in caller', async () => {
    const result = await stack.query(MISSPELLED_QUERY, undefined, 'A-00003');

    expect(result.errors).toEqual([
      {
        message: 'Cannot query field "allaLann" on type "Query". Did you mean "allaLan"?',
        locations: [{ line: 1, column: 3 }],
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      },
    ]);
  });

  it('leaves enum suggestions out of variable errors for an anonymous caller', async () => {
    const anonymous = await stack.query(ENUM_QUERY, { typ: ['HV'] });
    const loggedIn = await stack.query(ENUM_QUERY, { typ: ['HV'] }, 'A-00003');

    expect(anonymous.errors).toHaveLength(1);
    expect(anonymous.errors![0]!.message).not.toContain('Did you mean');
    expect(anonymous.errors![0]!.message).toContain('"HV"');
    expect(loggedIn.errors![0]!.message).toContain('Did you mean the enum value "HVB"?');
  });
});
