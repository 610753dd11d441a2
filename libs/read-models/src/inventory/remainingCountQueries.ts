import type Database from 'better-sqlite3';
import type { ReadDatabase } from '../readDatabase';
import { CAPACITY_TRANSFERS_TABLE, REMAINING_COUNTS_TABLE, RemainingCountProjection } from './remainingCountProjection';

/** Held and sold tickets of a show's tier, as the remaining counts hold them. */
export interface TierCount {
  tier: string;
  held: number;
  sold: number;
  updatedAt: string;
}

/** Held and sold tickets of one shard of a show, and its held tickets whose holds are already past due. */
export interface ShardCount {
  shardId: string;
  held: number;
  sold: number;
  heldPastDue: number;
  /** Capacity moved in (+) or out (-) by transfers, as far as this region has seen them. */
  moved: number;
}

/** A capacity transfer as this region has seen it: out (`outAt`), in (`inAt`), or both. */
export interface TransferSeen {
  transferId: string;
  showId: string;
  tier: string;
  fromShard: string;
  toShard: string;
  count: number;
  tickets: Array<{ first: number; count: number }>;
  outAt: string | undefined;
  inAt: string | undefined;
}

type TransferRow = { transfer_id: string; show_id: string; tier: string; from_shard: string; to_shard: string; count: number; tickets: string; out_at: string | null; in_at: string | null };

/** Reads over the remaining counts, on the read connection. */
export class RemainingCountQueries {
  private readonly byShow: Database.Statement<[string], { tier: string; held: number; sold: number; updated_at: string }>;
  private readonly byShard: Database.Statement<[string], { shard_id: string; held: number; sold: number; moved: number }>;
  private readonly transfersOfShow: Database.Statement<[string], TransferRow>;
  private readonly notYetIn: Database.Statement<[number], TransferRow>;
  private readonly pastDue: Database.Statement<[string, string], { shard_id: string; tiers: string }>;

  constructor(readDb: ReadDatabase) {
    // The tables may not exist yet on the read connection's first use.
    new RemainingCountProjection().setup(readDb.writer);
    this.byShow = readDb.reader.prepare(`SELECT tier, SUM(held) AS held, SUM(sold) AS sold, MAX(updated_at) AS updated_at FROM ${REMAINING_COUNTS_TABLE} WHERE show_id = ? GROUP BY tier`);
    this.byShard = readDb.reader.prepare(`SELECT shard_id, SUM(held) AS held, SUM(sold) AS sold, SUM(moved) AS moved FROM ${REMAINING_COUNTS_TABLE} WHERE show_id = ? GROUP BY shard_id`);
    this.transfersOfShow = readDb.reader.prepare(`SELECT * FROM ${CAPACITY_TRANSFERS_TABLE} WHERE show_id = ? ORDER BY COALESCE(out_at, in_at), transfer_id`);
    this.notYetIn = readDb.reader.prepare(`SELECT * FROM ${CAPACITY_TRANSFERS_TABLE} WHERE in_at IS NULL ORDER BY out_at LIMIT ?`);
    this.pastDue = readDb.reader.prepare('SELECT shard_id, tiers FROM remaining_holds WHERE show_id = ? AND expires_at <= ?');
  }

  counts(showId: string): TierCount[] {
    return this.byShow.all(showId).map((r) => ({ tier: r.tier, held: r.held, sold: r.sold, updatedAt: r.updated_at }));
  }

  /** Per shard (shards with nothing held or sold yet are left out). */
  shardCounts(showId: string, now: Date): ShardCount[] {
    const shards = new Map(this.byShard.all(showId).map((r) => [r.shard_id, { shardId: r.shard_id, held: r.held, sold: r.sold, heldPastDue: 0, moved: r.moved }]));
    for (const row of this.pastDue.all(showId, now.toISOString())) {
      const shard = shards.get(row.shard_id);
      if (shard) shard.heldPastDue += Object.values(JSON.parse(row.tiers) as Record<string, number>).reduce((a, b) => a + b, 0);
    }
    return [...shards.values()];
  }

  /** Every transfer of a show this region has seen, oldest first. */
  transfers(showId: string): TransferSeen[] {
    return this.transfersOfShow.all(showId).map(transferSeen);
  }

  /** Transfers seen out and not yet in, of every show, oldest first: the ones to finish. */
  inTransit(limit = 100): TransferSeen[] {
    return this.notYetIn.all(limit).map(transferSeen);
  }
}

function transferSeen(r: TransferRow): TransferSeen {
  return {
    transferId: r.transfer_id,
    showId: r.show_id,
    tier: r.tier,
    fromShard: r.from_shard,
    toShard: r.to_shard,
    count: r.count,
    tickets: JSON.parse(r.tickets) as TransferSeen['tickets'],
    outAt: r.out_at ?? undefined,
    inAt: r.in_at ?? undefined,
  };
}

/** Tickets sold per show and tier (of one show, or of all); tiers with none are left out. */
export function soldPerShowAndTier(db: Database.Database, showId?: string): Map<string, Map<string, number>> {
  const rows = db
    .prepare<Record<string, string>, { show_id: string; tier: string; sold: number }>(
      `SELECT show_id, tier, SUM(sold) AS sold FROM ${REMAINING_COUNTS_TABLE} ${showId === undefined ? '' : 'WHERE show_id = @showId'} GROUP BY show_id, tier`,
    )
    .all(showId === undefined ? {} : { showId });
  const soldByTier = new Map<string, Map<string, number>>();
  for (const row of rows) {
    if (row.sold === 0) continue;
    let tiers = soldByTier.get(row.show_id);
    if (!tiers) soldByTier.set(row.show_id, (tiers = new Map()));
    tiers.set(row.tier, row.sold);
  }
  return soldByTier;
}
