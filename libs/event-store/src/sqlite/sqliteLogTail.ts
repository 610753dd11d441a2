import type { RecordedEvent } from '../eventStore';
import { tupleToRecordedEvent, type EventTuple } from './eventRows';

/** Events this process wrote last, kept in memory for subscribers reading at the head of the log. */
const TAIL_EVENTS = 4_096;

/**
 * The rows of our latest commits, consecutive in position: no other event lies between
 * the first and the last, and, as far as this process has seen, none after it. A
 * subscriber at the head reads them from here instead of querying the file, and parks
 * until the next commit wakes it — or until the head poll sees another process move
 * the head, which drops the tail first (what follows it is then only in the file).
 */
export class SqliteLogTail {
  private rows: EventTuple[] = [];
  private readonly waiters = new Set<() => void>();
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly readHead: () => number,
    private readonly foreignWritePollMs: number,
    /** The highest position this process has seen, written by it or by another. */
    private seenHead: number,
  ) {}

  /** Adds a commit's rows; a gap before them (another process wrote) starts the tail afresh. */
  keep(rows: EventTuple[]): void {
    if (rows.length === 0) return;
    let tail = this.rows;
    for (const row of rows) {
      if (tail.length > 0 && row[0] !== tail[tail.length - 1][0] + 1) tail = [];
      tail.push(row);
    }
    if (tail.length > TAIL_EVENTS) tail = tail.slice(tail.length - TAIL_EVENTS / 2);
    this.rows = tail;
    const last = tail[tail.length - 1][0];
    if (last > this.seenHead) this.seenHead = last;
  }

  /** The events after `after` up to `until`, from memory; undefined when the tail does not reach back that far. */
  read(after: number, until: number, maxCount: number): RecordedEvent[] | undefined {
    const tail = this.rows;
    if (tail.length === 0 || after < tail[0][0] - 1) return undefined;
    const events: RecordedEvent[] = [];
    for (let i = after - tail[0][0] + 1; i < tail.length && events.length < maxCount && tail[i][0] <= until; i++) {
      events.push(tupleToRecordedEvent(tail[i]));
    }
    return events;
  }

  /** A subscriber that has read everything waits here; the returned function cancels the wait. */
  waitForAppend(wake: () => void): () => void {
    this.waiters.add(wake);
    this.ensureForeignWritePoll();
    return () => this.waiters.delete(wake);
  }

  wakeSubscribers(): void {
    if (this.waiters.size === 0) return;
    const waiters = [...this.waiters];
    this.waiters.clear();
    for (const wake of waiters) wake();
  }

  close(): void {
    this.closed = true;
    clearInterval(this.timer);
  }

  private ensureForeignWritePoll(): void {
    if (this.timer || this.foreignWritePollMs <= 0) return;
    this.timer = setInterval(() => {
      if (this.closed || this.waiters.size === 0) return;
      const head = this.readHead();
      if (head === this.seenHead) return;
      // Another process wrote: what follows our tail is only in the file.
      this.seenHead = head;
      this.rows = [];
      this.wakeSubscribers();
    }, this.foreignWritePollMs);
    this.timer.unref();
  }
}
