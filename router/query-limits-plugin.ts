import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { getOperationAST, GraphQLError, Kind, Lexer, Source, TokenKind, type ValidationContext, type ASTVisitor } from 'graphql';
import type { CallerKind, RequestLimits } from '../src/config/read-request-protection.ts';
import { callerKindOf } from './caller-kind.ts';
import { limitExceededError } from './limit-exceeded-error.ts';
import { measureOperation } from './measure-operation.ts';

/**
 * Enforces the document limits for each kind of caller. Tokens are counted before parsing, and
 * depth, aliases and directives before the standard validation rules run. The cost estimate
 * waits until execution, because only then are the variables that set `first` known.
 */
export function useQueryLimits(limits: Record<CallerKind, RequestLimits>): GatewayPlugin {
  const shapeRules = { anonymous: shapeLimitRule('anonymous', limits.anonymous), loggedIn: shapeLimitRule('loggedIn', limits.loggedIn) };

  return {
    onParse({ context, params }) {
      const kind = callerKindOf(context);
      const maximum = limits[kind].maxTokens;
      // Thrown before the parser cache is consulted, so a cached parse never bypasses the limit.
      if (exceedsTokenCount(params.source.toString(), maximum)) throw limitExceededError('maxTokens', kind, maximum, `fler än ${maximum}`);
    },

    onValidate({ context, addValidationRule }) {
      addValidationRule(shapeRules[callerKindOf(context)]);
    },

    onExecute({ args, setResultAndStopExecution }) {
      const kind = callerKindOf(args.contextValue);
      const operation = getOperationAST(args.document, args.operationName);
      if (!operation) return;

      const { cost } = measureOperation(args.schema, args.document, operation, (args.variableValues ?? {}) as Record<string, unknown>);
      if (cost > limits[kind].maxCost) {
        setResultAndStopExecution({ errors: [limitExceededError('maxCost', kind, limits[kind].maxCost, cost)] });
      }
    },
  };
}

/** Returns true when the document has more than `maximum` tokens; stops lexing at the first one over. */
function exceedsTokenCount(document: string, maximum: number): boolean {
  const lexer = new Lexer(new Source(document));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) {
      count += 1;
      if (count > maximum) return true;
    }
  } catch (error) {
    // A syntax error is the parser's to report, with its position.
    if (!(error instanceof GraphQLError)) throw error;
  }
  return false;
}

/**
 * Builds the validation rule for depth, aliases and directives. It measures the whole document
 * when validation enters it and throws, so the other rules never walk a rejected document. The
 * rule's name differs per caller kind because the parser and validation cache keys its results
 * by rule names: a document valid for logged-in callers is then validated again for anonymous ones.
 */
function shapeLimitRule(kind: CallerKind, limits: RequestLimits): (context: ValidationContext) => ASTVisitor {
  const rule = (context: ValidationContext): ASTVisitor => ({
    Document(document) {
      for (const definition of document.definitions) {
        if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
        const measure = measureOperation(context.getSchema(), document, definition, {});
        if (measure.depth > limits.maxDepth) throw limitExceededError('maxDepth', kind, limits.maxDepth, measure.depth);
        if (measure.aliases > limits.maxAliases) throw limitExceededError('maxAliases', kind, limits.maxAliases, measure.aliases);
        if (measure.directives > limits.maxDirectives) throw limitExceededError('maxDirectives', kind, limits.maxDirectives, measure.directives);
      }
    },
  });
  Object.defineProperty(rule, 'name', { value: kind === 'anonymous' ? 'AnonymousQueryLimits' : 'LoggedInQueryLimits' });
  return rule;
}
