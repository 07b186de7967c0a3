import { ConfigError } from '../config/load-config.ts';
import { describeDatabaseUrl, parseDatabaseUrl } from './database-url.ts';
import { isDatabaseUnavailable } from './database-unavailable.ts';

/**
 * Turns a failure to reach a configured database at start-up into a ConfigError that names the
 * variable and the database (never the password), so the command line prints one Swedish line
 * instead of a stack trace. Any other error is returned unchanged.
 */
export function explainUnreachableDatabase(error: unknown, variable: string, url: string): unknown {
  if (!isDatabaseUnavailable(error)) return error;
  let reason = String(error);
  if (error instanceof Error) reason = error.cause instanceof Error ? error.cause.message : error.message;
  return new ConfigError(
    variable,
    `${variable}: databasen ${describeDatabaseUrl(parseDatabaseUrl(url))} går inte att nå (${reason}). Kontrollera adressen och att databasen är igång.`,
  );
}
