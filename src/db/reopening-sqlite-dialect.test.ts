import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kysely, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseUnavailableError } from './database-unavailable.ts';
import { ReopeningSqliteDialect } from './reopening-sqlite-dialect.ts';

const folders: string[] = [];

afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

function openTemporary(): { db: Kysely<any>; file: string } {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ivo-graf-reopen-'));
  folders.push(folder);
  const file = path.join(folder, 'test.sqlite');
  return { db: new Kysely<any>({ dialect: new ReopeningSqliteDialect(file) }), file };
}

describe('ReopeningSqliteDialect', () => {
  it('runs concurrent statements one after another', async () => {
    const { db } = openTemporary();
    const results = await Promise.all([1, 2, 3, 4].map((value) => sql<{ value: number }>`select ${value} as value`.execute(db)));
    expect(results.map((result) => result.rows[0]?.value)).toEqual([1, 2, 3, 4]);
    await db.destroy();
  });

  it('fails while the file is away and recovers after', async () => {
    const { db, file } = openTemporary();
    await sql`create table t (x integer)`.execute(db);
    await sql`insert into t values (7)`.execute(db);

    fs.renameSync(file, `${file}.away`);
    await expect(sql`select x from t`.execute(db)).rejects.toThrow(DatabaseUnavailableError);
    expect(fs.existsSync(file)).toBe(false);

    fs.renameSync(`${file}.away`, file);
    expect((await sql<{ x: number }>`select x from t`.execute(db)).rows).toEqual([{ x: 7 }]);
    await db.destroy();
  });
});
