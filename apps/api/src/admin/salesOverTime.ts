import type Database from 'better-sqlite3';

export interface SalesOverTime {
  showId: string;
  /** Width of each bucket; chosen so a show's whole selling time fits in at most `MAX_BUCKETS`. */
  bucketSeconds: number;
  /** Buckets with at least one sale, oldest first; `at` is the bucket's start. */
  buckets: Array<{ at: string; sold: number }>;
  sold: number;
}

export const MAX_BUCKETS = 60;
const STEPS = [1, 5, 10, 30, 60, 300, 600, 1_800, 3_600, 10_800, 21_600, 43_200, 86_400, 604_800, 2_592_000, 31_536_000];

/**
 * Tickets sold per time bucket, from the sales audit table. The first and last sale are
 * found through the (show, first ticket) index, since the log orders sales in time; the grouping
 * then reads the show's rows once.
 */
export class SalesOverTimeQuery {
  private readonly first: Database.Statement<[string], { sold_at: string }>;
  private readonly last: Database.Statement<[string], { sold_at: string }>;
  private readonly grouped: Database.Statement<{ show: string; bucket: number }, { at: number; sold: number }>;

  constructor(db: Database.Database) {
    this.first = db.prepare('SELECT sold_at FROM sales WHERE show_id = ? ORDER BY first_ticket LIMIT 1');
    this.last = db.prepare('SELECT sold_at FROM sales WHERE show_id = ? ORDER BY first_ticket DESC LIMIT 1');
    // The bucket is cast: a JS number is bound as a REAL, and the division must truncate.
    this.grouped = db.prepare(
      `SELECT (CAST(strftime('%s', sold_at) AS INTEGER) / CAST(@bucket AS INTEGER)) * CAST(@bucket AS INTEGER) AS at, SUM(tickets) AS sold
         FROM sales WHERE show_id = @show GROUP BY 1 ORDER BY 1`,
    );
  }

  run(showId: string): SalesOverTime {
    const first = this.first.get(showId);
    const last = this.last.get(showId);
    if (!first || !last) return { showId, bucketSeconds: 60, buckets: [], sold: 0 };
    const spanSeconds = Math.max(1, (Date.parse(last.sold_at) - Date.parse(first.sold_at)) / 1000);
    const bucketSeconds = STEPS.find((step) => spanSeconds / step < MAX_BUCKETS) ?? STEPS[STEPS.length - 1];
    const rows = this.grouped.all({ show: showId, bucket: bucketSeconds });
    return {
      showId,
      bucketSeconds,
      buckets: rows.map((row) => ({ at: new Date(row.at * 1000).toISOString(), sold: row.sold })),
      sold: rows.reduce((sum, row) => sum + row.sold, 0),
    };
  }
}
