import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@app/event-store';
import type { TableNames } from './tableNames';

export interface SetupOptions {
  bulk?: boolean;
}

/**
 * A read model fed from the global log. `apply` runs inside the runner's
 * transaction, which also moves the projection's checkpoint: a crash never applies
 * an event twice or skips one.
 */
export interface Projection {
  /** Stable name, used in the checkpoint table and the admin API. */
  readonly name: string;
  /** Bump when the tables or the meaning of the rows change: the runner rebuilds from 0. */
  readonly version: number;
  /** The event types it reads; others are skipped without a call. */
  readonly eventTypes: readonly string[];
  /**
   * Every table it writes, by its live name: a rebuild swaps all of them in one
   * transaction. A projection without `tables` and `withTables` cannot be rebuilt
   * beside its live copy (only reset by a version bump).
   */
  readonly tables?: readonly string[];
  /**
   * Creates its tables if missing. With `bulk` (a rebuild's copies, about to be
   * loaded with the whole log) only the indexes `apply` itself needs; the rebuild
   * calls `setup(db)` again after loading, so the others are built once, sorted,
   * instead of row by row.
   */
  setup(db: Database.Database, options?: SetupOptions): void;
  /** Deletes all its rows (a rebuild from position 0 follows). */
  reset(db: Database.Database): void;
  apply(db: Database.Database, event: RecordedEvent): void;
  /**
   * The same projection writing to other tables (a rebuild's copies). Each instance
   * prepares its own statements, so the live one's keep naming the live tables.
   */
  withTables?(names: TableNames): Projection;
  /**
   * For a rebuild's copy: a loader that folds the log in memory instead of running
   * `apply`'s statements event by event, then writes the resulting rows in bulk.
   * Whatever it writes must equal what `apply` would have left after the same events;
   * `apply` takes over from there.
   */
  bulkLoader?(db: Database.Database): BulkLoader;
}

/** Folds a projection's events in memory during a rebuild; see `Projection.bulkLoader`. */
export interface BulkLoader {
  /** One event of the projection's types, in log order. No SQL. */
  add(event: RecordedEvent): void;
  /** After each page, inside its transaction: rows that can no longer change may be written now. */
  endPage?(): void;
  /** Writes every row still held in memory into the (so far untouched by `apply`) tables. */
  finish(): void;
}
