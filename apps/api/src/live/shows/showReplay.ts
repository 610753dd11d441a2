import type { EventStore, RecordedEvent } from '@app/event-store';
import type { SeatsHeld } from '@app/domain';
import { isShowInventoryEvent } from './showEvents';
import { SeatTracker } from './seatTracker';
import { seatUpdates, type SeatSegment, type SeatUpdate } from './seatUpdates';

/** How far back a shard stream is read to find the seats of a hold nobody remembers. */
const MAX_HOLD_SEARCH = 20_000;
const HOLD_SEARCH_PAGE = 500;

/**
 * Turns a stretch of the log into the seat messages a resuming client missed. A
 * release or expiry names only its hold; its seats come, in this order, from the
 * hold's `SeatsHeld` earlier in the replay, from the live tracker (holds still active,
 * or ended recently together with the position they ended at), and last from the
 * shard's own stream, read backwards from the event.
 */
export class ShowReplay {
  private readonly local = new SeatTracker(Number.MAX_SAFE_INTEGER);

  constructor(
    private readonly store: EventStore,
    private readonly showId: string,
    private readonly live: SeatTracker,
    private readonly maxChanges: number,
  ) {}

  async updates(page: readonly RecordedEvent[]): Promise<SeatUpdate[]> {
    const segments: SeatSegment[] = [];
    for (const event of page) {
      if (!isShowInventoryEvent(event, this.showId)) continue;
      if (event.type === 'HoldReleased' || event.type === 'HoldExpired') await this.learnHold(event);
      const changes = this.local.apply(event);
      if (changes.length > 0) segments.push({ position: event.position, changes });
    }
    return seatUpdates(segments, this.maxChanges);
  }

  private async learnHold(event: RecordedEvent): Promise<void> {
    const holdId = (event.data as { holdId: string }).holdId;
    if (this.local.knows(holdId)) return;
    const known = this.live.lookup(holdId);
    if (known?.status === 'active' || (known?.status === 'ended' && known.endedAt >= event.position)) {
      this.local.seed(holdId, known.seatIds, this.showId);
      return;
    }
    if (known?.status === 'ended') {
      // Its first release or expiry came before this one, at or before where the client was.
      this.local.markEnded(holdId, known.endedAt);
      return;
    }
    const found = await this.searchShard(event, holdId);
    if (found === 'ended') this.local.markEnded(holdId, event.position);
    else if (found) this.local.seed(holdId, found, this.showId);
  }

  /** The hold's seats in this event's shard, or 'ended' when the shard ended it before. */
  private async searchShard(event: RecordedEvent, holdId: string): Promise<string[] | 'ended' | undefined> {
    let revision = event.streamRevision - 1n;
    let read = 0;
    while (revision >= 0n && read < MAX_HOLD_SEARCH) {
      const page = await this.store.readStream(event.streamId, { fromRevision: revision, direction: 'backwards', maxCount: HOLD_SEARCH_PAGE });
      if (page.length === 0) return undefined;
      for (const earlier of page) {
        if ((earlier.data as { holdId?: string }).holdId !== holdId) continue;
        return earlier.type === 'SeatsHeld' ? ((earlier.data as SeatsHeld['data']).seatIds ?? []) : 'ended';
      }
      read += page.length;
      revision = page[page.length - 1].streamRevision - 1n;
    }
    return undefined;
  }
}
