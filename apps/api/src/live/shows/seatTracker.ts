import type { RecordedEvent } from '@app/event-store';
import { HeldSeats, seatChanges } from '@app/read-models';

export type LiveSeatStatus = 'held' | 'available' | 'sold';

export interface SeatChange {
  seatId: string;
  status: LiveSeatStatus;
}

export type HoldLookup =
  | { status: 'active'; seatIds: string[] }
  /** `seatIds` are the seats the end made available (none when the hold was sold). */
  | { status: 'ended'; seatIds: string[]; endedAt: bigint };

/** Ended holds remembered at most, so that a resume can still name the seats a release freed. */
const DEFAULT_MAX_ENDED = 50_000;

/**
 * Which seats each seated hold still holds, so that a release or an expiry, whose
 * event names only the hold, can be turned into seat changes. The changes come from
 * `seatChanges`, the fold the `seat_status` read model is written with, so the feed
 * says what the read model holds: the first release or expiry of a hold frees every
 * seat the hold still has (in every shard), a sale marks its tickets' seats sold, a
 * hold takes its seats from any hold that had them. General admission holds have no
 * seats and are not tracked. Ended holds are remembered, with where they ended, for resumes.
 */
export class SeatTracker {
  private readonly held = new HeldSeats();
  /** Least recently ended last; trimmed from the front. */
  private readonly ended = new Map<string, { seatIds: string[]; endedAt: bigint }>();

  constructor(private readonly maxEnded = DEFAULT_MAX_ENDED) {}

  /** A hold known to hold these seats of the show (from the read model at start, or looked up for a resume). */
  seed(holdId: string, seatIds: readonly string[], showId = ''): void {
    this.held.track(holdId);
    for (const seatId of seatIds) this.held.apply({ showId, seatId, status: 'held', holdId });
  }

  /** A hold known to have ended before `at` (its seats were freed or sold already). */
  markEnded(holdId: string, at: bigint): void {
    this.held.drop(holdId);
    this.remember(holdId, [], at);
  }

  knows(holdId: string): boolean {
    return this.held.has(holdId) || this.ended.has(holdId);
  }

  lookup(holdId: string): HoldLookup | undefined {
    if (this.held.has(holdId)) return { status: 'active', seatIds: this.held.of(holdId).map((seat) => seat.seatId) };
    const ended = this.ended.get(holdId);
    return ended ? { status: 'ended', ...ended } : undefined;
  }

  get activeHolds(): number {
    return this.held.holdCount;
  }

  /** The seat changes an inventory event makes; none for general admission and for holds already over. */
  apply(event: RecordedEvent): SeatChange[] {
    const holdId = (event.data as { holdId?: string }).holdId ?? '';
    const had = this.held.has(holdId);
    const changes = seatChanges(event, (id) => this.held.of(id));
    for (const change of changes) this.held.apply(change);
    if (had && (event.type === 'HoldReleased' || event.type === 'HoldExpired')) {
      this.held.drop(holdId);
      this.remember(holdId, changes.map((change) => change.seatId), event.position);
    } else if (had && event.type === 'TicketsSold' && this.held.of(holdId).length === 0) {
      this.held.drop(holdId);
      this.remember(holdId, [], event.position);
    }
    return changes.map(({ seatId, status }) => ({ seatId, status }));
  }

  private remember(holdId: string, seatIds: string[], endedAt: bigint): void {
    this.ended.delete(holdId);
    this.ended.set(holdId, { seatIds, endedAt });
    if (this.ended.size > this.maxEnded) this.ended.delete(this.ended.keys().next().value!);
  }
}
