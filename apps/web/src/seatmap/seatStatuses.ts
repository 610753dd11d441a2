import type { SeatState } from '../api/types';

/** Held and sold seats of a show (every other seat is available), fed by the live feed. */
export class SeatStatuses {
  private readonly taken = new Map<string, 'held' | 'sold'>();
  version = 0;

  reset(seats: Array<{ seatId: string; status: SeatState }>): void {
    this.taken.clear();
    this.apply(seats);
  }

  apply(changes: Array<{ seatId: string; status: SeatState }>): void {
    for (const { seatId, status } of changes) {
      if (status === 'available') this.taken.delete(seatId);
      else this.taken.set(seatId, status);
    }
    this.version++;
  }

  status(seatId: string): SeatState {
    return this.taken.get(seatId) ?? 'available';
  }
}
