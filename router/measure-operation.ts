import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isInputType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  typeFromAST,
  valueFromAST,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../src/graphql/page-arguments.ts';

/** Counts of one operation that the router's limits apply to, with fragments expanded at every spread. */
export interface OperationMeasure {
  /** Deepest nesting of fields, root fields at depth 1. */
  depth: number;
  aliases: number;
  directives: number;
  /** Estimated fields resolved: each field counts once per object it is resolved on. */
  cost: number;
}

/**
 * The assumed length of a list of objects that takes no `first` argument (a unit's decisions,
 * a county's municipalities). An estimate: the longest such lists in the seed hold about 50 rows.
 */
export const ASSUMED_LIST_SIZE = 20;

const EMPTY: OperationMeasure = { depth: 0, aliases: 0, directives: 0, cost: 0 };

/**
 * Measures one operation of a document against the schema. The cost multiplies each field's
 * subtree by its list size: `first` (its variable's value, or the argument's default) for
 * connections, 1 for a connection's `edges`, ASSUMED_LIST_SIZE for other lists of objects. A
 * variable missing from `variables` takes the default value of its definition in the operation.
 * Introspection fields count toward depth, aliases and directives but add no cost, since the
 * router resolves them from memory. `__Type.ofType` adds no depth, because it only unwraps the
 * list and non-null wrappers of one type.
 */
export function measureOperation(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, requestVariables: Record<string, unknown>): OperationMeasure {
  const variables = withDefaultValues(schema, operation, requestVariables);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  // A fragment is measured once however often it is spread, so nested spreads cannot make the
  // walk itself exponential.
  const fragmentMeasures = new Map<string, OperationMeasure>();
  const visiting = new Set<string>();

  function measureFragment(name: string): OperationMeasure {
    const known = fragmentMeasures.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    // Unknown and cyclic spreads are left to the standard validation rules, which reject them.
    if (!fragment || visiting.has(name)) return EMPTY;

    visiting.add(name);
    const measure = measureSelections(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value));
    measure.directives += fragment.directives?.length ?? 0;
    visiting.delete(name);
    fragmentMeasures.set(name, measure);
    return measure;
  }

  function measureSelections(selectionSet: SelectionSetNode, parentType: GraphQLNamedType | undefined): OperationMeasure {
    const total: OperationMeasure = { ...EMPTY };
    for (const selection of selectionSet.selections) {
      let part: OperationMeasure;
      if (selection.kind === Kind.FIELD) part = measureField(selection, parentType);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parentType;
        part = measureSelections(selection.selectionSet, type);
      } else part = measureFragment(selection.name.value);

      total.depth = Math.max(total.depth, part.depth);
      total.aliases += part.aliases;
      total.directives += part.directives + (selection.directives?.length ?? 0);
      total.cost += part.cost;
    }
    return total;
  }

  function measureField(field: FieldNode, parentType: GraphQLNamedType | undefined): OperationMeasure {
    const name = field.name.value;
    const definition = parentType && (isObjectType(parentType) || isInterfaceType(parentType)) ? parentType.getFields()[name] : undefined;
    let childType: GraphQLNamedType | undefined;
    if (definition) childType = getNamedType(definition.type);
    else if (name === '__schema') childType = schema.getType('__Schema') ?? undefined;
    else if (name === '__type') childType = schema.getType('__Type') ?? undefined;
    const child = field.selectionSet && (childType === undefined || isCompositeType(childType)) ? measureSelections(field.selectionSet, childType) : EMPTY;
    const introspection = name.startsWith('__') || parentType?.name.startsWith('__') === true;
    const unwrapsType = parentType?.name === '__Type' && name === 'ofType';

    return {
      depth: child.depth + (unwrapsType ? 0 : 1),
      aliases: child.aliases + (field.alias ? 1 : 0),
      directives: child.directives,
      cost: introspection ? 0 : 1 + listSize(field, definition, parentType, variables) * child.cost,
    };
  }

  return measureSelections(operation.selectionSet, schema.getRootType(operation.operation) ?? undefined);
}

/**
 * Adds the default value of each variable that the request leaves out, so `$n: Int = 100` sent
 * without variables is priced at 100 and not at the argument's default.
 */
function withDefaultValues(schema: GraphQLSchema, operation: OperationDefinitionNode, requestVariables: Record<string, unknown>): Record<string, unknown> {
  const variables = { ...requestVariables };
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (Object.hasOwn(requestVariables, name) || !definition.defaultValue) continue;

    const type = typeFromAST(schema, definition.type);
    // An unknown type or an invalid default fails validation; until then it reads as no default.
    const value = type && isInputType(type) ? valueFromAST(definition.defaultValue, type) : undefined;
    if (value !== undefined) variables[name] = value;
  }
  return variables;
}

function listSize(field: FieldNode, definition: GraphQLField<unknown, unknown> | undefined, parentType: GraphQLNamedType | undefined, variables: Record<string, unknown>): number {
  if (!definition) return 1;

  const firstArgument = definition.args.find((argument) => argument.name === 'first');
  if (firstArgument) {
    const fallback = typeof firstArgument.defaultValue === 'number' ? firstArgument.defaultValue : DEFAULT_PAGE_SIZE;
    const node = field.arguments?.find((argument) => argument.name.value === 'first')?.value;
    let value: unknown = fallback;
    if (node?.kind === Kind.INT) value = Number(node.value);
    else if (node?.kind === Kind.VARIABLE) value = variables[node.name.value] ?? fallback;
    else if (node?.kind === Kind.NULL) value = fallback;
    // A value the subgraph will reject anyway is priced at the largest page it could mean.
    return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : MAX_PAGE_SIZE;
  }

  if (!isListType(getNullableType(definition.type)) || !isCompositeType(getNamedType(definition.type))) return 1;
  // A connection's edges are its page, already priced at the connection's `first`.
  if (parentType?.name.endsWith('Connection') && (definition.name === 'edges' || definition.name === 'nodes')) return 1;
  return ASSUMED_LIST_SIZE;
}
