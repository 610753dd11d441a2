import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@app/event-store';
import { ensureIndex } from '../ensureIndex';
import { BulkInsert } from '../bulkInsert';
import type { BulkLoader, Projection } from '../projection';
import { LIVE_TABLES, type TableNames } from '../tableNames';
import { HeldSeats } from './heldSeats';
import { seatChanges, type Seat, type SeatChange } from './seatChanges';

/**
 * Seat status per show, stored only for seats that are not available: a seat with
 * no row is free. A 200,000-seat stadium therefore costs rows only for what has been
 * held or sold, and the seat map is drawn from the venue's plan plus these rows.
 * Rows follow `seatChanges`, the fold the live feed's seat changes come from too.
 */
export class SeatAvailabilityProjection implements Projection {
  readonly name = 'seat_availability';
  readonly version = 1;
  readonly eventTypes = ['SeatsHeld', 'HoldReleased', 'HoldExpired', 'TicketsSold'];
  readonly tables = ['seat_status'];
  private s: ReturnType<SeatAvailabilityProjection['prepare']> | undefined;
  private readonly seatStatus: string;

  constructor(private readonly names: TableNames = LIVE_TABLES) {
    this.seatStatus = names.table('seat_status');
  }

  withTables(names: TableNames): SeatAvailabilityProjection {
    return new SeatAvailabilityProjection(names);
  }

  setup(db: Database.Database): void {
    db.exec(`CREATE TABLE IF NOT EXISTS ${this.seatStatus} (
      show_id TEXT NOT NULL, seat_id TEXT NOT NULL, status TEXT NOT NULL, hold_id TEXT NOT NULL,
      PRIMARY KEY (show_id, seat_id))`);
    ensureIndex(db, this.names.index('seat_status_by_hold'), this.seatStatus, ['hold_id']);
  }

  reset(db: Database.Database): void {
    db.exec(`DELETE FROM ${this.seatStatus}`);
  }

  apply(db: Database.Database, event: RecordedEvent): void {
    const s = (this.s ??= this.prepare(db));
    for (const change of seatChanges(event, (holdId) => s.heldBy.all(holdId))) {
      if (change.status === 'available') s.free.run(change.showId, change.seatId);
      else s.take.run(change.showId, change.seatId, change.status, change.holdId);
    }
  }

  /**
   * A rebuild runs the same fold over the holds' seats in memory and keeps the seats
   * that are not available in a map, written at the end.
   */
  bulkLoader(db: Database.Database): BulkLoader {
    const held = new HeldSeats();
    /** Show, then seat: its last change, if not to available. */
    const rows = new Map<string, Map<string, SeatChange>>();
    const table = this.seatStatus;
    return {
      add(event) {
        for (const change of seatChanges(event, (holdId) => held.of(holdId))) {
          held.apply(change);
          let seats = rows.get(change.showId);
          if (!seats) rows.set(change.showId, (seats = new Map()));
          if (change.status === 'available') seats.delete(change.seatId);
          else seats.set(change.seatId, change);
        }
      },
      finish() {
        const insert = new BulkInsert(db, table, ['show_id', 'seat_id', 'status', 'hold_id']);
        for (const seats of rows.values()) for (const r of seats.values()) insert.add(r.showId, r.seatId, r.status, r.holdId);
        insert.flush();
        rows.clear();
      },
    };
  }

  private prepare(db: Database.Database) {
    const seatStatus = this.seatStatus;
    return {
      heldBy: db.prepare<[string], Seat>(`SELECT show_id AS showId, seat_id AS seatId FROM ${seatStatus} WHERE hold_id = ? AND status = 'held'`),
      take: db.prepare(`INSERT INTO ${seatStatus} (show_id, seat_id, status, hold_id) VALUES (?, ?, ?, ?)
        ON CONFLICT(show_id, seat_id) DO UPDATE SET status = excluded.status, hold_id = excluded.hold_id`),
      free: db.prepare(`DELETE FROM ${seatStatus} WHERE show_id = ? AND seat_id = ?`),
    };
  }
}
