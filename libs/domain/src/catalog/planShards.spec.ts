import { demoFestivalShow, demoVenues, stadiumSeatMap } from '../fixtures/demoVenues';
import type { Show, Venue } from './catalogEntities';
import { countSeats } from './countSeats';
import { expandSection } from './expandSection';
import { inventoryStream } from './inventoryStream';
import { MAX_SEATS_PER_SHARD, planShards, shardSize, type GeneralShardPlan, type SeatedShardPlan } from './planShards';

const stadium: Venue = { id: 'venue-stadium', cityId: 'c', name: 'Stadium', kind: 'stadium', seatMap: stadiumSeatMap };
const stadiumShow: Show = {
  id: 'show-final',
  eventId: 'e',
  venueId: 'venue-stadium',
  startsAt: '2026-07-19T19:00:00Z',
  kind: 'seated',
  tiers: ['vip', 'regular', 'economy'].map((tier, i) => ({ tier, price: 20_000 - i * 5_000, currency: 'GBP' })),
};
const festivalGrounds = demoVenues.find((venue) => venue.id === demoFestivalShow.venueId)!;

describe('planShards for a 200,000-seat stadium', () => {
  const plans = planShards(stadiumShow, stadium) as SeatedShardPlan[];

  it('is planned from a compact map of a few thousand row entries', () => {
    expect(countSeats(stadiumSeatMap)).toBe(200_000);
    expect(stadiumSeatMap.sections.reduce((rows, section) => rows + section.rows.length, 0)).toBeLessThan(4_000);
  });

  it('keeps every shard at or below the shard size', () => {
    expect(Math.max(...plans.map(shardSize))).toBeLessThanOrEqual(MAX_SEATS_PER_SHARD);
  });

  it('covers every seat exactly once, in map order', () => {
    const planned = plans.flatMap((plan) => plan.units.map((unit) => unit.seatId));
    const mapped = stadiumSeatMap.sections.flatMap((section) => expandSection(section).map((seat) => seat.seatId));
    expect(planned.length).toBe(200_000);
    expect(new Set(planned).size).toBe(200_000);
    expect(planned.every((seatId, i) => seatId === mapped[i])).toBe(true);
  });

  it('gives each section of up to 5,000 seats one shard, and cuts bigger ones into even blocks of whole rows', () => {
    // 64 side sections of 2,750 seats; the two 12,000-seat end stands become 3 blocks of 20 rows each.
    expect(plans).toHaveLength(64 + 2 * 3);
    const north = plans.filter((plan) => plan.sectionId === 'N');
    expect(north.map(shardSize)).toEqual([4_000, 4_000, 4_000]);
    for (const plan of plans) {
      const rows = new Set(plan.units.map((unit) => unit.rowIndex));
      const others = plans.filter((other) => other !== plan && other.sectionId === plan.sectionId);
      expect(others.some((other) => other.units.some((unit) => rows.has(unit.rowIndex)))).toBe(false);
    }
  });

  it('numbers shards s0.. in map order and lists their tiers', () => {
    expect(plans.map((plan) => plan.shardId)).toEqual(plans.map((_, i) => `s${i}`));
    expect(plans[0]).toMatchObject({ showId: 'show-final', sectionId: 'N', tiers: ['regular'] });
    expect(plans[3]).toMatchObject({ sectionId: 'W101', tiers: ['vip', 'regular', 'economy'] });
  });
});

describe('planShards for a 1,000,000-ticket festival', () => {
  const plans = planShards(demoFestivalShow, festivalGrounds) as GeneralShardPlan[];

  it('splits the tickets into 64 contiguous ranges covering 1..1,000,000 exactly once', () => {
    expect(plans).toHaveLength(64);
    let next = 1;
    for (const plan of plans) {
      expect(plan.firstTicket).toBe(next);
      next += plan.count;
    }
    expect(next - 1).toBe(1_000_000);
  });

  it('cuts the ranges per tier, in proportion to the tier capacities, so each shard sells one tier', () => {
    const regular = plans.filter((plan) => plan.tier === 'regular');
    const vip = plans.filter((plan) => plan.tier === 'vip');
    expect([regular.length, vip.length]).toEqual([58, 6]);
    expect(regular.reduce((sum, plan) => sum + plan.count, 0)).toBe(900_000);
    expect(vip[0].firstTicket).toBe(900_001);
    for (const tier of [regular, vip]) {
      const sizes = tier.map((plan) => plan.count);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });

  it('stays compact: ranges, never a million ticket objects', () => {
    expect(plans[0]).toEqual({ showId: demoFestivalShow.id, shardId: 's0', kind: 'general', tier: 'regular', firstTicket: 1, count: 15_518 });
  });

  it('defaults to 64 shards and honours 1', () => {
    const { shardCount: _, ...withoutCount } = demoFestivalShow;
    expect(planShards(withoutCount, festivalGrounds)).toHaveLength(64);
    const single = { ...demoFestivalShow, shardCount: 1, generalTiers: undefined, tiers: [demoFestivalShow.tiers[0]] };
    expect(planShards(single, festivalGrounds)).toEqual([
      { showId: demoFestivalShow.id, shardId: 's0', kind: 'general', tier: 'regular', firstTicket: 1, count: 1_000_000 },
    ]);
  });

  it('gives every tier a shard even with fewer shards than tiers', () => {
    const plans2 = planShards({ ...demoFestivalShow, shardCount: 1 }, festivalGrounds) as GeneralShardPlan[];
    expect(plans2.map((plan) => [plan.tier, plan.count])).toEqual([
      ['regular', 900_000],
      ['vip', 100_000],
    ]);
  });

  it('never makes an empty shard when there are more shards than tickets', () => {
    const tiny = { ...demoFestivalShow, capacity: 5, generalTiers: [{ tier: 'regular', capacity: 4 }, { tier: 'vip', capacity: 1 }] };
    expect((planShards(tiny, festivalGrounds) as GeneralShardPlan[]).map((plan) => plan.count)).toEqual([1, 1, 1, 1, 1]);
  });

  it('validates the show first', () => {
    expect(() => planShards({ ...demoFestivalShow, shardCount: 2048 }, festivalGrounds)).toThrow(expect.objectContaining({ code: 'invalid_request' }));
  });
});

describe('inventoryStream', () => {
  it('names one stream per shard', () => {
    expect(inventoryStream('show-final', 's12')).toBe('inventory-show-final-s12');
  });
});
