import Database from 'better-sqlite3';
import type { RecordedEvent } from '../eventStore';
import { EVENT_COLUMNS, tupleToRecordedEvent, type EventTuple } from './eventRows';

/**
 * A read-only view of an embedded store's global log, on a connection of its own: for
 * work that reads the log beside the process that writes it (a projection loaded in
 * a worker thread). It can skip event types in SQL, before anything is decoded.
 */
export class SqliteLogReader {
  private readonly db: Database.Database;
  private readonly page: Database.Statement<[number, number, string, number], EventTuple>;

  constructor(file: string) {
    this.db = new Database(file, { readonly: true, fileMustExist: true });
    this.db.pragma('busy_timeout = 5000');
    this.page = this.db
      .prepare(
        `SELECT ${EVENT_COLUMNS} FROM events e JOIN streams s ON s.id = e.stream
         WHERE e.position > ? AND e.position <= ? AND e.type IN (SELECT value FROM json_each(?))
         ORDER BY e.position LIMIT ?`,
      )
      .raw() as unknown as Database.Statement<[number, number, string, number], EventTuple>;
  }

  /** Up to `maxCount` events of these types after `after` and at or before `until`, in log order. */
  read(after: bigint, until: bigint, types: readonly string[], maxCount: number): RecordedEvent[] {
    return this.page.all(Number(after), Number(until), JSON.stringify(types), maxCount).map(tupleToRecordedEvent);
  }

  close(): void {
    this.db.close();
  }
}
