import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startStack, type Stack } from './start-stack.ts';

const UNIT_QUERY = 'query Enhet($id: ID!) { tillsynsobjekt(id: $id) { namn arenden(first: 2) { totalCount } } }';

let stack: Stack;
const chunks: string[] = [];

beforeAll(async () => {
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      chunks.push(String(chunk));
      callback();
    },
  });
  stack = await startStack(inject('seededDataSet'), { logDestination: destination });
});

afterAll(async () => {
  await stack?.close();
});

function logLines(): Record<string, any>[] {
  return chunks.join('').trim().split('\n').map((line) => JSON.parse(line));
}

async function post(headers: Record<string, string>, variables: Record<string, unknown>): Promise<Response> {
  return fetch(stack.routerUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: UNIT_QUERY, variables }),
  });
}

describe('request logs', () => {
  it('logs each request on every server', async () => {
    const bearer = await stack.bearerFor('A-00001');
    const response = await post({ authorization: bearer, 'x-request-id': 'logg-1', 'graphql-client-name': 'kommunportalen' }, { id: 'TO-001006' });
    await response.json();

    expect(response.headers.get('x-request-id')).toBe('logg-1');
    const completed = logLines().filter((line) => line.msg === 'request completed' && line.requestId === 'logg-1');
    // The users subgraph's line is the router's access context lookup for the caller's first request.
    expect(completed.map((line) => line.component).sort()).toEqual(['router', 'subgraph-care-register', 'subgraph-cases', 'subgraph-users']);
    const routerLine = completed.find((line) => line.component === 'router')!;
    expect(routerLine).toMatchObject({ level: 30, operationName: 'Enhet', clientName: 'kommunportalen', status: 200, outcome: 'ok', errorCodes: [] });
    expect(typeof routerLine.durationMs).toBe('number');
  });

  it('records error codes and creates an id for a malformed one', async () => {
    const response = await post({ 'x-request-id': 'not a valid id!', 'apollographql-client-name': 'statistik' }, { id: 'TO-001006' });
    await response.json();

    const requestId = response.headers.get('x-request-id')!;
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const routerLine = logLines().find((line) => line.component === 'router' && line.msg === 'request completed' && line.requestId === requestId);
    expect(routerLine).toMatchObject({ operationName: 'Enhet', clientName: 'statistik', outcome: 'error', errorCodes: ['FORBIDDEN'] });
  });

  it('writes no token, personnummer or HSA-id', async () => {
    const bearer = await stack.bearerFor('A-00003');
    const personnummer = '199001012385';
    const hsaId = 'SE2321000131-E000000012345';
    // The client name is the caller's own text and reaches the log line of every request.
    await (await post({ authorization: `${bearer}x`, 'x-request-id': 'logg-3' }, { id: 'TO-001006' })).text();
    await (await post({ authorization: bearer, 'x-request-id': 'logg-4', 'graphql-client-name': `kommun-${personnummer}-${hsaId}` }, { id: 'TO-001006' })).text();

    const lines = logLines();
    expect(lines.find((line) => line.requestId === 'logg-3' && line.msg === 'request completed')).toMatchObject({ status: 401, errorCodes: ['UNAUTHENTICATED'] });
    expect(lines.find((line) => line.requestId === 'logg-4' && line.component === 'router' && line.msg === 'request completed')).toMatchObject({ clientName: 'kommun-[redacted]-[redacted]' });
    const text = chunks.join('');
    expect(text).not.toContain(bearer.slice('Bearer '.length));
    expect(text).not.toContain(personnummer);
    expect(text).not.toContain(hsaId);
  });
});
