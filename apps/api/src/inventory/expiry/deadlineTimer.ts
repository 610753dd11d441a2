import { TimerHeap } from './timerHeap';

/** Below this many queued items the heap is never compacted: stale items cost little. */
const COMPACT_FLOOR = 4_096;

/**
 * Entries that each fall due at a time, with one timer for the earliest: the hold
 * expiry worker's and the waiting line's timeouts. When the timer fires, every entry
 * due by then is handed to `onDue` once; the owner then `delete`s what it settled, or
 * `retryAt` a later time. An entry whose due time moved later is skipped until then.
 *
 * Settling an entry leaves its heap items behind, to be skipped when they come up:
 * finding them would cost a search per settle. Most holds are bought within seconds
 * of a ten-minute expiry, so under an on-sale those items piled up at the hold rate
 * (two per hold). Once the entries settled since the last compaction number a quarter
 * of the heap's items, the items of settled entries are dropped in one pass: linear
 * work, spread over at least a quarter as many settles.
 */
export class DeadlineTimer<T> {
  private readonly entries = new Map<string, T>();
  private readonly heap = new TimerHeap();
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Infinity;
  private firing = false;
  private started = false;
  private settledSinceCompaction = 0;

  constructor(
    private readonly dueAt: (entry: T) => number,
    private readonly onDue: (entry: T) => Promise<void>,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** Heap items queued, stale ones included (for tests and diagnostics). */
  get queued(): number {
    return this.heap.size;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  get(key: string): T | undefined {
    return this.entries.get(key);
  }

  /** Tracks (or replaces) an entry, due at `dueAt(entry)`. */
  set(key: string, entry: T): void {
    this.entries.set(key, entry);
    this.retryAt(key, this.dueAt(entry));
  }

  /** The entry's due time changed: it comes up at its new `dueAt`. */
  reschedule(key: string): void {
    const entry = this.entries.get(key);
    if (entry) this.retryAt(key, this.dueAt(entry));
  }

  /** Look at the entry again at `at` (after a failure); it is handed over then if it is due by that time. */
  retryAt(key: string, at: number): void {
    this.heap.push(at, key);
    this.arm();
  }

  /** The entry is settled; its heap items are skipped when they come up, or dropped by a compaction before then. */
  delete(key: string): void {
    if (!this.entries.delete(key)) return;
    this.settledSinceCompaction++;
    if (this.heap.size > COMPACT_FLOOR && 4 * this.settledSinceCompaction >= this.heap.size) {
      this.heap.retain((queuedKey) => this.entries.has(queuedKey));
      this.settledSinceCompaction = 0;
    }
  }

  start(): void {
    this.started = true;
    this.arm();
  }

  stop(): void {
    this.started = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Infinity;
  }

  private arm(): void {
    const next = this.heap.peek();
    if (!next || !this.started || this.firing) return;
    if (next.at >= this.timerAt && this.timer) return;
    clearTimeout(this.timer);
    this.timerAt = next.at;
    this.timer = setTimeout(() => void this.fire(), Math.max(0, next.at - Date.now()));
    this.timer.unref();
  }

  private async fire(): Promise<void> {
    this.timer = undefined;
    this.timerAt = Infinity;
    this.firing = true;
    try {
      const now = Date.now();
      const due = new Map<string, T>();
      while (this.heap.peek() && this.heap.peek()!.at <= now) {
        const { key } = this.heap.pop()!;
        const entry = this.entries.get(key);
        // A stale heap item: the entry was settled, or its due time moved later.
        if (entry && this.dueAt(entry) <= now) due.set(key, entry);
      }
      await Promise.all([...due.values()].map((entry) => this.onDue(entry)));
    } finally {
      this.firing = false;
      this.arm();
    }
  }
}
