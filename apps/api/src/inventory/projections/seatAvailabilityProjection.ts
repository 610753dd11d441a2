import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@app/event-store';
import type { HoldExpired, HoldReleased, SeatsHeld, TicketsSold } from '@app/domain';
import { ensureIndex } from '../../projections/ensureIndex';
import { BulkInsert } from '../../projections/bulkInsert';
import type { BulkLoader, Projection } from '../../projections/projection';
import { LIVE_TABLES, type TableNames } from '../../projections/tableNames';

/**
 * Seat status per show, stored only for seats that are not available: a seat with
 * no row is free. A 200,000-seat stadium therefore costs rows only for what has been
 * held or sold, and the seat map is drawn from the venue's plan plus these rows.
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
    switch (event.type) {
      case 'SeatsHeld': {
        const d = event.data as SeatsHeld['data'];
        for (const seatId of d.seatIds ?? []) s.hold.run(d.showId, seatId, d.holdId);
        return;
      }
      case 'HoldReleased':
      case 'HoldExpired':
        s.free.run((event.data as HoldReleased['data'] | HoldExpired['data']).holdId);
        return;
      case 'TicketsSold':
        s.sell.run((event.data as TicketsSold['data']).holdId);
        return;
    }
  }

  /**
   * A rebuild keeps the seats that are not available in a map, with each hold's seats
   * beside it, the same steps as `apply`, and writes the rows at the end.
   */
  bulkLoader(db: Database.Database): BulkLoader {
    const seats = new Map<string, { show: string; seat: string; status: 'held' | 'sold'; hold: string }>();
    const byHold = new Map<string, string[]>();
    const table = this.seatStatus;
    return {
      add(event) {
        switch (event.type) {
          case 'SeatsHeld': {
            const d = event.data as SeatsHeld['data'];
            if (!d.seatIds?.length) return;
            let keys = byHold.get(d.holdId);
            if (!keys) byHold.set(d.holdId, (keys = []));
            for (const seat of d.seatIds) {
              const key = `${d.showId}\u0000${seat}`;
              const row = seats.get(key);
              if (row) {
                row.status = 'held';
                row.hold = d.holdId;
              } else {
                seats.set(key, { show: d.showId, seat, status: 'held', hold: d.holdId });
              }
              keys.push(key);
            }
            return;
          }
          case 'HoldReleased':
          case 'HoldExpired': {
            const holdId = (event.data as HoldReleased['data'] | HoldExpired['data']).holdId;
            for (const key of byHold.get(holdId) ?? []) {
              const row = seats.get(key);
              if (row && row.hold === holdId && row.status === 'held') seats.delete(key);
            }
            return;
          }
          case 'TicketsSold': {
            const holdId = (event.data as TicketsSold['data']).holdId;
            for (const key of byHold.get(holdId) ?? []) {
              const row = seats.get(key);
              if (row && row.hold === holdId) row.status = 'sold';
            }
            return;
          }
        }
      },
      finish() {
        const insert = new BulkInsert(db, table, ['show_id', 'seat_id', 'status', 'hold_id']);
        for (const r of seats.values()) insert.add(r.show, r.seat, r.status, r.hold);
        insert.flush();
        seats.clear();
        byHold.clear();
      },
    };
  }

  private prepare(db: Database.Database) {
    const seatStatus = this.seatStatus;
    return {
      hold: db.prepare(`INSERT INTO ${seatStatus} (show_id, seat_id, status, hold_id) VALUES (?, ?, 'held', ?)
        ON CONFLICT(show_id, seat_id) DO UPDATE SET status = 'held', hold_id = excluded.hold_id`),
      free: db.prepare(`DELETE FROM ${seatStatus} WHERE hold_id = ? AND status = 'held'`),
      sell: db.prepare(`UPDATE ${seatStatus} SET status = 'sold' WHERE hold_id = ?`),
    };
  }
}
