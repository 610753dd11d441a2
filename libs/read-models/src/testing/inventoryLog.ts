import fc from 'fast-check';
import type { RecordedEvent } from '@app/event-store';

/**
 * Logs of allowance and inventory events for property tests of the read models: any
 * sequence, including ones the deciders would never write (a sale of an unknown hold,
 * a seat taken over from a stale hold, a release after a sale).
 */
const SHOWS = ['show-a', 'show-b'];
const SEATS = ['A-1-1', 'A-1-2', 'A-1-3', 'A-2-1', 'A-2-2', 'B-1-1'];
const TIERS = ['vip', 'regular'];

export type Op =
  | { kind: 'reserve'; hold: number; quantity: number; withMetadata: boolean }
  | { kind: 'abandon'; hold: number }
  | { kind: 'hold'; hold: number; shard: number; seats: number[]; tiers: number[] }
  | { kind: 'release' | 'expire'; hold: number; shard: number }
  | { kind: 'sell'; hold: number; shard: number; tickets: number }
  /** Either side of a capacity transfer, in any order and any number of times (a region's copy sees the clusters in its own order). */
  | { kind: 'transferOut' | 'transferIn'; transfer: number };

const hold = fc.integer({ min: 0, max: 7 });
const shard = fc.integer({ min: 0, max: 2 });
export const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('reserve' as const), hold, quantity: fc.integer({ min: 1, max: 6 }), withMetadata: fc.boolean() }),
  fc.record({ kind: fc.constant('abandon' as const), hold }),
  fc.record({
    kind: fc.constant('hold' as const),
    hold,
    shard,
    seats: fc.uniqueArray(fc.integer({ min: 0, max: SEATS.length - 1 }), { maxLength: 3 }),
    tiers: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 0, maxLength: 2 }),
  }),
  fc.record({ kind: fc.constantFrom('release' as const, 'expire' as const), hold, shard }),
  fc.record({ kind: fc.constant('sell' as const), hold, shard, tickets: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constantFrom('transferOut' as const, 'transferIn' as const), transfer: fc.integer({ min: 0, max: 3 }) }),
);

export function toEvents(ops: Op[]): RecordedEvent[] {
  const showOf = (h: number) => SHOWS[h % SHOWS.length];
  return ops.map((o, i) => {
    const at = new Date(Date.UTC(2027, 0, 1, 12, 0, i));
    const h = 'hold' in o ? o.hold : 0;
    const holdId = `hold-${h}`;
    const customerId = `customer-${h % 3}`;
    const showId = showOf(h);
    const base = { id: `event-${i}`, streamRevision: BigInt(i), position: BigInt(i + 1), created: at };
    switch (o.kind) {
      case 'reserve':
        return {
          ...base,
          streamId: `allowance-${showId}-${customerId}`,
          type: 'AllowanceReserved',
          data: { holdId, quantity: o.quantity, expiresAt: new Date(at.getTime() + 600_000).toISOString(), at: at.toISOString() },
          metadata: o.withMetadata ? { showId, customerId } : {},
        };
      case 'abandon':
        return { ...base, streamId: `allowance-${showId}-${customerId}`, type: 'AllowanceReleased', data: { holdId, at: at.toISOString(), reason: 'failed' }, metadata: { showId, customerId } };
      case 'hold': {
        const tierCounts = Object.fromEntries(o.tiers.map((n, t) => [TIERS[t], n]));
        return {
          ...base,
          streamId: `inventory-${showId}-${o.shard}`,
          type: 'SeatsHeld',
          data: {
            holdId,
            showId,
            shardId: String(o.shard),
            customerId,
            ...(o.seats.length ? { seatIds: o.seats.map((s) => SEATS[s]) } : { ticketNumbers: [i * 10 + 1, i * 10 + 2] }),
            tierCounts,
            heldAt: at.toISOString(),
            expiresAt: new Date(at.getTime() + 600_000 + i).toISOString(),
          },
          metadata: { showId, shardId: String(o.shard) },
        };
      }
      case 'release':
      case 'expire':
        return {
          ...base,
          streamId: `inventory-${showId}-${o.shard}`,
          type: o.kind === 'release' ? 'HoldReleased' : 'HoldExpired',
          data: o.kind === 'release' ? { holdId, customerId, releasedAt: at.toISOString(), reason: 'customer' } : { holdId, customerId, expiredAt: at.toISOString() },
          // Events written before the shard was in the metadata: the shard comes from the stream's name.
          metadata: i % 2 ? { showId, shardId: String(o.shard) } : { showId },
        };
      case 'sell':
        return {
          ...base,
          streamId: `inventory-${showId}-${o.shard}`,
          type: 'TicketsSold',
          data: {
            holdId,
            orderId: `order-${i}`,
            customerId,
            soldAt: at.toISOString(),
            tickets: Array.from({ length: o.tickets }, (_, t) => ({ ticketId: `ticket-${i}-${t}`, seatId: t % 2 ? SEATS[t] : undefined, ticketNumber: t % 2 ? undefined : t, tier: TIERS[t % 2], price: 5000, currency: 'EUR' })),
          },
          metadata: { showId, shardId: String(o.shard) },
        };
      case 'transferOut':
      case 'transferIn': {
        // One transfer id always names the same move (the deciders never reuse one).
        const transferId = `transfer-${o.transfer}`;
        const [from, to, count, show] = [String(o.transfer % 3), String((o.transfer + 1) % 3), o.transfer + 1, SHOWS[o.transfer % SHOWS.length]];
        const tickets = [{ first: 1000 + o.transfer * 10, count }];
        const out = o.kind === 'transferOut';
        return {
          ...base,
          streamId: `inventory-${show}-${out ? from : to}`,
          type: out ? 'CapacityTransferredOut' : 'CapacityTransferredIn',
          data: out
            ? { transferId, showId: show, shardId: from, toShard: to, tier: 'regular', tickets, count, at: at.toISOString() }
            : { transferId, showId: show, shardId: to, fromShard: from, tier: 'regular', tickets, count, at: at.toISOString() },
          metadata: { showId: show, shardId: out ? from : to },
        };
      }
    }
  });
}
