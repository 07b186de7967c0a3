import fs from 'node:fs';
import SqliteDatabase from 'better-sqlite3';
import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type QueryCompiler, type QueryResult } from 'kysely';
import { DatabaseUnavailableError, isDatabaseUnavailable } from './database-unavailable.ts';

/**
 * Kysely's SQLite dialect over a file that may go away and come back: when the file at the path
 * is no longer the one opened (removed, moved, replaced by a restore) or a statement failed
 * because the database was unavailable, the next statement closes the handle and opens the file
 * anew. While the file is missing every statement fails with DatabaseUnavailableError, and the
 * first one after it returns succeeds, without a restart. A pool of a server database gets the
 * same effect by replacing broken connections.
 */
export class ReopeningSqliteDialect extends SqliteDialect {
  readonly #file: string;

  constructor(file: string) {
    // The parent's database option is never used, because createDriver is replaced.
    super({ database: () => Promise.reject(new Error('unused')) });
    this.#file = file;
  }

  override createDriver(): Driver {
    return new ReopeningSqliteDriver(this.#file);
  }
}

class ReopeningSqliteDriver implements Driver {
  readonly #file: string;
  #inner: SqliteDriver | null = null;
  /** Device and inode of the file the open handle belongs to. */
  #openedFile: string | null = null;
  #broken = false;
  /** Settles when the current holder of the connection releases it. */
  #lock: Promise<void> = Promise.resolve();
  /** Releases the connection of the current holder, set once that holder has acquired it. */
  #unlock: () => void = () => {};

  constructor(file: string) {
    this.#file = file;
  }

  async init(): Promise<void> {
    // The first open may create the file; later ones must find it, so a missing file is reported
    // instead of replaced by an empty database.
    await this.#open(false);
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    // SQLite has one connection, so statements take turns; the handle is only swapped in between.
    const previous = this.#lock;
    let release!: () => void;
    this.#lock = new Promise((resolve) => (release = resolve));
    await previous;
    this.#unlock = release;
    try {
      if (this.#inner && (this.#broken || this.#fileIdentity() !== this.#openedFile)) await this.#close();
      if (!this.#inner) await this.#open(true);
      const inner = this.#inner!;
      return new WatchedConnection(await inner.acquireConnection(), inner, () => (this.#broken = true));
    } catch (error) {
      this.#unlock();
      throw error;
    }
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const watched = connection as WatchedConnection;
    try {
      await (watched.driver as Driver).releaseConnection(watched.inner);
    } finally {
      this.#unlock();
    }
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async savepoint(connection: DatabaseConnection, name: string, compileQuery: QueryCompiler['compileQuery']): Promise<void> {
    const watched = connection as WatchedConnection;
    await watched.driver.savepoint(watched.inner, name, compileQuery);
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string, compileQuery: QueryCompiler['compileQuery']): Promise<void> {
    const watched = connection as WatchedConnection;
    await watched.driver.rollbackToSavepoint(watched.inner, name, compileQuery);
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string, compileQuery: QueryCompiler['compileQuery']): Promise<void> {
    const watched = connection as WatchedConnection;
    await watched.driver.releaseSavepoint(watched.inner, name, compileQuery);
  }

  async destroy(): Promise<void> {
    await this.#close();
  }

  async #open(fileMustExist: boolean): Promise<void> {
    let sqlite: SqliteDatabase.Database;
    try {
      sqlite = new SqliteDatabase(this.#file, { fileMustExist });
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('synchronous = NORMAL');
      sqlite.pragma('foreign_keys = ON');
    } catch (error) {
      throw new DatabaseUnavailableError(`SQLite database ${this.#file} could not be opened: ${(error as Error).message}`, { cause: error });
    }
    const driver = new SqliteDriver({ database: sqlite });
    await driver.init();
    this.#inner = driver;
    this.#openedFile = this.#fileIdentity();
    this.#broken = false;
  }

  async #close(): Promise<void> {
    const inner = this.#inner;
    this.#inner = null;
    this.#openedFile = null;
    try {
      await inner?.destroy();
    } catch {
      // A handle on a file that went away may fail to close; it is dropped either way.
    }
  }

  #fileIdentity(): string | null {
    if (this.#file === ':memory:') return ':memory:';
    const stats = fs.statSync(this.#file, { throwIfNoEntry: false });
    return stats ? `${stats.dev}:${stats.ino}` : null;
  }
}

/** A connection of the current handle that marks the handle broken when the database fails under it. */
class WatchedConnection implements DatabaseConnection {
  constructor(
    readonly inner: DatabaseConnection,
    readonly driver: SqliteDriver,
    private readonly markBroken: () => void,
  ) {}

  async executeQuery<Row>(compiledQuery: CompiledQuery): Promise<QueryResult<Row>> {
    try {
      return await this.inner.executeQuery<Row>(compiledQuery);
    } catch (error) {
      if (isDatabaseUnavailable(error)) this.markBroken();
      throw error;
    }
  }

  async *streamQuery<Row>(compiledQuery: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<Row>> {
    try {
      yield* this.inner.streamQuery<Row>(compiledQuery, chunkSize);
    } catch (error) {
      if (isDatabaseUnavailable(error)) this.markBroken();
      throw error;
    }
  }
}
