import type { RecordedEvent } from '@app/event-store';

const INVENTORY_EVENTS = new Set(['SeatsHeld', 'HoldReleased', 'HoldExpired', 'TicketsSold']);

/**
 * A counter per show that moves whenever the read models apply one of its inventory
 * events: answers cached under a version are exact until it moves. Fed with each
 * batch right after the batch is committed, before any query can see it.
 */
export class ShowVersions {
  private readonly versions = new Map<string, number>();
  /** Moves for every show at once: an event without its show in the metadata. */
  private everything = 0;

  of(showId: string): number {
    return (this.versions.get(showId) ?? 0) + this.everything;
  }

  applied(events: readonly RecordedEvent[]): void {
    for (const event of events) {
      if (!INVENTORY_EVENTS.has(event.type)) continue;
      const showId = (event.metadata as { showId?: unknown } | undefined)?.showId;
      if (typeof showId === 'string') this.versions.set(showId, (this.versions.get(showId) ?? 0) + 1);
      else this.everything++;
    }
  }
}
