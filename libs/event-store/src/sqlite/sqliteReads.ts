import type Database from 'better-sqlite3';
import type { ReadStreamOptions, RecordedEvent } from '../eventStore';
import { EVENT_COLUMNS, tupleToRecordedEvent, type EventTuple } from './eventRows';

type Range = Database.Statement<[number, number, number], EventTuple>;

/** The embedded store's queries of the log: a stream's events, a span of positions, the head. */
export class SqliteReads {
  private readonly getStream: Database.Statement<[string]>;
  private readonly forwards: Range;
  private readonly backwards: Range;
  private readonly span: Range;
  private readonly head: Database.Statement<[], { head: number | null }>;

  constructor(private readonly db: Database.Database) {
    this.getStream = db.prepare<[string]>('SELECT id FROM streams WHERE name = ?').pluck();
    // Rows as arrays: a replay of the whole log decodes a third faster than with one object per row.
    this.forwards = this.events('e.stream = ? AND e.revision >= ? ORDER BY e.revision LIMIT ?');
    this.backwards = this.events('e.stream = ? AND e.revision <= ? ORDER BY e.revision DESC LIMIT ?');
    this.span = this.events('e.position > ? AND e.position <= ? ORDER BY e.position LIMIT ?');
    this.head = db.prepare('SELECT MAX(position) AS head FROM events');
  }

  stream(streamId: string, options: ReadStreamOptions): RecordedEvent[] {
    const key = this.getStream.get(streamId) as number | undefined;
    if (key === undefined) return [];
    const direction = options.direction ?? 'forwards';
    const limit = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    const from = options.fromRevision ?? (direction === 'forwards' ? 'start' : 'end');
    const end = Number.MAX_SAFE_INTEGER;
    const rows =
      direction === 'forwards'
        ? this.forwards.all(key, from === 'start' ? 0 : from === 'end' ? end : Number(from), limit)
        : this.backwards.all(key, from === 'end' ? end : from === 'start' ? -1 : Number(from), limit);
    return rows.map(tupleToRecordedEvent);
  }

  /** Events with positions in (after, until], at most `maxCount`. */
  log(after: number, until: number, maxCount: number): RecordedEvent[] {
    return this.span.all(after, until, maxCount).map(tupleToRecordedEvent);
  }

  /** The highest position in the file, 0 for an empty log. */
  headPosition(): number {
    return this.head.get()?.head ?? 0;
  }

  private events(where: string): Range {
    return this.db.prepare(`SELECT ${EVENT_COLUMNS} FROM events e JOIN streams s ON s.id = e.stream WHERE ${where}`).raw() as unknown as Range;
  }
}
