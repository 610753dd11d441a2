import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@app/event-store';
import type { HoldExpired, HoldReleased, SeatsHeld, TicketsSold } from '@app/domain';
import { BulkInsert } from '../bulkInsert';
import type { BulkLoader, Projection } from '../projection';
import { LIVE_TABLES, type TableNames } from '../tableNames';

/** The live name of the counts table. */
export const REMAINING_COUNTS_TABLE = 'remaining_counts';

/**
 * Held and sold counts per show, tier and shard ("how many are left" is capacity minus
 * both; per shard, so the global count can say how fresh each shard group's share is).
 * It remembers each live hold's tier counts and expiry so a release or expiry can give
 * them back without asking another table, and so the holds already past due can be counted.
 */
export class RemainingCountProjection implements Projection {
  readonly name = 'remaining_count';
  /** 2: counts per shard, and each live hold's expiry. */
  readonly version = 2;
  readonly eventTypes = ['SeatsHeld', 'HoldReleased', 'HoldExpired', 'TicketsSold'];
  readonly tables = [REMAINING_COUNTS_TABLE, 'remaining_holds'];
  private s: ReturnType<RemainingCountProjection['prepare']> | undefined;
  private readonly counts: string;
  private readonly holds: string;

  constructor(names: TableNames = LIVE_TABLES) {
    this.counts = names.table(REMAINING_COUNTS_TABLE);
    this.holds = names.table('remaining_holds');
  }

  withTables(names: TableNames): RemainingCountProjection {
    return new RemainingCountProjection(names);
  }

  setup(db: Database.Database): void {
    // Version 1's tables lack the shard and the expiry: they are made again (the version change empties them anyway).
    const hasColumn = (table: string, column: string): boolean => db.prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}')`).all().some((c) => c.name === column);
    if (hasColumn(this.counts, 'show_id') && !hasColumn(this.counts, 'shard_id')) db.exec(`DROP TABLE ${this.counts}`);
    if (hasColumn(this.holds, 'hold_id') && !hasColumn(this.holds, 'expires_at')) db.exec(`DROP TABLE ${this.holds}`);
    db.exec(`CREATE TABLE IF NOT EXISTS ${this.counts} (
      show_id TEXT NOT NULL, tier TEXT NOT NULL, shard_id TEXT NOT NULL, held INTEGER NOT NULL DEFAULT 0, sold INTEGER NOT NULL DEFAULT 0,
      updated_at TEXT NOT NULL, PRIMARY KEY (show_id, tier, shard_id))`);
    db.exec(`CREATE TABLE IF NOT EXISTS ${this.holds} (
      hold_id TEXT NOT NULL, shard_id TEXT NOT NULL, show_id TEXT NOT NULL, tiers TEXT NOT NULL, expires_at TEXT NOT NULL, PRIMARY KEY (hold_id, shard_id))`);
  }

  reset(db: Database.Database): void {
    db.exec(`DELETE FROM ${this.counts}; DELETE FROM ${this.holds};`);
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
    }
  }

  /** A rebuild keeps the counts and the live holds' tiers in maps, the same steps as `apply`, and writes them at the end. */
  bulkLoader(db: Database.Database): BulkLoader {
    const counts = new Map<string, { show: string; tier: string; shard: string; held: number; sold: number; at: number }>();
    const holds = new Map<string, { hold: string; shard: string; show: string; tiers: Record<string, number>; expiresAt: string }>();
    const add = (show: string, tier: string, shard: string, held: number, sold: number, at: number): void => {
      const key = `${show}\u0000${tier}\u0000${shard}`;
      const row = counts.get(key);
      if (!row) {
        counts.set(key, { show, tier, shard, held, sold, at });
        return;
      }
      row.held += held;
      row.sold += sold;
      row.at = at;
    };
    const tables = { counts: this.counts, holds: this.holds };
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
        }
      },
      finish() {
        const countRows = new BulkInsert(db, tables.counts, ['show_id', 'tier', 'shard_id', 'held', 'sold', 'updated_at']);
        for (const c of counts.values()) countRows.add(c.show, c.tier, c.shard, c.held, c.sold, new Date(c.at).toISOString());
        countRows.flush();
        const holdRows = new BulkInsert(db, tables.holds, ['hold_id', 'shard_id', 'show_id', 'tiers', 'expires_at']);
        for (const h of holds.values()) holdRows.add(h.hold, h.shard, h.show, JSON.stringify(h.tiers), h.expiresAt);
        holdRows.flush();
        counts.clear();
        holds.clear();
      },
    };
  }

  private prepare(db: Database.Database) {
    const { counts, holds } = this;
    return {
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

function shardOf(streamId: string): string {
  return streamId.slice(streamId.lastIndexOf('-') + 1);
}
