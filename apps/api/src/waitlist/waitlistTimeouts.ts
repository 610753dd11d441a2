import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { DeadlineTimer } from '../inventory/expiry/deadlineTimer';
import { WaitlistEndings } from './waitlistEndings';

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
  private readonly timer = new DeadlineTimer<Timeout>(
    (timeout) => timeout.waitsUntil,
    (timeout) => this.expire(timeout),
  );
  private started = false;

  constructor(private readonly endings: WaitlistEndings) {}

  start(): void {
    this.started = true;
    this.timer.start();
  }

  onApplicationShutdown(): void {
    this.started = false;
    this.timer.stop();
  }

  /** Waiting entries with a timer (for tests and health). */
  get pending(): number {
    return this.timer.size;
  }

  track(timeout: Timeout): void {
    if (!this.timer.has(timeout.entryId)) this.timer.set(timeout.entryId, timeout);
  }

  /** The entry left the line another way. */
  forget(entryId: string): void {
    this.timer.delete(entryId);
  }

  private async expire(entry: Timeout): Promise<void> {
    if (!this.started) return;
    try {
      await this.endings.end(entry.showId, entry.entryId, entry.customerId, 'expired');
      this.timer.delete(entry.entryId);
    } catch (error) {
      // The store may be down: the entry stays tracked and is tried again shortly.
      this.logger.warn(`ending waiting-line entry ${entry.entryId} failed, retrying: ${String(error)}`);
      entry.waitsUntil = Date.now() + RETRY_MS;
      this.timer.retryAt(entry.entryId, entry.waitsUntil);
    }
  }
}
