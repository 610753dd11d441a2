import type { RecordedEvent } from '@app/event-store';
import type { HoldExpired, HoldReleased, SeatsHeld, TicketsSold } from '@app/domain';

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
 * event names only the hold, can be turned into seat changes. It mirrors the
 * `seat_status` read model: the first release or expiry of a hold frees every seat
 * the hold still has (in every shard), a sale marks its tickets' seats sold. General
 * admission holds have no seats and are not tracked.
 */
export class SeatTracker {
  private readonly active = new Map<string, Set<string>>();
  /** Least recently ended last; trimmed from the front. */
  private readonly ended = new Map<string, { seatIds: string[]; endedAt: bigint }>();

  constructor(private readonly maxEnded = DEFAULT_MAX_ENDED) {}

  /** A hold known to hold these seats (from the read model at start, or looked up for a resume). */
  seed(holdId: string, seatIds: readonly string[]): void {
    let seats = this.active.get(holdId);
    if (!seats) this.active.set(holdId, (seats = new Set()));
    for (const seatId of seatIds) seats.add(seatId);
  }

  /** A hold known to have ended before `at` (its seats were freed or sold already). */
  markEnded(holdId: string, at: bigint): void {
    this.active.delete(holdId);
    this.remember(holdId, [], at);
  }

  knows(holdId: string): boolean {
    return this.active.has(holdId) || this.ended.has(holdId);
  }

  lookup(holdId: string): HoldLookup | undefined {
    const seats = this.active.get(holdId);
    if (seats) return { status: 'active', seatIds: [...seats] };
    const ended = this.ended.get(holdId);
    return ended ? { status: 'ended', ...ended } : undefined;
  }

  get activeHolds(): number {
    return this.active.size;
  }

  /** The seat changes an inventory event makes; none for general admission and for holds already over. */
  apply(event: RecordedEvent): SeatChange[] {
    switch (event.type) {
      case 'SeatsHeld': {
        const data = event.data as SeatsHeld['data'];
        if (!data.seatIds?.length) return [];
        this.seed(data.holdId, data.seatIds);
        return data.seatIds.map((seatId) => ({ seatId, status: 'held' }));
      }
      case 'HoldReleased':
      case 'HoldExpired': {
        const holdId = (event.data as HoldReleased['data'] | HoldExpired['data']).holdId;
        const seats = this.active.get(holdId);
        if (!seats) return [];
        this.active.delete(holdId);
        const seatIds = [...seats];
        this.remember(holdId, seatIds, event.position);
        return seatIds.map((seatId) => ({ seatId, status: 'available' }));
      }
      case 'TicketsSold': {
        const data = event.data as TicketsSold['data'];
        const seatIds = data.tickets.flatMap((ticket) => (ticket.seatId === undefined ? [] : [ticket.seatId]));
        const seats = this.active.get(data.holdId);
        if (seats) {
          for (const seatId of seatIds) seats.delete(seatId);
          if (seats.size === 0) {
            this.active.delete(data.holdId);
            this.remember(data.holdId, [], event.position);
          }
        }
        return seatIds.map((seatId) => ({ seatId, status: 'sold' }));
      }
      default:
        return [];
    }
  }

  private remember(holdId: string, seatIds: string[], endedAt: bigint): void {
    this.ended.delete(holdId);
    this.ended.set(holdId, { seatIds, endedAt });
    if (this.ended.size > this.maxEnded) this.ended.delete(this.ended.keys().next().value!);
  }
}
