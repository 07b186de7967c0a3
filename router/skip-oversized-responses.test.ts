import { createInMemoryCache } from '@graphql-yoga/plugin-response-cache';
import { describe, expect, it } from 'vitest';
import { skipOversizedResponses } from './skip-oversized-responses.ts';

describe('skipOversizedResponses', () => {
  it('passes responses up to the cap to the wrapped cache', async () => {
    const cache = skipOversizedResponses(createInMemoryCache(), 100);
    const response = { data: { text: 'x'.repeat(50) } };

    await cache.set('a', response, [], 60_000);

    expect(await cache.get('a')).toEqual(response);
  });

  it('skips a response over the cap', async () => {
    const cache = skipOversizedResponses(createInMemoryCache(), 100);

    await cache.set('a', { data: { text: 'x'.repeat(100) } }, [], 60_000);

    expect(await cache.get('a')).toBeNull();
  });
});
