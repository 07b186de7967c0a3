import { parseArgs } from 'node:util';
import type { Config } from '../config/load-config.ts';
import { AuditStore, type AuditQuery } from '../audit/audit-store.ts';

/** Raised for invalid audit command arguments; the message states what is expected. */
export class AuditCommandError extends Error {}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Lists audit records for a user (`--user A-00003`) or an object (`--object Tillsynsobjekt:TO-000001`)
 * over a period (`--from`, `--to`, dates inclusive; default the last 30 days), as JSON lines.
 */
export async function auditCommand(config: Config, args: string[], write: (line: string) => void): Promise<number> {
  const { values } = parseArgs({ args, options: { user: { type: 'string' }, object: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } } });
  if (!values.user && !values.object) throw new AuditCommandError('Ange --user <användar-id> eller --object <Typ:id>, till exempel --object Tillsynsobjekt:TO-000001.');
  for (const [flag, value] of [['--from', values.from], ['--to', values.to]] as const) {
    if (value !== undefined && (!DATE.test(value) || Number.isNaN(Date.parse(value)))) throw new AuditCommandError(`${flag} ska vara ett datum ÅÅÅÅ-MM-DD (fick "${value}").`);
  }
  let object: AuditQuery['object'];
  if (values.object) {
    const [type, id] = values.object.split(':', 2);
    if (!type || !id) throw new AuditCommandError(`--object ska ha formen Typ:id, till exempel Arende:3.1.2-12345/2023 (fick "${values.object}").`);
    object = { type, id };
  }

  const to = values.to ?? new Date().toISOString().slice(0, 10);
  const from = values.from ?? new Date(Date.parse(to) - 30 * 86_400_000).toISOString().slice(0, 10);
  const store = await AuditStore.open(config.auditDatabaseUrl);
  try {
    const records = await store.list({ userId: values.user, object, from: `${from}T00:00:00.000Z`, to: `${to}T23:59:59.999Z` });
    for (const record of records) write(JSON.stringify(record));
    return records.length;
  } finally {
    await store.close();
  }
}
