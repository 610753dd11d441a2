import type Database from 'better-sqlite3';
import type { ReadDatabase } from '../readDatabase';
import { REMAINING_COUNTS_TABLE, RemainingCountProjection } from './remainingCountProjection';

/** Held and sold tickets of a show's tier, as the remaining counts hold them. */
export interface TierCount {
  tier: string;
  held: number;
  sold: number;
  updatedAt: string;
}

/** Reads over the remaining counts, on the read connection. */
export class RemainingCountQueries {
  private readonly byShow: Database.Statement<[string], { tier: string; held: number; sold: number; updated_at: string }>;

  constructor(readDb: ReadDatabase) {
    // The tables may not exist yet on the read connection's first use.
    new RemainingCountProjection().setup(readDb.writer);
    this.byShow = readDb.reader.prepare('SELECT tier, held, sold, updated_at FROM remaining_counts WHERE show_id = ?');
  }

  counts(showId: string): TierCount[] {
    return this.byShow.all(showId).map((r) => ({ tier: r.tier, held: r.held, sold: r.sold, updatedAt: r.updated_at }));
  }
}

/** Tickets sold per show and tier (of one show, or of all); tiers with none are left out. */
export function soldPerShowAndTier(db: Database.Database, showId?: string): Map<string, Map<string, number>> {
  const rows = db
    .prepare<Record<string, string>, { show_id: string; tier: string; sold: number }>(
      `SELECT show_id, tier, sold FROM ${REMAINING_COUNTS_TABLE} ${showId === undefined ? '' : 'WHERE show_id = @showId'}`,
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
