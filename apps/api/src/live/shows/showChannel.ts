import { Logger } from '@nestjs/common';
import type { LiveLimits } from '../liveLimits';
import { sseMessageFromJson } from '../sse/sseMessage';
import type { SeatUpdate } from './seatUpdates';
import type { ShowSubscriber } from './showSubscriber';

/**
 * The clients of one show. Seat updates fan out as they come; availability counts
 * are read from the read model at most once per `availabilityIntervalMs`, however
 * many batches touched the show meanwhile, and go to every client that is live.
 */
export class ShowChannel {
  readonly subscribers = new Set<ShowSubscriber>();
  private dirty = false;
  private timer: NodeJS.Timeout | undefined;
  private reading = false;
  private lastSentAt = 0;
  private closed = false;

  constructor(
    readonly showId: string,
    private readonly readAvailability: () => Promise<unknown>,
    private readonly limits: LiveLimits,
  ) {}

  publish(update: SeatUpdate): void {
    for (const subscriber of this.subscribers) subscriber.deliver(update);
  }

  /** The show's counts changed (or a client needs fresh ones): push them soon. */
  availabilityChanged(): void {
    this.dirty = true;
    this.schedule();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    if (this.closed || this.timer || this.reading || !this.dirty) return;
    const wait = Math.max(0, this.lastSentAt + this.limits.availabilityIntervalMs - Date.now());
    this.timer = setTimeout(() => void this.pushAvailability(), wait);
    this.timer.unref();
  }

  private async pushAvailability(): Promise<void> {
    this.timer = undefined;
    // Cleared before the read: a batch applied during the read marks it again.
    this.dirty = false;
    this.reading = true;
    try {
      const json = JSON.stringify(await this.readAvailability());
      // The id is each client's own position: resuming from it misses nothing.
      const byCursor = new Map<bigint, string>();
      for (const subscriber of this.subscribers) {
        if (subscriber.replaying) continue;
        let text = byCursor.get(subscriber.cursor);
        if (!text) byCursor.set(subscriber.cursor, (text = sseMessageFromJson('availability', json, subscriber.cursor)));
        subscriber.connection.send(text);
      }
    } catch (error) {
      new Logger('LiveUpdates').warn(`availability of ${this.showId} could not be read: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.reading = false;
      this.lastSentAt = Date.now();
      this.schedule();
    }
  }
}
