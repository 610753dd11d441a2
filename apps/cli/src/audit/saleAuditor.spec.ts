import type { RecordedEvent } from '@app/event-store';
import { SaleAuditor, type AuditReport, type ReadModelCounts } from './saleAuditor';

const SHOW = 'show-1';
const SHARD = `inventory-${SHOW}-s0`;
const T0 = Date.parse('2027-01-15T09:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

/** A tiny log builder: each call is the next event in the global log. */
function log() {
  const events: RecordedEvent[] = [];
  const add = (streamId: string, type: string, data: unknown, metadata: Record<string, unknown> = { showId: SHOW, shardId: 's0' }) => {
    events.push({ id: `e${events.length + 1}`, streamId, type, data, metadata, streamRevision: 0n, position: BigInt(events.length + 1), created: new Date(T0) });
    return builder;
  };
  const builder = {
    events,
    scheduled: (maxTicketsPerCustomer = 4) =>
      add(`catalog-show-${SHOW}`, 'ShowScheduled', { id: SHOW, eventId: 'e', venueId: 'v', startsAt: iso(T0), kind: 'seated', holdSeconds: 600, maxTicketsPerCustomer, tiers: [] }, {}),
    held: (holdId: string, customerId: string, seatIds: string[], stream = SHARD) =>
      add(stream, 'SeatsHeld', { holdId, showId: SHOW, shardId: 's0', customerId, seatIds, tierCounts: { vip: seatIds.length }, heldAt: iso(T0), expiresAt: iso(T0 + 600_000) }),
    heldNumbers: (holdId: string, customerId: string, ticketNumbers: number[]) =>
      add(SHARD, 'SeatsHeld', { holdId, showId: SHOW, shardId: 's0', customerId, ticketNumbers, tier: 'ga', tierCounts: { ga: ticketNumbers.length }, heldAt: iso(T0), expiresAt: iso(T0 + 600_000) }),
    released: (holdId: string, customerId: string) => add(SHARD, 'HoldReleased', { holdId, customerId, releasedAt: iso(T0 + 1_000), reason: 'customer' }),
    transfer: (side: 'Out' | 'In', transferId: string, first: number, count: number, from = 's0', to = 's1') =>
      add(`inventory-${SHOW}-${side === 'Out' ? from : to}`, `CapacityTransferred${side}`, {
        transferId,
        showId: SHOW,
        shardId: side === 'Out' ? from : to,
        ...(side === 'Out' ? { toShard: to } : { fromShard: from }),
        tier: 'ga',
        tickets: [{ first, count }],
        count,
        at: iso(T0),
      }),
    expired: (holdId: string, customerId: string) => add(SHARD, 'HoldExpired', { holdId, customerId, expiredAt: iso(T0 + 600_000) }),
    sold: (holdId: string, customerId: string, units: Array<string | number>, options: { soldAt?: number; stream?: string; ticketIds?: string[] } = {}) =>
      add(options.stream ?? SHARD, 'TicketsSold', {
        holdId,
        orderId: `order-${holdId}`,
        customerId,
        soldAt: iso(options.soldAt ?? T0 + 2_000),
        tickets: units.map((unit, i) => ({
          ticketId: options.ticketIds?.[i] ?? `ticket-${holdId}-${i}`,
          ...(typeof unit === 'string' ? { seatId: unit } : { ticketNumber: unit }),
          tier: typeof unit === 'string' ? 'vip' : 'ga',
          price: 100,
          currency: 'EUR',
        })),
      }),
  };
  return builder;
}

function audit(events: RecordedEvent[], options: ConstructorParameters<typeof SaleAuditor>[0] = {}): AuditReport {
  const auditor = new SaleAuditor(options);
  for (const event of events) auditor.add(event);
  return auditor.report();
}

const kinds = (report: AuditReport) => report.violations.map((v) => v.kind);

describe('SaleAuditor', () => {
  it('passes a clean log and counts what it read', () => {
    const l = log().scheduled().held('h1', 'alice', ['A-1-1', 'A-1-2']).sold('h1', 'alice', ['A-1-1', 'A-1-2']).held('h2', 'bob', ['A-1-3']).released('h2', 'bob');
    l.held('h3', 'carol', ['A-1-3']).sold('h3', 'carol', ['A-1-3']);
    const report = audit(l.events);
    expect(report).toMatchObject({ ok: true, eventsRead: 7, showsScheduled: 1, holds: 3, ticketsSold: 3, violationCount: 0 });
    expect(report.shows).toEqual([{ showId: SHOW, tickets: 3, holds: 3, customers: 2, maxTicketsPerCustomer: 4 }]);
  });

  it('reads check-ins and refunds without a violation: a refunded seat is still sold once, not resold', () => {
    const l = log().scheduled().held('h1', 'alice', ['A-1-1', 'A-1-2']).sold('h1', 'alice', ['A-1-1', 'A-1-2']);
    const ids = { orderId: 'order-h1', showId: SHOW, shardId: 's0' };
    l.events.push(
      { ...l.events[2], id: 'e4', type: 'TicketAdmitted', data: { ...ids, ticketId: 'ticket-h1-0', gate: 'North 1', admittedAt: iso(T0 + 5_000) }, position: 4n },
      { ...l.events[2], id: 'e5', type: 'TicketsRefunded', data: { ...ids, customerId: 'alice', ticketIds: ['ticket-h1-1'], refundedAt: iso(T0 + 6_000) }, position: 5n },
    );
    expect(audit(l.events)).toMatchObject({ ok: true, eventsRead: 5, ticketsSold: 2, violationCount: 0 });
  });

  it('names the ticket when a seat is sold twice', () => {
    const l = log().scheduled().held('h1', 'alice', ['A-1-1']).sold('h1', 'alice', ['A-1-1']);
    l.held('h2', 'bob', ['A-1-1']).sold('h2', 'bob', ['A-1-1'], { ticketIds: ['forged-ticket'] });
    const report = audit(l.events);
    expect(report.ok).toBe(false);
    expect(report.violations).toEqual([expect.objectContaining({ kind: 'seat_sold_twice', ticketId: 'forged-ticket', seatId: 'A-1-1', position: '5' })]);
    expect(report.violations[0].message).toContain('forged-ticket');
  });

  it('finds a general-admission ticket number sold twice, and a ticket id sold twice', () => {
    const l = log().scheduled().heldNumbers('h1', 'alice', [7, 8]).sold('h1', 'alice', [7, 8]);
    l.heldNumbers('h2', 'bob', [8]).sold('h2', 'bob', [8], { ticketIds: ['ticket-h1-0'] });
    const report = audit(l.events);
    expect(kinds(report)).toEqual(['ticket_id_sold_twice', 'ticket_number_sold_twice']);
    expect(report.violations[1]).toMatchObject({ ticketNumber: 8, ticketId: 'ticket-h1-0' });
  });

  it('refuses sales that did not come from a live hold of the same customer on that shard', () => {
    const l = log().scheduled();
    l.sold('ghost', 'alice', ['A-1-1']);
    l.held('h1', 'alice', ['A-1-2']).sold('h1', 'mallory', ['A-1-2']);
    l.held('h2', 'bob', ['A-1-3']).released('h2', 'bob').sold('h2', 'bob', ['A-1-3']);
    l.held('h3', 'carol', ['A-1-4']).expired('h3', 'carol').sold('h3', 'carol', ['A-1-4']);
    l.held('h4', 'dave', ['A-1-5']).sold('h4', 'dave', ['A-1-5'], { soldAt: T0 + 600_000 });
    l.held('h5', 'erin', ['A-1-6'], `inventory-${SHOW}-s1`).sold('h5', 'erin', ['A-1-6']);
    expect(kinds(audit(l.events))).toEqual(['sale_without_hold', 'sale_by_other_customer', 'sale_of_ended_hold', 'sale_of_ended_hold', 'sale_after_expiry', 'sale_without_hold']);
  });

  it('finds a hold sold twice and a ticket for a seat the hold did not have', () => {
    const l = log().scheduled().held('h1', 'alice', ['A-1-1']).sold('h1', 'alice', ['A-1-9']);
    l.sold('h1', 'alice', ['A-1-1'], { ticketIds: ['again'] });
    expect(kinds(audit(l.events))).toEqual(['unit_not_in_hold', 'hold_sold_twice']);
  });

  it('names the first ticket over the customer limit', () => {
    const l = log().scheduled(2).held('h1', 'alice', ['A-1-1', 'A-1-2']).sold('h1', 'alice', ['A-1-1', 'A-1-2']);
    l.held('h2', 'alice', ['A-1-3']).sold('h2', 'alice', ['A-1-3']);
    const report = audit(l.events);
    expect(report.violations).toEqual([expect.objectContaining({ kind: 'over_customer_limit', ticketId: 'ticket-h2-0', customerId: 'alice' })]);
  });

  it('checks one show only when asked', () => {
    const l = log().held('h1', 'alice', ['A-1-1']).sold('h1', 'alice', ['A-1-1']);
    expect(audit(l.events, { showId: 'another-show' })).toMatchObject({ ok: true, ticketsSold: 0 });
    expect(kinds(audit(l.events, { showId: SHOW }))).toEqual(['sale_for_unknown_show']);
  });

  it('compares the read models with the log up to their checkpoints', () => {
    const l = log().scheduled().held('h1', 'alice', ['A-1-1']).sold('h1', 'alice', ['A-1-1']).held('h2', 'bob', ['A-1-2']).sold('h2', 'bob', ['A-1-2']);
    // The read models are at position 3: they have seen the first sale only.
    const agreeing: ReadModelCounts = { salesPosition: 3n, salesTickets: new Map([[SHOW, 1]]), remainingPosition: 3n, soldByTier: new Map([[SHOW, new Map([['vip', 1]])]]) };
    expect(audit(l.events, { readModels: agreeing })).toMatchObject({ ok: true, readModels: 'compared' });
    const behind: ReadModelCounts = { ...agreeing, salesPosition: 5n, soldByTier: new Map([[SHOW, new Map([['vip', 2]])]]) };
    const report = audit(l.events, { readModels: behind });
    expect(kinds(report)).toEqual(['read_model_mismatch', 'read_model_mismatch']);
    expect(report.violations[0].message).toContain('the sales table holds 1 tickets, the log sold 2');
  });

  it('checks capacity transfers: each Out has exactly one In with the same tickets, and no In comes from nowhere', () => {
    const clean = log().scheduled().transfer('In', 't1', 51, 10).transfer('Out', 't1', 51, 10);
    expect(audit(clean.events)).toMatchObject({ ok: true, transfers: 1 });
    const broken = log()
      .scheduled()
      .transfer('Out', 't1', 51, 10)
      .transfer('Out', 't2', 41, 10)
      .transfer('In', 't2', 41, 9)
      .transfer('In', 't3', 31, 10)
      .transfer('Out', 't4', 21, 10)
      .transfer('In', 't4', 21, 10)
      .transfer('In', 't4', 21, 10);
    expect(kinds(audit(broken.events)).sort()).toEqual(['transfer_in_without_out', 'transfer_mismatch', 'transfer_twice', 'transfer_without_in']);
  });
});
