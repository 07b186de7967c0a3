import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditStore, type AuditRecord } from '../audit/audit-store.ts';
import { loadConfig, type Config } from '../config/load-config.ts';
import { auditCommand, AuditCommandError } from './audit-command.ts';

let config: Config;
let folder: string;

const record = (userId: string, recordedAt: string, objectId: string): AuditRecord => ({
  recordedAt,
  userId,
  roles: [{ roll: 'RAPPORTOR', namndId: 'N-0001', verksamhetsomraden: ['SOL_IFO'] }],
  operationName: 'Placering',
  clientName: 'test',
  requestId: `request-${userId}-${recordedAt}`,
  objects: [{ type: 'Tillsynsobjekt', id: objectId, fields: ['adress'] }],
});

beforeAll(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ivo-audit-'));
  config = loadConfig({ IVO_DATA_DIR: folder, LOG_LEVEL: 'silent' });
  const store = await AuditStore.open(config.auditDatabaseUrl);
  await store.append(record('A-00003', '2026-03-01T10:00:00.000Z', 'TO-000001'));
  await store.append(record('A-00003', '2026-05-01T10:00:00.000Z', 'TO-000002'));
  await store.append(record('A-00004', '2026-05-02T10:00:00.000Z', 'TO-000001'));
  await store.close();
});

afterAll(() => {
  fs.rmSync(folder, { recursive: true, force: true });
});

async function run(args: string[]): Promise<AuditRecord[]> {
  const lines: string[] = [];
  await auditCommand(config, args, (line) => lines.push(line));
  return lines.map((line) => JSON.parse(line) as AuditRecord);
}

describe('audit command', () => {
  it('lists a user’s records within the period', async () => {
    expect(await run(['--user', 'A-00003', '--from', '2026-01-01', '--to', '2026-12-31'])).toEqual([
      record('A-00003', '2026-03-01T10:00:00.000Z', 'TO-000001'),
      record('A-00003', '2026-05-01T10:00:00.000Z', 'TO-000002'),
    ]);
  });

  it('lists an object’s records within the period', async () => {
    expect(await run(['--object', 'Tillsynsobjekt:TO-000001', '--from', '2026-04-01', '--to', '2026-12-31'])).toEqual([
      record('A-00004', '2026-05-02T10:00:00.000Z', 'TO-000001'),
    ]);
  });

  it('includes the whole last day of the period', async () => {
    expect(await run(['--user', 'A-00004', '--from', '2026-05-02', '--to', '2026-05-02'])).toHaveLength(1);
  });

  it.each([
    [[], 'Ange --user <användar-id> eller --object <Typ:id>, till exempel --object Tillsynsobjekt:TO-000001.'],
    [['--user', 'A-00003', '--from', '2026-13-01'], '--from ska vara ett datum ÅÅÅÅ-MM-DD (fick "2026-13-01").'],
    [['--object', 'TO-000001'], '--object ska ha formen Typ:id, till exempel Arende:3.1.2-12345/2023 (fick "TO-000001").'],
  ])('rejects %j with a Swedish message', async (args, message) => {
    await expect(run(args)).rejects.toThrow(new AuditCommandError(message));
  });
});
