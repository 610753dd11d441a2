import { randomUUID } from 'node:crypto';
import type { AllowanceReleased, AllowanceReserved } from '../allowance/allowanceEvents';
import { allowanceStream } from '../allowance/allowanceStream';
import type { Show, Venue } from '../catalog/catalogEntities';
import type { CatalogEvent } from '../catalog/catalogEvents';
import { inventoryStream } from '../catalog/inventoryStream';
import { planShards, type GeneralShardPlan } from '../catalog/planShards';
import type { InventoryEvent, SoldTicket } from '../inventory/inventoryEvents';

/** An event as it goes into a stream, with the metadata the event catalogue gives it. */
export interface LogEvent {
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
}

/** Appends that may run concurrently: each stream appears once, its events in order. */
export type LogRound = Map<string, LogEvent[]>;

export interface SalesLogOptions {
  showId?: string;
  /** Holds to make; every one becomes a sale unless released or expired below. */
  holds: number;
  /** Tickets per hold, 1..maxTicketsPerCustomer. */
  ticketsPerHold: number;
  shardCount?: number;
  /** Every n-th hold is released by its customer instead of bought (0: none). */
  releaseEvery?: number;
  /** Every n-th hold runs out unpaid (0: none). */
  expireEvery?: number;
  /** Holds in flight together: one round of appends each for reserve, hold, outcome. */
  holdsPerRound?: number;
  startMs?: number;
}

export interface SalesLog {
  show: Show;
  /** Catalog first, then holds and their outcomes, in rounds. */
  rounds: Iterable<LogRound>;
  ticketsSold(): number;
}

/**
 * A realistic log for one general-admission show, written as events directly (far
 * faster than through the deciders, for logs of a million tickets): each hold reserves
 * the customer's allowance, takes the next ticket numbers of one shard, and then is
 * bought, released or left to expire. Each customer holds once, so the per-customer
 * limit holds; ticket numbers are never handed out twice. For benchmarks and for
 * tests that need a big log.
 */
export function generalAdmissionSalesLog(options: SalesLogOptions): SalesLog {
  const showId = options.showId ?? `show-${randomUUID().slice(0, 8)}`;
  const shardCount = options.shardCount ?? 16;
  const perHold = options.ticketsPerHold;
  const suffix = showId;
  const venue: Venue = { id: `venue-${suffix}`, cityId: `city-${suffix}`, name: 'Field', kind: 'festival' };
  const show: Show = {
    id: showId,
    eventId: `event-${suffix}`,
    venueId: venue.id,
    startsAt: '2027-07-01T12:00:00.000Z',
    kind: 'general',
    holdSeconds: 600,
    maxTicketsPerCustomer: Math.max(10, perHold),
    tiers: [{ tier: 'regular', price: 12_000, currency: 'EUR' }],
    // Room for a partly filled last hold in every shard.
    capacity: (options.holds + shardCount) * perHold,
    shardCount,
  };
  let sold = 0;

  function* rounds(): Generator<LogRound> {
    const catalog: Array<[string, CatalogEvent]> = [
      [`catalog-city-${venue.cityId}`, { type: 'CityCreated', data: { id: venue.cityId, name: 'City', country: 'NL', timeZone: 'Europe/Amsterdam' } }],
      [`catalog-venue-${venue.id}`, { type: 'VenueCreated', data: venue }],
      [`catalog-performer-performer-${suffix}`, { type: 'PerformerCreated', data: { id: `performer-${suffix}`, name: 'Band' } }],
      [`catalog-event-${show.eventId}`, { type: 'EventCreated', data: { id: show.eventId, name: 'Fest', description: 'Live', category: 'festival', performerId: `performer-${suffix}` } }],
      [`catalog-show-${showId}`, { type: 'ShowScheduled', data: show }],
    ];
    // One round each: the projection reads the venue before the show.
    for (const [stream, event] of catalog) yield new Map([[stream, [{ ...event, metadata: {} }]]]);

    const shards = planShards({ ...show, maxTicketsPerCustomer: show.maxTicketsPerCustomer!, holdSeconds: show.holdSeconds! }, venue) as GeneralShardPlan[];
    const nextNumber = shards.map((s) => s.firstTicket);
    const price = show.tiers[0];
    const perRound = options.holdsPerRound ?? 500;
    const t0 = options.startMs ?? Date.parse('2027-01-15T09:00:00.000Z');
    for (let first = 0; first < options.holds; first += perRound) {
      const reserve: LogRound = new Map();
      const hold: LogRound = new Map();
      const outcome: LogRound = new Map();
      const giveBack: LogRound = new Map();
      for (let i = first; i < Math.min(options.holds, first + perRound); i++) {
        const customerId = `customer-${i}`;
        const holdId = randomUUID();
        // Pick a shard with room; capacity is sized so one always has.
        let s = i % shards.length;
        for (let tried = 0; nextNumber[s] + perHold > shards[s].firstTicket + shards[s].count; tried++) {
          if (tried === shards.length) throw new Error('every shard is full');
          s = (s + 1) % shards.length;
        }
        const shard = shards[s];
        const ticketNumbers = Array.from({ length: perHold }, (_, k) => nextNumber[s] + k);
        nextNumber[s] += perHold;
        const heldAt = t0 + i * 10;
        const expiresAt = heldAt + show.holdSeconds! * 1000;
        const customerStream = allowanceStream(showId, customerId);
        const shardStream = inventoryStream(showId, shard.shardId);
        const inventoryMeta = { showId, shardId: shard.shardId };
        const allowanceMeta = { showId, customerId };
        const reserved: AllowanceReserved = { type: 'AllowanceReserved', data: { holdId, quantity: perHold, expiresAt: iso(expiresAt), at: iso(heldAt) } };
        push(reserve, customerStream, { ...reserved, metadata: allowanceMeta });
        const held: InventoryEvent = {
          type: 'SeatsHeld',
          data: { holdId, showId, shardId: shard.shardId, customerId, ticketNumbers, tier: shard.tier, tierCounts: { [shard.tier]: perHold }, heldAt: iso(heldAt), expiresAt: iso(expiresAt) },
        };
        push(hold, shardStream, { ...held, metadata: inventoryMeta });
        const n = i + 1;
        if (options.releaseEvery && n % options.releaseEvery === 0) {
          push(outcome, shardStream, { type: 'HoldReleased', data: { holdId, customerId, releasedAt: iso(heldAt + 5_000), reason: 'customer' }, metadata: inventoryMeta });
          push(giveBack, customerStream, { ...released(holdId, heldAt + 5_000, 'released'), metadata: allowanceMeta });
        } else if (options.expireEvery && n % options.expireEvery === 0) {
          push(outcome, shardStream, { type: 'HoldExpired', data: { holdId, customerId, expiredAt: iso(expiresAt) }, metadata: inventoryMeta });
          push(giveBack, customerStream, { ...released(holdId, expiresAt, 'expired'), metadata: allowanceMeta });
        } else {
          const orderId = randomUUID();
          const tickets: SoldTicket[] = ticketNumbers.map((ticketNumber) => ({ ticketId: randomUUID(), ticketNumber, tier: shard.tier, price: price.price, currency: price.currency }));
          push(outcome, shardStream, { type: 'TicketsSold', data: { holdId, orderId, customerId, soldAt: iso(heldAt + 2_000), tickets }, metadata: inventoryMeta });
          sold += perHold;
        }
      }
      for (const round of [reserve, hold, outcome, giveBack]) if (round.size > 0) yield round;
    }
  }

  return { show, rounds: { [Symbol.iterator]: rounds }, ticketsSold: () => sold };
}

function push(round: LogRound, stream: string, event: LogEvent): void {
  const events = round.get(stream);
  if (events) events.push(event);
  else round.set(stream, [event]);
}

function released(holdId: string, at: number, reason: AllowanceReleased['data']['reason']): AllowanceReleased {
  return { type: 'AllowanceReleased', data: { holdId, at: iso(at), reason } };
}

const iso = (ms: number): string => new Date(ms).toISOString();
