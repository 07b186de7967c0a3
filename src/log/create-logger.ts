import { pino, type Logger } from 'pino';
import type { LogLevel } from '../config/load-config.ts';

export type { Logger } from 'pino';

/** Paths that may carry tokens or personal identity numbers; pino replaces their values. */
const REDACTED_PATHS = [
  'authorization',
  'headers.authorization',
  'req.headers.authorization',
  'token',
  'personnummer',
  'hsaId',
  '*.personnummer',
  '*.hsaId',
  'variables.personnummer',
];

/** Creates the JSON logger of one process, named after the component that owns it. */
export function createLogger(component: string, level: LogLevel): Logger {
  return pino({
    name: component,
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    base: { component },
  });
}
