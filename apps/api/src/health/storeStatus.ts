import { Inject, Injectable } from '@nestjs/common';
import type { EventStore, LogPosition, StoreUnavailableError } from '@app/event-store';
import { EVENT_STORE } from '../infrastructure/tokens';

export interface WriteTrouble {
  since: string;
  lastAt: string;
  message: string;
  failures: number;
}

/**
 * Remembers that writes are failing for lack of the store (disk full, file unwritable,
 * cluster unreachable), as the error filter sees them, and forgets it as soon as a write
 * succeeds again: a write answered 2xx, or the log's head moved past where it stood (an
 * append from elsewhere, e.g. the expiry worker). Recovery needs no restart and no operator.
 */
@Injectable()
export class StoreStatus {
  private trouble: (WriteTrouble & { head: LogPosition | undefined }) | undefined;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  noteFailure(error: StoreUnavailableError): void {
    const now = new Date().toISOString();
    // The store's own message names the cause (e.g. "disk I/O error", "database or disk is full").
    const message = error.message.slice(0, 300);
    if (this.trouble) {
      this.trouble = { ...this.trouble, lastAt: now, message, failures: this.trouble.failures + 1 };
      return;
    }
    const trouble = { since: now, lastAt: now, message, failures: 1, head: undefined as LogPosition | undefined };
    this.trouble = trouble;
    this.store.headPosition().then(
      (head) => (trouble.head = head),
      () => undefined,
    );
  }

  /** A write request was answered 2xx: its appends went through. */
  writeSucceeded(): void {
    this.trouble = undefined;
  }

  /** Undefined while writes go through. */
  async writeTrouble(): Promise<WriteTrouble | undefined> {
    const trouble = this.trouble;
    if (!trouble) return undefined;
    const head = await this.store.headPosition().catch(() => trouble.head);
    if (trouble.head !== undefined && head !== trouble.head) {
      if (this.trouble === trouble) this.trouble = undefined;
      return undefined;
    }
    const { since, lastAt, message, failures } = trouble;
    return { since, lastAt, message, failures };
  }
}
