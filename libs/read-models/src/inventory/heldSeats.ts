import type { Seat, SeatChange } from './seatChanges';

/**
 * Which hold holds which seat, in memory: the state `seatChanges` needs, for a
 * projection's bulk load and for the live feed. Only held seats are kept (a sold seat
 * changes nothing `seatChanges` reads), so it stays the size of the holds in progress.
 * A hold has a few seats: a short list each is quicker than a map each (measured: a
 * rebuild's fold took twice as long with a `Map` per hold and `show + seat` keys).
 */
export class HeldSeats {
  /** Show, then seat: its hold. */
  private readonly holders = new Map<string, Map<string, string>>();
  /** Hold: its seats, in the order it took them. */
  private readonly seats = new Map<string, Seat[]>();

  /** The seats the hold holds, in the order it took them (a `SeatsHeldBy`). */
  of(holdId: string): Seat[] {
    return this.seats.get(holdId)?.slice() ?? [];
  }

  /** Whether the hold is known to hold seats (or was tracked with none). */
  has(holdId: string): boolean {
    return this.seats.has(holdId);
  }

  get holdCount(): number {
    return this.seats.size;
  }

  /** Knows the hold even while it holds no seat. */
  track(holdId: string): void {
    if (!this.seats.has(holdId)) this.seats.set(holdId, []);
  }

  /** One change as `seatChanges` made it. A hold left with no seat is forgotten. */
  apply(change: SeatChange): void {
    let holders = this.holders.get(change.showId);
    const previous = holders?.get(change.seatId);
    if (previous === change.holdId && change.status === 'held') return;
    if (previous !== undefined) this.takeFrom(previous, change);
    if (change.status !== 'held') return;
    if (!holders) this.holders.set(change.showId, (holders = new Map()));
    holders.set(change.seatId, change.holdId);
    let seats = this.seats.get(change.holdId);
    if (!seats) this.seats.set(change.holdId, (seats = []));
    seats.push({ showId: change.showId, seatId: change.seatId });
  }

  /** Forgets the hold and its seats, with no change to them. */
  drop(holdId: string): void {
    for (const seat of this.seats.get(holdId) ?? []) this.holders.get(seat.showId)?.delete(seat.seatId);
    this.seats.delete(holdId);
  }

  private takeFrom(holdId: string, seat: Seat): void {
    this.holders.get(seat.showId)!.delete(seat.seatId);
    const seats = this.seats.get(holdId)!;
    seats.splice(
      seats.findIndex((s) => s.seatId === seat.seatId && s.showId === seat.showId),
      1,
    );
    if (seats.length === 0) this.seats.delete(holdId);
  }
}
