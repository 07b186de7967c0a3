import { GraphQLError } from 'graphql';
import type { ErrorCode } from './error-codes.ts';

/** Creates a GraphQL error that reaches the caller with a stable code and a Swedish message. */
export function codedError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

/** Creates a `BAD_USER_INPUT` error naming the argument that was wrong. */
export function badUserInput(argument: string, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return codedError('BAD_USER_INPUT', message, { ...extensions, argument });
}
