import type { Show, Venue } from '../catalog/catalogEntities';
import { planShards, type GeneralShardPlan, type SeatedShardPlan } from '../catalog/planShards';
import type { HoldExpired, HoldReleased, SeatsHeld, TicketsSold } from '../inventory/inventoryEvents';

/**
 * A tiny seated section and a tiny general-admission show for the inventory specs,
 * small enough that every expected seat can be read off the picture:
 *
 *   row 1  vip      seats 1-10           units  0-9
 *   row 2  regular  seats 1-10           units 10-19
 *   row 3  regular  seats 1-4 | 7-12     units 20-29  (an aisle where 5-6 would be)
 *   row 4  economy  seats 1-6            units 30-35
 */
export const T0 = Date.parse('2026-06-01T18:00:00.000Z');
export const HOLD_SECONDS = 600;
export const HOLD_MS = HOLD_SECONDS * 1000;
export const iso = (ms: number): string => new Date(ms).toISOString();

export const smallHall: Venue = {
  id: 'venue-small',
  cityId: 'city-1',
  name: 'Small hall',
  kind: 'theatre',
  seatMap: {
    sections: [
      {
        id: 'A',
        name: 'Stalls',
        x: 0,
        y: 0,
        width: 100,
        height: 40,
        rows: [
          { row: '1', seats: 10, tier: 'vip' },
          { row: '2', seats: 10, tier: 'regular' },
          { row: '3', seats: [{ from: 1, to: 4 }, { from: 7, to: 12 }], tier: 'regular' },
          { row: '4', seats: 6, tier: 'economy' },
        ],
      },
    ],
  },
};

export const PRICES = {
  vip: { price: 9_000, currency: 'EUR' },
  regular: { price: 5_000, currency: 'EUR' },
  economy: { price: 2_500, currency: 'EUR' },
};

export const smallHallShow: Show = {
  id: 'show-small',
  eventId: 'event-1',
  venueId: 'venue-small',
  startsAt: '2026-06-01T20:00:00Z',
  kind: 'seated',
  tiers: Object.entries(PRICES).map(([tier, { price, currency }]) => ({ tier, price, currency })),
};

export const seatedPlan = planShards(smallHallShow, smallHall)[0] as SeatedShardPlan;

export const fieldVenue: Venue = { id: 'venue-field', cityId: 'city-1', name: 'Field', kind: 'festival' };

/** 100 tickets: 1-60 regular in shard s0, 61-100 vip in shard s1. */
export const smallFestivalShow: Show = {
  id: 'show-fest',
  eventId: 'event-2',
  venueId: 'venue-field',
  startsAt: '2026-07-01T12:00:00Z',
  kind: 'general',
  tiers: [
    { tier: 'regular', price: 10_000, currency: 'EUR' },
    { tier: 'vip', price: 30_000, currency: 'EUR' },
  ],
  capacity: 100,
  generalTiers: [
    { tier: 'regular', capacity: 60 },
    { tier: 'vip', capacity: 40 },
  ],
  shardCount: 2,
};

const [regular, vip] = planShards(smallFestivalShow, fieldVenue) as GeneralShardPlan[];
export const regularPlan = regular;
export const vipPlan = vip;

/**
 * Units per tier of smallHall seats, read off the venue's own row declarations (row 1 vip,
 * rows 2-3 regular, row 4 economy), not off the shard layout the decider uses, so the
 * expected `tierCounts` of a spec does not come from the code it checks.
 */
export function tierCountsOf(seatIds: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const seatId of seatIds) {
    const [sectionId, rowName] = seatId.split('-');
    const row = smallHall.seatMap?.sections.find((section) => section.id === sectionId)?.rows.find((r) => r.row === rowName);
    if (!row) throw new Error(`fixture: ${seatId} is not a seat of smallHall`);
    counts[row.tier] = (counts[row.tier] ?? 0) + 1;
  }
  return counts;
}

export function seatsHeld(holdId: string, customerId: string, seatIds: string[], at = T0, holdSeconds = HOLD_SECONDS): SeatsHeld {
  return {
    type: 'SeatsHeld',
    data: {
      holdId,
      showId: 'show-small',
      shardId: 's0',
      customerId,
      seatIds,
      tierCounts: tierCountsOf(seatIds),
      heldAt: iso(at),
      expiresAt: iso(at + holdSeconds * 1000),
    },
  };
}

export function ticketsHeld(holdId: string, customerId: string, ticketNumbers: number[], at = T0, plan: GeneralShardPlan = regularPlan): SeatsHeld {
  return {
    type: 'SeatsHeld',
    data: {
      holdId,
      showId: 'show-fest',
      shardId: plan.shardId,
      customerId,
      ticketNumbers,
      tier: plan.tier,
      // A general-admission shard sells one tier: every number held is of it.
      tierCounts: { [plan.tier]: ticketNumbers.length },
      heldAt: iso(at),
      expiresAt: iso(at + HOLD_MS),
    },
  };
}

export function holdReleased(holdId: string, customerId: string, at: number, reason: HoldReleased['data']['reason'] = 'customer'): HoldReleased {
  return { type: 'HoldReleased', data: { holdId, customerId, releasedAt: iso(at), reason } };
}

export function holdExpired(holdId: string, customerId: string, at: number): HoldExpired {
  return { type: 'HoldExpired', data: { holdId, customerId, expiredAt: iso(at) } };
}

export function ticketsSold(holdId: string, orderId: string, customerId: string, at: number, tickets: TicketsSold['data']['tickets']): TicketsSold {
  return { type: 'TicketsSold', data: { holdId, orderId, customerId, soldAt: iso(at), tickets } };
}

/** Seat ids 'A-<row>-<n>' for the given numbers. */
export const seats = (row: number, ...numbers: number[]): string[] => numbers.map((n) => `A-${row}-${n}`);
export const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);
