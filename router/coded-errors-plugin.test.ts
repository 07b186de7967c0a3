import { GraphQLError, type ExecutionResult } from 'graphql';
import { describe, expect, it } from 'vitest';
import { useCodedErrors } from './coded-errors-plugin.ts';

/** Runs the plugin's result hook on one result and returns what it set, or the result unchanged. */
function process(result: ExecutionResult, requestId: string | undefined): ExecutionResult {
  let processed = result;
  const hook = useCodedErrors().onResultProcess as unknown as (payload: object) => void;
  hook({ result, setResult: (next: ExecutionResult) => (processed = next), serverContext: { requestId } });
  return processed;
}

describe('useCodedErrors', () => {
  it('masks an unexpected error with the request id', () => {
    const result = process({ errors: [new GraphQLError('Unexpected error.', { extensions: { code: 'INTERNAL_SERVER_ERROR' } })] }, 'fel-1');

    expect(JSON.parse(JSON.stringify(result))).toEqual({
      errors: [{ message: 'Ett oväntat fel inträffade. Ange begärans id fel-1 om du kontaktar IVO.', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'fel-1' } }],
    });
  });

  it('keeps a subgraph’s masked error as it is', () => {
    const error = new GraphQLError('Ett oväntat fel inträffade. Ange begärans id fel-2 om du kontaktar IVO.', { path: ['tillsynsobjekt'], extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'fel-2' } });
    const result: ExecutionResult = { data: { tillsynsobjekt: null }, errors: [error] };

    expect(process(result, 'fel-2')).toBe(result);
  });

  it('codes an uncoded request error as BAD_REQUEST', () => {
    const result = process({ errors: [new GraphQLError('Must provide query string.')] }, 'fel-3');

    expect(JSON.parse(JSON.stringify(result))).toEqual({ errors: [{ message: 'Must provide query string.', extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('leaves coded errors alone', () => {
    const result: ExecutionResult = { errors: [new GraphQLError('Ogiltigt värde.', { extensions: { code: 'BAD_USER_INPUT' } })] };

    expect(process(result, 'fel-4')).toBe(result);
  });
});
