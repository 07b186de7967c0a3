import type { RootOperationNode } from 'kysely';

/** One SQL statement a subgraph sent to its database. */
export interface StatementRecord {
  sql: string;
  parameters: readonly unknown[];
  durationMs: number;
  /** Kysely's operation tree, so the statement can be compiled again for another dialect. */
  node?: RootOperationNode;
  /** True when the database rejected the statement or could not run it. */
  failed?: boolean;
}

/**
 * Counts every statement of one database and, while recording, keeps them, so a test can assert
 * "this query took three statements" and the benchmark can report statements per request.
 */
export class StatementLog {
  total = 0;
  /** Sum of the statements' durations in milliseconds, as Kysely measured them. */
  totalDurationMs = 0;
  private recorded: StatementRecord[] | null = null;
  private readonly listeners: ((record: StatementRecord) => void)[] = [];

  /** Adds a statement; called by the database's Kysely log hook. */
  add(record: StatementRecord): void {
    this.total += 1;
    this.totalDurationMs += record.durationMs;
    this.recorded?.push(record);
    for (const listener of this.listeners) listener(record);
  }

  /** Calls `listener` with every statement from now on, for metrics. */
  subscribe(listener: (record: StatementRecord) => void): void {
    this.listeners.push(listener);
  }

  /** Starts keeping statements from now on, dropping any kept before. */
  startRecording(): void {
    this.recorded = [];
  }

  /** Stops keeping statements and returns those kept since `startRecording`. */
  stopRecording(): StatementRecord[] {
    const records = this.recorded ?? [];
    this.recorded = null;
    return records;
  }
}
