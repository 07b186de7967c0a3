import { describe, expect, it } from 'vitest';
import { createRouterMetrics } from './metrics-registry.ts';

describe('operationLabel', () => {
  it('keeps a plain operation name', () => {
    expect(createRouterMetrics().operationLabel('Placering')).toBe('Placering');
  });

  it('counts a name holding a personnummer as other', () => {
    expect(createRouterMetrics().operationLabel('Sok199001012385')).toBe('other');
  });

  it('counts a missing name as anonymous', () => {
    expect(createRouterMetrics().operationLabel(null)).toBe('anonymous');
  });
});
