import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Migration } from 'kysely';
import { makeTableAppendOnly } from '../db/append-only-table.ts';
import { migrateToLatest } from '../db/migrate-to-latest.ts';
import { openDatabase, type Database } from '../db/open-database.ts';
import type { RoleGrant } from '../access/access-context.ts';
import type { AuditedObject } from './audit-collector.ts';

/** One audit record: who received which restricted data, when, through which request. */
export interface AuditRecord {
  recordedAt: string;
  userId: string | null;
  roles: RoleGrant[];
  operationName: string | null;
  clientName: string | null;
  requestId: string;
  objects: AuditedObject[];
}

/** Filters of `listAuditRecords`; a period is required so a listing stays bounded. */
export interface AuditQuery {
  userId?: string;
  object?: { type: string; id: string };
  from: string;
  to: string;
}

interface AuditDatabase {
  audit_record: {
    id: string;
    recorded_at: string;
    user_id: string | null;
    roles: string;
    operation_name: string | null;
    client_name: string | null;
    request_id: string;
    objects: string;
  };
  audit_object: { record_id: string; object_type: string; object_id: string };
}

const migrations: Record<string, Migration> = {
  '0001_audit': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('audit_record')
        // A UUID made by the writer: no dialect-specific way to read back a generated key is needed.
        .addColumn('id', 'varchar(36)', (column) => column.primaryKey())
        .addColumn('recorded_at', 'varchar(30)', (column) => column.notNull())
        .addColumn('user_id', 'varchar(20)')
        .addColumn('roles', 'text', (column) => column.notNull())
        .addColumn('operation_name', 'varchar(200)')
        .addColumn('client_name', 'varchar(200)')
        .addColumn('request_id', 'varchar(128)', (column) => column.notNull())
        .addColumn('objects', 'text', (column) => column.notNull())
        .execute();
      await db.schema.createIndex('audit_record_user').on('audit_record').columns(['user_id', 'recorded_at']).execute();
      await db.schema.createIndex('audit_record_time').on('audit_record').columns(['recorded_at']).execute();
      await db.schema
        .createTable('audit_object')
        .addColumn('record_id', 'varchar(36)', (column) => column.notNull().references('audit_record.id'))
        .addColumn('object_type', 'varchar(50)', (column) => column.notNull())
        .addColumn('object_id', 'varchar(50)', (column) => column.notNull())
        .execute();
      await db.schema.createIndex('audit_object_lookup').on('audit_object').columns(['object_type', 'object_id', 'record_id']).execute();

      // Append-only: the database itself rejects changing or deleting a record.
      await makeTableAppendOnly(db, 'audit_record');
      await makeTableAppendOnly(db, 'audit_object');
    },
  },
};

/** The append-only store of audit records, in its own database. */
export class AuditStore {
  private constructor(private readonly database: Database<AuditDatabase>) {}

  /**
   * Opens the store and creates its tables on first use. An embedded store written by the first
   * development layout (integer record ids) is moved aside whole, never changed, and a new one
   * is started beside it.
   */
  static async open(url: string): Promise<AuditStore> {
    await moveAsideLegacyEmbeddedStore(url);
    const database = openDatabase<AuditDatabase>(url);
    try {
      await migrateToLatest(database.db, migrations);
    } catch (error) {
      await database.close();
      throw error;
    }
    return new AuditStore(database);
  }

  /** Appends one record and its object index in one transaction; throws if it cannot be written. */
  async append(record: AuditRecord): Promise<void> {
    const id = randomUUID();
    await this.database.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('audit_record')
        .values({
          id,
          recorded_at: record.recordedAt,
          user_id: record.userId,
          roles: JSON.stringify(record.roles),
          operation_name: record.operationName,
          client_name: record.clientName,
          request_id: record.requestId,
          objects: JSON.stringify(record.objects),
        })
        .execute();
      const index = record.objects.map((object) => ({ record_id: id, object_type: object.type, object_id: object.id }));
      // Chunked below SQL Server's 2,100-parameter limit.
      for (let start = 0; start < index.length; start += 600) await trx.insertInto('audit_object').values(index.slice(start, start + 600)).execute();
    });
  }

  /** Lists the records of a user or an object within a period, oldest first. */
  async list(query: AuditQuery): Promise<AuditRecord[]> {
    let select = this.database.db.selectFrom('audit_record').selectAll('audit_record').where('recorded_at', '>=', query.from).where('recorded_at', '<=', query.to);
    if (query.userId) select = select.where('user_id', '=', query.userId);
    if (query.object) {
      const { type, id } = query.object;
      select = select.where('id', 'in', (eb) => eb.selectFrom('audit_object').select('record_id').where('object_type', '=', type).where('object_id', '=', id));
    }
    const rows = await select.orderBy('recorded_at').execute();
    return rows.map((row) => ({
      recordedAt: row.recorded_at,
      userId: row.user_id,
      roles: JSON.parse(row.roles) as RoleGrant[],
      operationName: row.operation_name,
      clientName: row.client_name,
      requestId: row.request_id,
      objects: JSON.parse(row.objects) as AuditedObject[],
    }));
  }

  async close(): Promise<void> {
    await this.database.close();
  }
}

async function moveAsideLegacyEmbeddedStore(url: string): Promise<void> {
  if (!url.startsWith('sqlite:')) return;
  const file = url.slice('sqlite:'.length);
  if (!fs.existsSync(file)) return;

  const database = openDatabase<AuditDatabase>(url);
  let legacy = false;
  try {
    const column = await sql<{ type: string }>`select type from pragma_table_info('audit_record') where name = 'id'`.execute(database.db);
    legacy = column.rows[0]?.type.toUpperCase() === 'INTEGER';
  } finally {
    await database.close();
  }
  if (!legacy) return;

  const aside = `${file}.legacy-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(`${file}${suffix}`)) fs.renameSync(`${file}${suffix}`, `${aside}${suffix}`);
  }
  process.emitWarning(`Audit store ${file} had the first development layout; moved to ${aside} and started anew.`);
}
