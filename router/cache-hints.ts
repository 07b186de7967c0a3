import { Kind, parse, type ConstDirectiveNode } from 'graphql';

/** Response cache lifetimes in milliseconds, by type name and by `Type.field`. */
export interface CacheHints {
  ttlPerType: Record<string, number>;
  ttlPerSchemaCoordinate: Record<string, number>;
}

/**
 * Reads the `@cacheControl(maxAge:)` hints of the subgraph schemas. Composition drops the
 * directive, so the router reads the hints from the subgraph SDL it is deployed with. A type or
 * field hinted in more than one subgraph keeps the shortest lifetime.
 */
export function readCacheHints(subgraphSdls: readonly string[]): CacheHints {
  const hints: CacheHints = { ttlPerType: {}, ttlPerSchemaCoordinate: {} };
  const keepShortest = (map: Record<string, number>, key: string, milliseconds: number) => {
    map[key] = Math.min(map[key] ?? Infinity, milliseconds);
  };

  for (const sdl of subgraphSdls) {
    for (const definition of parse(sdl).definitions) {
      if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
      const typeAge = maxAgeOf(definition.directives);
      if (typeAge !== null) keepShortest(hints.ttlPerType, definition.name.value, typeAge * 1000);
      for (const field of definition.fields ?? []) {
        const fieldAge = maxAgeOf(field.directives);
        if (fieldAge !== null) keepShortest(hints.ttlPerSchemaCoordinate, `${definition.name.value}.${field.name.value}`, fieldAge * 1000);
      }
    }
  }
  return hints;
}

function maxAgeOf(directives: readonly ConstDirectiveNode[] | undefined): number | null {
  const argument = directives?.find((directive) => directive.name.value === 'cacheControl')?.arguments?.find((candidate) => candidate.name.value === 'maxAge');
  if (argument?.value.kind !== Kind.INT) return null;
  return Number(argument.value.value);
}
