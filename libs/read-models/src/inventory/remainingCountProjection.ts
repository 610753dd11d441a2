import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@app/event-store';
import type { CapacityTransferredIn, CapacityTransferredOut, HoldExpired, HoldReleased, SeatsHeld, TicketsSold } from '@app/domain';
import { BulkInsert } from '../bulkInsert';
import type { BulkLoader, Projection } from '../projection';
import { LIVE_TABLES, type TableNames } from '../tableNames';

/** The live name of the counts table. */
export const REMAINING_COUNTS_TABLE = 'remaining_counts';
/** The live name of the capacity transfers table. */
export const CAPACITY_TRANSFERS_TABLE = 'remaining_transfers';

/**
 * Held and sold counts per show, tier and shard ("how many are left" is capacity minus
 * both; per shard, so the global count can say how fresh each shard group's share is).
 * It remembers each live hold's tier counts and expiry so a release or expiry can give
 * them back without asking another table, and so the holds already past due can be counted.
 *
 * Capacity transfers move tickets between shards (`moved` per shard), and each is remembered
 * with what this region has seen of it. A shard's capacity goes down as soon as either side of
 * its transfer is seen (an In proves its Out, even while the source's log is behind here), and
 * the target's goes up with the In: a transfer seen out but not yet in is "in transit".
 */
export class RemainingCountProjection implements Projection {
  readonly name = 'remaining_count';
  /** 2: counts per shard, and each live hold's expiry; 3: capacity transfers. */
  readonly version = 3;
  readonly eventTypes = ['SeatsHeld', 'HoldReleased', 'HoldExpired', 'TicketsSold', 'CapacityTransferredOut', 'CapacityTransferredIn'];
  readonly tables = [REMAINING_COUNTS_TABLE, 'remaining_holds', CAPACITY_TRANSFERS_TABLE];
  private s: ReturnType<RemainingCountProjection['prepare']> | undefined;
  private readonly counts: string;
  private readonly holds: string;
  private readonly transfers: string;

  constructor(names: TableNames = LIVE_TABLES) {
    this.counts = names.table(REMAINING_COUNTS_TABLE);
    this.holds = names.table('remaining_holds');
    this.transfers = names.table(CAPACITY_TRANSFERS_TABLE);
  }

  withTables(names: TableNames): RemainingCountProjection {
    return new RemainingCountProjection(names);
  }

  setup(db: Database.Database): void {
    // Version 1's tables lack the shard and the expiry: they are made again (the version change empties them anyway).
    const hasColumn = (table: string, column: string): boolean => db.prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}')`).all().some((c) => c.name === column);
    if (hasColumn(this.counts, 'show_id') && !hasColumn(this.counts, 'moved')) db.exec(`DROP TABLE ${this.counts}`);
    if (hasColumn(this.holds, 'hold_id') && !hasColumn(this.holds, 'expires_at')) db.exec(`DROP TABLE ${this.holds}`);
    db.exec(`CREATE TABLE IF NOT EXISTS ${this.counts} (
      show_id TEXT NOT NULL, tier TEXT NOT NULL, shard_id TEXT NOT NULL, held INTEGER NOT NULL DEFAULT 0, sold INTEGER NOT NULL DEFAULT 0,
      moved INTEGER NOT NULL DEFAULT 0, updated_at TEXT NOT NULL, PRIMARY KEY (show_id, tier, shard_id))`);
    db.exec(`CREATE TABLE IF NOT EXISTS ${this.holds} (
      hold_id TEXT NOT NULL, shard_id TEXT NOT NULL, show_id TEXT NOT NULL, tiers TEXT NOT NULL, expires_at TEXT NOT NULL, PRIMARY KEY (hold_id, shard_id))`);
    db.exec(`CREATE TABLE IF NOT EXISTS ${this.transfers} (
      transfer_id TEXT PRIMARY KEY, show_id TEXT NOT NULL, tier TEXT NOT NULL, from_shard TEXT NOT NULL, to_shard TEXT NOT NULL, count INTEGER NOT NULL,
      tickets TEXT NOT NULL, out_at TEXT, in_at TEXT)`);
    db.exec(`CREATE INDEX IF NOT EXISTS ${this.transfers}_show ON ${this.transfers} (show_id, in_at)`);
  }

  reset(db: Database.Database): void {
    db.exec(`DELETE FROM ${this.counts}; DELETE FROM ${this.holds}; DELETE FROM ${this.transfers};`);
  }

  apply(db: Database.Database, event: RecordedEvent): void {
    const s = (this.s ??= this.prepare(db));
    const at = event.created.toISOString();
    switch (event.type) {
      case 'SeatsHeld': {
        const d = event.data as SeatsHeld['data'];
        const tiers = d.tierCounts;
        s.remember.run(d.holdId, d.shardId, d.showId, JSON.stringify(tiers), d.expiresAt);
        for (const [tier, n] of Object.entries(tiers)) s.add.run(d.showId, tier, d.shardId, n, 0, at);
        return;
      }
      case 'HoldReleased':
      case 'HoldExpired':
      case 'TicketsSold': {
        const holdId = (event.data as HoldReleased['data'] | HoldExpired['data'] | TicketsSold['data']).holdId;
        const shardId = (event.metadata as { shardId?: string }).shardId ?? shardOf(event.streamId);
        const hold = s.recall.get(holdId, shardId);
        if (!hold) return;
        const sold = event.type === 'TicketsSold' ? 1 : 0;
        for (const [tier, n] of Object.entries(JSON.parse(hold.tiers) as Record<string, number>)) s.add.run(hold.show_id, tier, shardId, -n, sold * n, at);
        s.forget.run(holdId, shardId);
        return;
      }
      case 'CapacityTransferredOut':
      case 'CapacityTransferredIn': {
        const t = transferOf(event);
        const known = s.transfer.get(t.transferId);
        if (!known) {
          s.learn.run(t.transferId, t.showId, t.tier, t.from, t.to, t.count, JSON.stringify(t.tickets), t.outAt, t.inAt);
          s.move.run(t.showId, t.tier, t.from, -t.count, at);
        } else if (t.outAt) s.seenOut.run(t.outAt, t.transferId);
        else s.seenIn.run(t.inAt, t.transferId);
        if (t.inAt && !known?.in_at) s.move.run(t.showId, t.tier, t.to, t.count, at);
        return;
      }
    }
  }

  /** A rebuild keeps the counts and the live holds' tiers in maps, the same steps as `apply`, and writes them at the end. */
  bulkLoader(db: Database.Database): BulkLoader {
    const counts = new Map<string, { show: string; tier: string; shard: string; held: number; sold: number; moved: number; at: number }>();
    const holds = new Map<string, { hold: string; shard: string; show: string; tiers: Record<string, number>; expiresAt: string }>();
    const transfers = new Map<string, ReturnType<typeof transferOf>>();
    const add = (show: string, tier: string, shard: string, held: number, sold: number, at: number, moved = 0): void => {
      const key = `${show}\u0000${tier}\u0000${shard}`;
      const row = counts.get(key);
      if (!row) {
        counts.set(key, { show, tier, shard, held, sold, moved, at });
        return;
      }
      row.held += held;
      row.sold += sold;
      row.moved += moved;
      row.at = at;
    };
    const tables = { counts: this.counts, holds: this.holds, transfers: this.transfers };
    return {
      add(event) {
        const at = event.created.getTime();
        switch (event.type) {
          case 'SeatsHeld': {
            const d = event.data as SeatsHeld['data'];
            const key = `${d.holdId}\u0000${d.shardId}`;
            holds.delete(key);
            holds.set(key, { hold: d.holdId, shard: d.shardId, show: d.showId, tiers: d.tierCounts, expiresAt: d.expiresAt });
            for (const [tier, n] of Object.entries(d.tierCounts)) add(d.showId, tier, d.shardId, n, 0, at);
            return;
          }
          case 'HoldReleased':
          case 'HoldExpired':
          case 'TicketsSold': {
            const holdId = (event.data as HoldReleased['data'] | HoldExpired['data'] | TicketsSold['data']).holdId;
            const shardId = (event.metadata as { shardId?: string }).shardId ?? shardOf(event.streamId);
            const key = `${holdId}\u0000${shardId}`;
            const hold = holds.get(key);
            if (!hold) return;
            const sold = event.type === 'TicketsSold' ? 1 : 0;
            for (const [tier, n] of Object.entries(hold.tiers)) add(hold.show, tier, shardId, -n, sold * n, at);
            holds.delete(key);
            return;
          }
          case 'CapacityTransferredOut':
          case 'CapacityTransferredIn': {
            const t = transferOf(event);
            const known = transfers.get(t.transferId);
            const firstIn = t.inAt !== null && !known?.inAt;
            if (!known) {
              transfers.set(t.transferId, t);
              add(t.showId, t.tier, t.from, 0, 0, at, -t.count);
            } else if (t.outAt) known.outAt = t.outAt;
            else if (firstIn) known.inAt = t.inAt;
            if (firstIn) add(t.showId, t.tier, t.to, 0, 0, at, t.count);
            return;
          }
        }
      },
      finish() {
        const countRows = new BulkInsert(db, tables.counts, ['show_id', 'tier', 'shard_id', 'held', 'sold', 'moved', 'updated_at']);
        for (const c of counts.values()) countRows.add(c.show, c.tier, c.shard, c.held, c.sold, c.moved, new Date(c.at).toISOString());
        countRows.flush();
        const transferRows = new BulkInsert(db, tables.transfers, ['transfer_id', 'show_id', 'tier', 'from_shard', 'to_shard', 'count', 'tickets', 'out_at', 'in_at']);
        for (const t of transfers.values()) transferRows.add(t.transferId, t.showId, t.tier, t.from, t.to, t.count, JSON.stringify(t.tickets), t.outAt, t.inAt);
        transferRows.flush();
        transfers.clear();
        const holdRows = new BulkInsert(db, tables.holds, ['hold_id', 'shard_id', 'show_id', 'tiers', 'expires_at']);
        for (const h of holds.values()) holdRows.add(h.hold, h.shard, h.show, JSON.stringify(h.tiers), h.expiresAt);
        holdRows.flush();
        counts.clear();
        holds.clear();
      },
    };
  }

  private prepare(db: Database.Database) {
    const { counts, holds, transfers } = this;
    return {
      transfer: db.prepare<[string], { in_at: string | null }>(`SELECT in_at FROM ${transfers} WHERE transfer_id = ?`),
      learn: db.prepare(`INSERT INTO ${transfers} (transfer_id, show_id, tier, from_shard, to_shard, count, tickets, out_at, in_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      seenOut: db.prepare(`UPDATE ${transfers} SET out_at = ? WHERE transfer_id = ?`),
      seenIn: db.prepare(`UPDATE ${transfers} SET in_at = COALESCE(in_at, ?) WHERE transfer_id = ?`),
      move: {
        statement: db.prepare(`INSERT INTO ${counts} (show_id, tier, shard_id, moved, updated_at) VALUES (@show, @tier, @shard, @moved, @at)
          ON CONFLICT(show_id, tier, shard_id) DO UPDATE SET moved = moved + @moved, updated_at = @at`),
        run(show: string, tier: string, shard: string, moved: number, at: string) {
          this.statement.run({ show, tier, shard, moved, at });
        },
      },
      remember: db.prepare(`INSERT OR REPLACE INTO ${holds} (hold_id, shard_id, show_id, tiers, expires_at) VALUES (?, ?, ?, ?, ?)`),
      recall: db.prepare<[string, string], { show_id: string; tiers: string }>(`SELECT show_id, tiers FROM ${holds} WHERE hold_id = ? AND shard_id = ?`),
      forget: db.prepare(`DELETE FROM ${holds} WHERE hold_id = ? AND shard_id = ?`),
      add: {
        statement: db.prepare(`INSERT INTO ${counts} (show_id, tier, shard_id, held, sold, updated_at) VALUES (@show, @tier, @shard, @held, @sold, @at)
          ON CONFLICT(show_id, tier, shard_id) DO UPDATE SET held = held + @held, sold = sold + @sold, updated_at = @at`),
        run(show: string, tier: string, shard: string, held: number, sold: number, at: string) {
          this.statement.run({ show, tier, shard, held, sold, at });
        },
      },
    };
  }
}

/** Either side of a transfer, in the terms of the transfers table. */
function transferOf(event: RecordedEvent): {
  transferId: string;
  showId: string;
  tier: string;
  from: string;
  to: string;
  count: number;
  tickets: unknown;
  outAt: string | null;
  inAt: string | null;
} {
  if (event.type === 'CapacityTransferredOut') {
    const d = event.data as CapacityTransferredOut['data'];
    return { transferId: d.transferId, showId: d.showId, tier: d.tier, from: d.shardId, to: d.toShard, count: d.count, tickets: d.tickets, outAt: d.at, inAt: null };
  }
  const d = event.data as CapacityTransferredIn['data'];
  return { transferId: d.transferId, showId: d.showId, tier: d.tier, from: d.fromShard, to: d.shardId, count: d.count, tickets: d.tickets, outAt: null, inAt: d.at };
}

function shardOf(streamId: string): string {
  return streamId.slice(streamId.lastIndexOf('-') + 1);
}
