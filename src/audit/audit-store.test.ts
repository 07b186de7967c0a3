import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuditStore } from './audit-store.ts';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

describe('AuditStore.open', () => {
  it('moves a store of the first layout aside and starts anew', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ivo-audit-store-'));
    folders.push(folder);
    const file = path.join(folder, 'audit.sqlite');
    const legacy = new SqliteDatabase(file);
    legacy.exec('create table audit_record (id integer primary key autoincrement, recorded_at text not null)');
    legacy.exec("insert into audit_record (recorded_at) values ('2026-01-01T00:00:00.000Z')");
    legacy.close();
    const warning = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});

    const store = await AuditStore.open(`sqlite:${file}`);
    await store.append({ recordedAt: '2026-06-01T00:00:00.000Z', userId: 'A-00001', roles: [], operationName: null, clientName: null, requestId: 'r1', objects: [] });
    const records = await store.list({ userId: 'A-00001', from: '2026-01-01', to: '2026-12-31' });
    await store.close();
    const warnings = warning.mock.calls.length;
    warning.mockRestore();

    const moved = fs.readdirSync(folder).filter((name) => name.startsWith('audit.sqlite.legacy-') && !name.endsWith('-wal') && !name.endsWith('-shm'));
    expect(moved).toHaveLength(1);
    expect(new SqliteDatabase(path.join(folder, moved[0]!), { readonly: true }).prepare('select count(*) as n from audit_record').get()).toEqual({ n: 1 });
    expect(records.map((record) => record.requestId)).toEqual(['r1']);
    expect(warnings).toBe(1);
  });
});
