import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { TimerHeap } from '../inventory/expiry/timerHeap';
import { WaitlistService } from './waitlistService';

interface Timeout {
  showId: string;
  entryId: string;
  customerId: string;
  waitsUntil: number;
}

const RETRY_MS = 2_000;

/**
 * Ends waiting entries that ran out of time, one timer for the earliest, like the
 * hold-expiry worker. Entries are tracked by the waiting-line process manager, which
 * learns of them from the log and, after a restart, from the lines themselves.
 */
@Injectable()
export class WaitlistTimeouts implements OnApplicationShutdown {
  private readonly logger = new Logger('WaitlistTimeouts');
  private readonly entries = new Map<string, Timeout>();
  private readonly heap = new TimerHeap();
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Infinity;
  private firing = false;
  private started = false;

  constructor(private readonly service: WaitlistService) {}

  start(): void {
    this.started = true;
    this.arm();
  }

  onApplicationShutdown(): void {
    this.started = false;
    clearTimeout(this.timer);
  }

  /** Waiting entries with a timer (for tests and health). */
  get pending(): number {
    return this.entries.size;
  }

  track(timeout: Timeout): void {
    if (this.entries.has(timeout.entryId)) return;
    this.entries.set(timeout.entryId, timeout);
    this.heap.push(timeout.waitsUntil, timeout.entryId);
    this.arm();
  }

  /** The entry left the line another way; its heap item is skipped when it comes up. */
  forget(entryId: string): void {
    this.entries.delete(entryId);
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
      const due: Timeout[] = [];
      while (this.heap.peek() && this.heap.peek()!.at <= now) {
        const { key, at } = this.heap.pop()!;
        const entry = this.entries.get(key);
        // Stale heap items: the entry is gone, or waits for a retry at another time.
        if (entry && entry.waitsUntil <= at) due.push(entry);
      }
      await Promise.all(due.map((entry) => this.expire(entry)));
    } finally {
      this.firing = false;
      this.arm();
    }
  }

  private async expire(entry: Timeout): Promise<void> {
    if (!this.started) return;
    try {
      await this.service.end(entry.showId, entry.entryId, entry.customerId, 'expired');
      this.entries.delete(entry.entryId);
    } catch (error) {
      // The store may be down: the entry stays tracked and is tried again shortly.
      this.logger.warn(`ending waiting-line entry ${entry.entryId} failed, retrying: ${String(error)}`);
      entry.waitsUntil = Date.now() + RETRY_MS;
      this.heap.push(entry.waitsUntil, entry.entryId);
    }
  }
}
