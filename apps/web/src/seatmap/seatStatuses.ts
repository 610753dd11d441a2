import type { SeatChange, SeatState } from '../api/types';

/** Held and sold seats of a show (every other seat is available), fed by the live feed. */
export class SeatStatuses {
  private readonly taken = new Map<string, Exclude<SeatState, 'available'>>();
  version = 0;

  reset(seats: SeatChange[]): void {
    this.taken.clear();
    this.apply(seats);
  }

  apply(changes: SeatChange[]): void {
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
