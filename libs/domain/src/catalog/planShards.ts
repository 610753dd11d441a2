import { DEFAULT_GENERAL_SHARD_COUNT, type GeneralTierCapacity, type Show, type Venue } from './catalogEntities';
import { countRowSeats } from './countSeats';
import { expandSection } from './expandSection';
import type { SeatSection, SeatUnit } from './seatMap';
import { validateShow } from './validateShow';

/**
 * Shards bound the contention of a hot on-sale: every shard is one stream with one
 * writer, so a shard must be small enough to decide on quickly and numerous enough
 * that buyers spread over many of them.
 */
export const MAX_SEATS_PER_SHARD = 5_000;

export interface SeatedShardPlan {
  showId: string;
  shardId: string;
  kind: 'seated';
  sectionId: string;
  /** Distinct tiers in the shard, in order of first appearance: lets callers route a tier request. */
  tiers: string[];
  /** Front row first, left to right; a unit's index in this array is its index in the shard state. */
  units: SeatUnit[];
}

/** A contiguous range of ticket numbers of one tier; never materialised ticket by ticket. */
export interface GeneralShardPlan {
  showId: string;
  shardId: string;
  kind: 'general';
  tier: string;
  firstTicket: number;
  count: number;
}

export type ShardPlan = SeatedShardPlan | GeneralShardPlan;

export function shardSize(plan: ShardPlan): number {
  return plan.kind === 'seated' ? plan.units.length : plan.count;
}

/**
 * Splits a show's inventory into shards. Seated: one shard per section, a section above
 * MAX_SEATS_PER_SHARD cut into blocks of whole rows (a party asking for adjacent seats
 * never straddles two streams). General: ticket numbers 1..capacity cut into contiguous
 * ranges, per tier, so each shard sells exactly one tier.
 */
export function planShards(show: Show, venue: Venue): ShardPlan[] {
  validateShow(show, venue);
  if (show.kind === 'seated') {
    // validateShow guarantees the seat map.
    const sections = venue.seatMap!.sections;
    const plans: ShardPlan[] = [];
    for (const section of sections) {
      for (const units of splitSection(section)) {
        plans.push({
          showId: show.id,
          shardId: `s${plans.length}`,
          kind: 'seated',
          sectionId: section.id,
          tiers: [...new Set(units.map((unit) => unit.tier))],
          units,
        });
      }
    }
    return plans;
  }
  return planGeneral(show);
}

function splitSection(section: SeatSection): SeatUnit[][] {
  const seats = expandSection(section);
  if (seats.length <= MAX_SEATS_PER_SHARD) return [seats];
  // Aim at equal blocks rather than filling each to the maximum, so the last is not a stub.
  const blocks = Math.ceil(seats.length / MAX_SEATS_PER_SHARD);
  const target = Math.ceil(seats.length / blocks);
  const result: SeatUnit[][] = [];
  let blockStart = 0;
  let blockEnd = 0;
  for (const row of section.rows) {
    const rowSeats = countRowSeats(row);
    if (blockEnd > blockStart && blockEnd - blockStart + rowSeats > target) {
      result.push(seats.slice(blockStart, blockEnd));
      blockStart = blockEnd;
    }
    blockEnd += rowSeats;
  }
  result.push(seats.slice(blockStart, blockEnd));
  return result;
}

function planGeneral(show: Show): GeneralShardPlan[] {
  const capacity = show.capacity!;
  const split: GeneralTierCapacity[] = show.generalTiers ?? [{ tier: show.tiers[0].tier, capacity }];
  const shardsPerTier = apportionShards(split, show.shardCount ?? DEFAULT_GENERAL_SHARD_COUNT, capacity);
  const plans: GeneralShardPlan[] = [];
  let nextTicket = 1;
  split.forEach(({ tier, capacity: tierCapacity }, t) => {
    const shards = shardsPerTier[t];
    const base = Math.floor(tierCapacity / shards);
    const larger = tierCapacity % shards;
    for (let i = 0; i < shards; i++) {
      const count = base + (i < larger ? 1 : 0);
      plans.push({ showId: show.id, shardId: `s${plans.length}`, kind: 'general', tier, firstTicket: nextTicket, count });
      nextTicket += count;
    }
  });
  return plans;
}

/**
 * Shards per tier in proportion to capacity (largest remainder). Every tier gets at least
 * one shard, so the total may exceed `shardCount` when there are more tiers than shards,
 * and no tier gets more shards than tickets.
 */
function apportionShards(split: GeneralTierCapacity[], shardCount: number, capacity: number): number[] {
  const ideal = split.map(({ capacity: tierCapacity }) => (shardCount * tierCapacity) / capacity);
  const shards = ideal.map((share, t) => Math.min(split[t].capacity, Math.max(1, Math.floor(share))));
  let spare = shardCount - shards.reduce((sum, n) => sum + n, 0);
  const byRemainder = ideal
    .map((share, t) => ({ t, remainder: share - Math.floor(share) }))
    .sort((a, b) => b.remainder - a.remainder || a.t - b.t);
  for (const { t } of byRemainder) {
    if (spare <= 0) break;
    if (shards[t] < split[t].capacity) {
      shards[t]++;
      spare--;
    }
  }
  return shards;
}
