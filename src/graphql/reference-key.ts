import { badUserInput } from '../errors/coded-error.ts';

/** Reads a key field from an entity representation, raising BAD_USER_INPUT when it is missing. */
export function referenceKey(reference: Record<string, unknown>, field: string): string {
  const value = reference[field];
  if (typeof value !== 'string' || value === '') {
    throw badUserInput('representations', `Representationen av ${String(reference.__typename)} saknar nyckelfältet ${field}.`);
  }
  return value;
}
