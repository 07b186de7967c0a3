import { buildASTSchema, parse, isEnumType, isInputObjectType, isInterfaceType, isObjectType, isScalarType, isSpecifiedScalarType, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadSubgraphModule } from '../src/cli/subgraph-modules.ts';
import { SUBGRAPH_NAMES } from '../src/subgraph-names.ts';

// Federation's own types and directives come from @apollo/subgraph and carry no Swedish text.
const FEDERATION_TYPES = new Set(['_Any', '_Entity', '_Service', 'link__Import', 'link__Purpose', 'FieldSet']);

/** Lists every schema element of the subgraph's own SDL that lacks a description. */
function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || FEDERATION_TYPES.has(type.name) || (isScalarType(type) && isSpecifiedScalarType(type))) continue;
    const operationRoot = ['Query', 'Mutation'].includes(type.name);
    if (!type.description && !operationRoot) missing.push(type.name);

    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (field.name.startsWith('_')) continue;
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        for (const argument of field.args) if (!argument.description) missing.push(`${type.name}.${field.name}(${argument.name})`);
      }
    }
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) if (!field.description) missing.push(`${type.name}.${field.name}`);
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
    }
  }
  return missing;
}

describe('schema descriptions', () => {
  it('reports each element without one', () => {
    const schema = buildASTSchema(parse('"T" type T { a(x: Int): Int "b" b: Int } enum E { "v" V W } type Query { t: T }'));

    expect(undescribed(schema)).toEqual(['T.a', 'T.a(x)', 'E', 'E.W', 'Query.t']);
  });

  it.each([...SUBGRAPH_NAMES])('%s describes every type, field, argument and value', async (name) => {
    const module = await loadSubgraphModule(name);
    const schema = buildASTSchema(module.typeDefs, { assumeValidSDL: true });

    expect(undescribed(schema)).toEqual([]);
  });
});
