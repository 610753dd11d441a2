import type Database from 'better-sqlite3';
import type { ReadDatabase } from '../readDatabase';
import { SeatAvailabilityProjection } from './seatAvailabilityProjection';

/** A held seat and its hold, as the `seat_status` rows have it. */
export interface HeldSeatRow {
  show_id: string;
  seat_id: string;
  hold_id: string;
}

/** Reads over the seat status rows, on the read connection. */
export class SeatStatusQueries {
  private readonly byShow: Database.Statement<[string], { seat_id: string; status: 'held' | 'sold' }>;
  private readonly held: Database.Statement<[], HeldSeatRow>;

  constructor(readDb: ReadDatabase) {
    // The table may not exist yet on the read connection's first use.
    new SeatAvailabilityProjection().setup(readDb.writer);
    this.byShow = readDb.reader.prepare('SELECT seat_id, status FROM seat_status WHERE show_id = ?');
    this.held = readDb.reader.prepare(`SELECT show_id, seat_id, hold_id FROM seat_status WHERE status = 'held' ORDER BY rowid`);
  }

  /** The show's seats that are not available (any seat not listed is). */
  seatStatuses(showId: string): Map<string, 'held' | 'sold'> {
    return new Map(this.byShow.all(showId).map((row) => [row.seat_id, row.status]));
  }

  /** Every held seat of every show, in the order the rows were written: what the live feed starts from. */
  heldSeats(): HeldSeatRow[] {
    return this.held.all();
  }
}
