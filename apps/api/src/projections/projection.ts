import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@app/event-store';

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
  /** Creates its tables if missing. */
  setup(db: Database.Database): void;
  /** Deletes all its rows (a rebuild from position 0 follows). */
  reset(db: Database.Database): void;
  apply(db: Database.Database, event: RecordedEvent): void;
}
