import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@app/event-store';
import type { AllowanceReleased, AllowanceReserved, HoldExpired, HoldReleased, SeatsHeld, TicketsSold } from '@app/domain';
import { dropIndexOn, ensureIndex } from '../ensureIndex';
import { BulkInsert } from '../bulkInsert';
import type { BulkLoader, Projection, SetupOptions } from '../projection';
import { LIVE_TABLES, type TableNames } from '../tableNames';

export interface HoldRow {
  hold_id: string;
  show_id: string;
  customer_id: string;
  shard_ids: string;
  quantity: number;
  expires_at: string;
  status: 'reserving' | 'abandoned' | 'active' | 'released' | 'expired' | 'sold';
  order_id: string | null;
}

/**
 * Every hold, across the shards it spans: where to find a hold after a restart,
 * and the expiry worker's list of live holds. A hold starts as 'reserving' when the
 * customer's allowance is reserved; one that never got seats (a crash in between)
 * stays so until the worker gives the allowance back ('abandoned').
 */
export class HoldsProjection implements Projection {
  readonly name = 'holds';
  readonly version = 1;
  readonly eventTypes = ['AllowanceReserved', 'AllowanceReleased', 'SeatsHeld', 'HoldReleased', 'HoldExpired', 'TicketsSold'];
  readonly tables = ['holds'];
  private statements: ReturnType<HoldsProjection['prepare']> | undefined;
  private readonly holds: string;

  constructor(private readonly names: TableNames = LIVE_TABLES) {
    this.holds = names.table('holds');
  }

  withTables(names: TableNames): HoldsProjection {
    return new HoldsProjection(names);
  }

  setup(db: Database.Database, options: SetupOptions = {}): void {
    // hold_id is unique through an index of its own rather than a PRIMARY KEY, so that
    // a rebuild's copy can take its rows in log order with no index on it and build the
    // index afterwards in one sorted pass: hold ids are random, and inserting them into
    // the index page by page rewrote most of its pages at every commit (a sell-out's
    // 181,000 holds took 4.2 s against 0.7 s). Tables made with the PRIMARY KEY keep it;
    // its index serves as this one.
    db.exec(`CREATE TABLE IF NOT EXISTS ${this.holds} (
      hold_id TEXT NOT NULL, show_id TEXT NOT NULL, customer_id TEXT NOT NULL, shard_ids TEXT NOT NULL,
      quantity INTEGER NOT NULL, expires_at TEXT NOT NULL, status TEXT NOT NULL, order_id TEXT)`);
    if (options.bulk) return;
    ensureIndex(db, this.names.index('holds_by_id'), this.holds, ['hold_id'], { unique: true });
    // This index serves the expiry worker's read.
    ensureIndex(db, this.names.index('holds_active'), this.holds, ['status', 'expires_at']);
    // Nothing reads holds by customer: read databases made earlier lose that index.
    dropIndexOn(db, this.holds, ['customer_id']);
  }

  reset(db: Database.Database): void {
    db.exec(`DELETE FROM ${this.holds}`);
  }

  apply(db: Database.Database, event: RecordedEvent): void {
    const s = (this.statements ??= this.prepare(db));
    switch (event.type) {
      case 'AllowanceReserved': {
        const d = event.data as AllowanceReserved['data'];
        const { showId, customerId } = event.metadata as { showId?: string; customerId?: string };
        if (showId && customerId) s.reserving.run(d.holdId, showId, customerId, d.quantity, d.expiresAt);
        return;
      }
      case 'AllowanceReleased':
        s.abandoned.run((event.data as AllowanceReleased['data']).holdId);
        return;
      case 'SeatsHeld': {
        const d = event.data as SeatsHeld['data'];
        const quantity = d.seatIds?.length ?? d.ticketNumbers?.length ?? 0;
        s.held.run(d.holdId, d.showId, d.customerId, d.shardId, quantity, d.expiresAt);
        return;
      }
      case 'HoldReleased':
        s.ended.run('released', (event.data as HoldReleased['data']).holdId);
        return;
      case 'HoldExpired':
        s.ended.run('expired', (event.data as HoldExpired['data']).holdId);
        return;
      case 'TicketsSold': {
        const d = event.data as TicketsSold['data'];
        s.sold.run(d.orderId, d.holdId);
        return;
      }
    }
  }

  /**
   * A rebuild folds the holds still open into a map, the same steps as `apply`'s
   * statements. At the end of each page the holds that are over (sold, released,
   * expired, abandoned) are written and leave the map, so a sell-out's map stays small
   * instead of holding every hold of the log until the end. The copy has no index on
   * hold_id while it loads (see `setup`): should a later event name a hold already
   * written, its row is taken back into the map by rowid and written again once over.
   */
  bulkLoader(db: Database.Database): BulkLoader {
    const rows = new Map<string, HoldRow>();
    /** Holds of this page that ended (their rows may have been taken up again since). */
    let ended: string[] = [];
    /** Rowids of the holds written so far, by hold id. */
    const written = new Map<string, number>();
    let nextRowid = ((db.prepare(`SELECT MAX(rowid) FROM ${this.holds}`).pluck().get() as number | null) ?? 0) + 1;
    const insert = new BulkInsert(db, this.holds, ['rowid', 'hold_id', 'show_id', 'customer_id', 'shard_ids', 'quantity', 'expires_at', 'status', 'order_id']);
    const write = (r: HoldRow): number => {
      const rowid = nextRowid++;
      insert.add(rowid, r.hold_id, r.show_id, r.customer_id, r.shard_ids, r.quantity, r.expires_at, r.status, r.order_id);
      return rowid;
    };
    const readBack = db.prepare<[number], HoldRow>(`SELECT * FROM ${this.holds} WHERE rowid = ?`);
    const remove = db.prepare(`DELETE FROM ${this.holds} WHERE rowid = ?`);
    const takeBack = (holdId: string): void => {
      const rowid = written.get(holdId)!;
      rows.set(holdId, readBack.get(rowid)!);
      remove.run(rowid);
      written.delete(holdId);
    };
    return {
      add(event) {
        const holdId = (event.data as { holdId: string }).holdId;
        if (written.has(holdId)) takeBack(holdId);
        switch (event.type) {
          case 'AllowanceReserved': {
            const d = event.data as AllowanceReserved['data'];
            const { showId, customerId } = event.metadata as { showId?: string; customerId?: string };
            if (showId && customerId && !rows.has(d.holdId)) {
              rows.set(d.holdId, { hold_id: d.holdId, show_id: showId, customer_id: customerId, shard_ids: '', quantity: d.quantity, expires_at: d.expiresAt, status: 'reserving', order_id: null });
            }
            return;
          }
          case 'AllowanceReleased': {
            const row = rows.get((event.data as AllowanceReleased['data']).holdId);
            if (row?.status === 'reserving') {
              row.status = 'abandoned';
              ended.push(row.hold_id);
            }
            return;
          }
          case 'SeatsHeld': {
            const d = event.data as SeatsHeld['data'];
            const quantity = d.seatIds?.length ?? d.ticketNumbers?.length ?? 0;
            const row = rows.get(d.holdId);
            if (!row) {
              rows.set(d.holdId, { hold_id: d.holdId, show_id: d.showId, customer_id: d.customerId, shard_ids: d.shardId, quantity, expires_at: d.expiresAt, status: 'active', order_id: null });
            } else {
              const first = row.status === 'reserving';
              row.shard_ids = first ? d.shardId : `${row.shard_ids},${d.shardId}`;
              row.quantity = first ? quantity : row.quantity + quantity;
              row.expires_at = d.expiresAt;
              row.status = 'active';
            }
            return;
          }
          case 'HoldReleased':
          case 'HoldExpired': {
            const row = rows.get((event.data as HoldReleased['data'] | HoldExpired['data']).holdId);
            if (row?.status === 'active') {
              row.status = event.type === 'HoldReleased' ? 'released' : 'expired';
              ended.push(row.hold_id);
            }
            return;
          }
          case 'TicketsSold': {
            const d = event.data as TicketsSold['data'];
            const row = rows.get(d.holdId);
            if (row) {
              row.status = 'sold';
              row.order_id = d.orderId;
              ended.push(row.hold_id);
            }
            return;
          }
        }
      },
      endPage() {
        for (const holdId of ended) {
          const row = rows.get(holdId);
          if (!row || row.status === 'active' || row.status === 'reserving') continue;
          written.set(holdId, write(row));
          rows.delete(holdId);
        }
        ended = [];
        insert.flush();
      },
      finish() {
        for (const row of rows.values()) write(row);
        insert.flush();
        rows.clear();
        written.clear();
      },
    };
  }

  private prepare(db: Database.Database) {
    const holds = this.holds;
    return {
      // A hold spanning shards has one SeatsHeld per shard: the row gathers them.
      reserving: db.prepare(`INSERT OR IGNORE INTO ${holds} (hold_id, show_id, customer_id, shard_ids, quantity, expires_at, status)
        VALUES (?, ?, ?, '', ?, ?, 'reserving')`),
      abandoned: db.prepare(`UPDATE ${holds} SET status = 'abandoned' WHERE hold_id = ? AND status = 'reserving'`),
      held: db.prepare(`INSERT INTO ${holds} (hold_id, show_id, customer_id, shard_ids, quantity, expires_at, status)
        VALUES (?, ?, ?, ?, ?, ?, 'active')
        ON CONFLICT(hold_id) DO UPDATE SET
          shard_ids = CASE WHEN status = 'reserving' THEN excluded.shard_ids ELSE shard_ids || ',' || excluded.shard_ids END,
          quantity = CASE WHEN status = 'reserving' THEN excluded.quantity ELSE quantity + excluded.quantity END,
          expires_at = excluded.expires_at,
          status = 'active'`),
      ended: db.prepare(`UPDATE ${holds} SET status = ? WHERE hold_id = ? AND status = 'active'`),
      sold: db.prepare(`UPDATE ${holds} SET status = 'sold', order_id = ? WHERE hold_id = ?`),
    };
  }
}
