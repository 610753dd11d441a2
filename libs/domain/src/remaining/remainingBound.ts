/**
 * "How many are left?" for a show sold from several shard groups, answered from what each group
 * last reported, with an honest bound (docs/datacenters.md §8). Per shard:
 *
 *   a = available at its last known revision      s = now − asOf
 *   r = the most tickets it can take per second   e = held tickets whose hold has run out by now
 *   h = every held ticket (a hold can be released at any moment, so for s > 0 all may come back)
 *   lower = a − min(a, r·s)                       upper = a + e, or a + h once s > 0
 *
 * Every millisecond counts: a shard whose figures are s ms old may have taken up to ⌈r·s⌉
 * tickets since (so the answer is exact only for figures of this very millisecond), and one past
 * `staleAfterMs` is flagged stale. One not heard from within `unknownAfterMs` is unknown: its share
 * is left out of the interval and reported apart, never guessed. The answer is Σa within
 * [Σlower, Σupper] over the shards that are known.
 *
 * Capacity transfers make a shard's count jump rather than slide: at most `transfers.tickets`
 * per transfer, at most one transfer out of (or into) a shard per `transfers.everyMs`, so within
 * s ms a shard can lose or gain at most (⌊s / everyMs⌋ + 1) transfers' worth (none when s = 0).
 * Shards that can give (`transfers.out`) widen their lower bound by it; shards that can take
 * (`transfers.in`) their upper.
 */
export interface ShardReport {
  shard: string;
  group: string;
  capacity: number;
  available: number;
  /** Held tickets whose holds expire at or before `now` (they come back unless bought first). */
  heldExpired: number;
  /** Every held ticket, those past expiry included: any hold may be released since `asOf`. */
  held?: number;
  /** When these figures were last known to hold (ms since the epoch). */
  asOf: number;
  /** The most tickets the shard can take per second. */
  maxTicketsPerSecond: number;
  /** When capacity may move between shards: how far and how often the shard's count can jump. */
  transfers?: { tickets: number; everyMs: number; out: boolean; in: boolean };
}

export interface GroupRemaining {
  group: string;
  available: number;
  lower: number;
  upper: number;
  /** The oldest `asOf` among its shards, as ISO 8601. */
  asOf: string;
  stale: boolean;
  unknown: boolean;
}

export interface RemainingAnswer {
  /** 'exact': every known figure is of this millisecond and nothing is past due or unknown; 'bounded': otherwise; 'failure': no shard known. */
  status: 'exact' | 'bounded' | 'failure';
  estimate: number;
  lower: number;
  upper: number;
  byGroup: GroupRemaining[];
  /** Capacity of the shards not heard from within the threshold. */
  unknownTickets: number;
  /** Tickets moving between shards (out of one, not yet into another): sold by no one. */
  inTransit: number;
  answeredAt: string;
}

export interface RemainingThresholds {
  /** Older figures are flagged stale (their bound widens from the first millisecond either way). */
  staleAfterMs: number;
  unknownAfterMs: number;
}

export const DEFAULT_THRESHOLDS: RemainingThresholds = { staleAfterMs: 1_000, unknownAfterMs: 10_000 };

export function remainingBound(shards: readonly ShardReport[], now: number, inTransit = 0, thresholds: RemainingThresholds = DEFAULT_THRESHOLDS): RemainingAnswer {
  const groups = new Map<string, GroupRemaining & { oldest: number; shards: number; unknownShards: number }>();
  let estimate = 0;
  let lower = 0;
  let upper = 0;
  let unknownTickets = 0;
  let known = 0;
  let allFresh = true;
  for (const report of shards) {
    const age = Math.max(0, now - report.asOf);
    const group = groups.get(report.group) ?? { group: report.group, available: 0, lower: 0, upper: 0, asOf: '', stale: false, unknown: false, oldest: report.asOf, shards: 0, unknownShards: 0 };
    groups.set(report.group, group);
    group.shards++;
    group.oldest = Math.min(group.oldest, report.asOf);
    if (age > thresholds.unknownAfterMs) {
      group.unknownShards++;
      unknownTickets += report.capacity;
      allFresh = false;
      continue;
    }
    known++;
    const stale = age > thresholds.staleAfterMs;
    const a = report.available;
    const t = report.transfers;
    const jump = t && age > 0 ? (Math.floor(age / t.everyMs) + 1) * t.tickets : 0;
    const low = a - Math.min(a, Math.ceil((report.maxTicketsPerSecond * age) / 1_000) + (t?.out ? jump : 0));
    const back = age > 0 ? Math.max(report.heldExpired, report.held ?? 0) : report.heldExpired;
    const high = a + back + (t?.in ? jump : 0);
    if (stale) group.stale = true;
    if (low < a) allFresh = false;
    group.available += a;
    group.lower += low;
    group.upper += high;
    estimate += a;
    lower += low;
    upper += high;
  }
  const byGroup = [...groups.values()].map(({ oldest, shards: count, unknownShards, ...group }) => ({
    ...group,
    asOf: new Date(oldest).toISOString(),
    unknown: unknownShards === count,
    stale: group.stale || (unknownShards > 0 && unknownShards < count),
  }));
  return {
    status: known === 0 ? 'failure' : allFresh && upper === estimate ? 'exact' : 'bounded',
    estimate,
    lower,
    upper,
    byGroup,
    unknownTickets,
    inTransit,
    answeredAt: new Date(now).toISOString(),
  };
}
