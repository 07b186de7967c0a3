import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from '../config/load-config.ts';
import { scrubText, scrubValue } from './scrub-identifiers.ts';

export type { Logger } from 'pino';

/**
 * Paths that may carry tokens or personal identity numbers; pino replaces their values. Values
 * elsewhere are scrubbed by pattern (see scrubIdentifiers), so these paths are the first line only.
 */
const REDACTED_PATHS = [
  'authorization',
  'headers.authorization',
  'req.headers.authorization',
  'request.headers.authorization',
  'token',
  'personnummer',
  'hsaId',
  'identitet',
  '*.personnummer',
  '*.hsaId',
  '*.identitet',
  '*.authorization',
  'variables.personnummer',
  'variables.identitet',
  'variables.input.identitet',
];

/**
 * Creates the JSON logger of one process, named after the component that owns it. Besides the
 * redacted paths, every string in a log line, the message included, has personnummer, HSA-ids
 * and tokens replaced. `destination` defaults to standard output; tests pass a stream to read.
 */
export function createLogger(component: string, level: LogLevel, destination?: DestinationStream): Logger {
  const options = {
    name: component,
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    base: { component },
    formatters: { log: (object: Record<string, unknown>) => scrubValue(object) as Record<string, unknown> },
    hooks: {
      logMethod(this: Logger, args: unknown[], method: (...args: unknown[]) => void) {
        method.apply(
          this,
          args.map((argument) => (typeof argument === 'string' ? scrubText(argument) : argument)),
        );
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
