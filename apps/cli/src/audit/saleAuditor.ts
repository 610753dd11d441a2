import { withShowDefaults, type HoldExpired, type HoldReleased, type SeatsHeld, type Show, type TicketsSold } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import type { ReadModelCounts } from '@app/read-models';
import { NumberSet } from './numberSet';
import { showOfSale } from './soldTickets';
import { TransferAuditor, type TransferViolationKind } from './transferAuditor';

export type ViolationKind =
  | 'ticket_id_sold_twice'
  | 'seat_sold_twice'
  | 'ticket_number_sold_twice'
  | 'sale_without_hold'
  | 'sale_by_other_customer'
  | 'sale_of_ended_hold'
  | 'sale_after_expiry'
  | 'hold_sold_twice'
  | 'unit_not_in_hold'
  | 'over_customer_limit'
  | 'sale_for_unknown_show'
  | 'invalid_sale'
  | 'read_model_mismatch'
  | TransferViolationKind;

export interface Violation {
  kind: ViolationKind;
  showId: string;
  message: string;
  /** Where in the log the offending sale is (absent for read-model mismatches). */
  position?: string;
  ticketId?: string;
  seatId?: string;
  ticketNumber?: number;
  holdId?: string;
  orderId?: string;
  customerId?: string;
}

/** What the read models say, with the log position each reflects; their library reads it. */
export type { ReadModelCounts };

export interface ShowSummary {
  showId: string;
  tickets: number;
  holds: number;
  customers: number;
  maxTicketsPerCustomer?: number;
}

export interface AuditReport {
  eventsRead: number;
  lastPosition: string;
  showsScheduled: number;
  holds: number;
  ticketsSold: number;
  /** Capacity transfers seen (each checked: one Out, one In, the same tickets). */
  transfers: number;
  shows: ShowSummary[];
  /** Every violation up to `maxListed`; `violationCount` counts them all. */
  violations: Violation[];
  violationCount: number;
  readModels: 'compared' | 'not_compared';
  ok: boolean;
}

const ACTIVE = 0;
const RELEASED = 1;
const EXPIRED = 2;
const SOLD = 3;
const STATUS_NAME = ['active', 'released', 'expired', 'sold'];

interface HoldRecord {
  customerId: string;
  expiresAt: number;
  status: number;
  /** The seats or ticket numbers held; dropped once the hold has ended, to keep memory flat. */
  units: Array<string | number> | undefined;
}

interface ShowAudit {
  seats: Set<string>;
  numbers: NumberSet;
  holds: number;
  tickets: number;
  soldByTier: Map<string, number>;
  perCustomer: Map<string, number>;
  /** Counts as of the read models' checkpoints. */
  ticketsAtSalesPosition: number;
  soldByTierAtRemainingPosition: Map<string, number>;
}

/**
 * Replays the sold-ticket log, straight from the event store, and checks what must
 * never happen: a ticket, seat or ticket number sold twice in a show; a sale that did
 * not come from a live hold of the same customer on the same shard; a customer above
 * the show's limit; read models whose counts differ from the log. Feed it every event
 * in log order (`add`), then ask for the `report`. Memory grows with holds and tickets
 * (strings in sets, a bitset per general-admission show), not with the log.
 */
export class SaleAuditor {
  private eventsRead = 0;
  private lastPosition = 0n;
  private readonly limits = new Map<string, number>();
  private readonly shows = new Map<string, ShowAudit>();
  private readonly ticketIds = new Set<string>();
  /** Per shard stream, its holds. */
  private readonly holds = new Map<string, Map<string, HoldRecord>>();
  private readonly violations: Violation[] = [];
  private violationCount = 0;
  private holdCount = 0;
  private ticketCount = 0;
  private readonly transfers = new TransferAuditor();

  constructor(
    private readonly options: {
      /** Only this show's events are checked. */
      showId?: string;
      /** The read models' counts, to compare with the log. */
      readModels?: ReadModelCounts;
      maxListed?: number;
    } = {},
  ) {}

  add(event: RecordedEvent): void {
    this.eventsRead++;
    this.lastPosition = event.position;
    switch (event.type) {
      case 'ShowScheduled': {
        const show = event.data as Show;
        if (this.wants(show.id)) this.limits.set(show.id, withShowDefaults(show).maxTicketsPerCustomer);
        return;
      }
      case 'SeatsHeld':
        return this.held(event as RecordedEvent<'SeatsHeld', SeatsHeld['data']>);
      case 'HoldReleased':
      case 'HoldExpired':
        return this.ended(event as RecordedEvent<string, HoldReleased['data'] | HoldExpired['data']>, event.type === 'HoldReleased' ? RELEASED : EXPIRED);
      case 'TicketsSold':
        return this.sold(event as RecordedEvent<'TicketsSold', TicketsSold['data']>);
      case 'CapacityTransferredOut':
      case 'CapacityTransferredIn':
        if (this.wants((event.data as { showId: string }).showId)) this.transfers.add(event);
        return;
    }
  }

  report(): AuditReport {
    if (this.options.readModels) this.compareReadModels(this.options.readModels);
    for (const violation of this.transfers.violations()) this.flag(violation);
    const shows = [...this.shows].map(([showId, s]) => ({
      showId,
      tickets: s.tickets,
      holds: s.holds,
      customers: s.perCustomer.size,
      ...(this.limits.has(showId) ? { maxTicketsPerCustomer: this.limits.get(showId)! } : {}),
    }));
    return {
      eventsRead: this.eventsRead,
      lastPosition: this.lastPosition.toString(),
      showsScheduled: this.limits.size,
      holds: this.holdCount,
      ticketsSold: this.ticketCount,
      transfers: this.transfers.transfers,
      shows,
      violations: this.violations,
      violationCount: this.violationCount,
      readModels: this.options.readModels ? 'compared' : 'not_compared',
      ok: this.violationCount === 0,
    };
  }

  private held(event: RecordedEvent<'SeatsHeld', SeatsHeld['data']>): void {
    const d = event.data;
    const showId = showOfSale(event);
    if (!this.wants(showId)) return;
    this.holdCount++;
    this.show(showId).holds++;
    this.holdsOf(event.streamId).set(d.holdId, {
      customerId: d.customerId,
      expiresAt: Date.parse(d.expiresAt),
      status: ACTIVE,
      units: d.seatIds ?? d.ticketNumbers ?? [],
    });
  }

  private ended(event: RecordedEvent<string, HoldReleased['data'] | HoldExpired['data']>, status: number): void {
    if (!this.wants(showOfSale(event))) return;
    const hold = this.holdsOf(event.streamId).get(event.data.holdId);
    // Ending a sold hold changes nothing the decider would let through; a sale after the end is what counts.
    if (hold && hold.status === ACTIVE) {
      hold.status = status;
      hold.units = undefined;
    }
  }

  private sold(event: RecordedEvent<'TicketsSold', TicketsSold['data']>): void {
    const showId = showOfSale(event);
    if (!this.wants(showId)) return;
    const d = event.data;
    const at = { showId, position: event.position.toString(), holdId: d.holdId, orderId: d.orderId, customerId: d.customerId };
    const tickets = Array.isArray(d.tickets) ? d.tickets : [];
    const first = tickets[0]?.ticketId;
    const show = this.show(showId);
    const soldAt = Date.parse(d.soldAt);
    if (Number.isNaN(soldAt) || tickets.length === 0) {
      this.flag({ ...at, kind: 'invalid_sale', ticketId: first, message: `sale of hold ${d.holdId} has ${tickets.length === 0 ? 'no tickets' : `an unreadable soldAt "${d.soldAt}"`}` });
    }
    if (!this.limits.has(showId)) {
      this.flag({ ...at, kind: 'sale_for_unknown_show', ticketId: first, message: `ticket ${first} sold for show ${showId}, which was never scheduled` });
    }

    const hold = this.holdsOf(event.streamId).get(d.holdId);
    if (!hold) {
      this.flag({ ...at, kind: 'sale_without_hold', ticketId: first, message: `ticket ${first} (order ${d.orderId}) sold from hold ${d.holdId}, which ${event.streamId} never held` });
    } else {
      if (hold.customerId !== d.customerId) {
        this.flag({ ...at, kind: 'sale_by_other_customer', ticketId: first, message: `ticket ${first} sold to customer ${d.customerId} from hold ${d.holdId} of customer ${hold.customerId}` });
      }
      if (hold.status === SOLD) {
        this.flag({ ...at, kind: 'hold_sold_twice', ticketId: first, message: `hold ${d.holdId} on ${event.streamId} sold a second time (order ${d.orderId}, ticket ${first})` });
      } else if (hold.status !== ACTIVE) {
        this.flag({ ...at, kind: 'sale_of_ended_hold', ticketId: first, message: `ticket ${first} sold from hold ${d.holdId}, which was already ${STATUS_NAME[hold.status]}` });
      } else if (soldAt >= hold.expiresAt) {
        this.flag({
          ...at,
          kind: 'sale_after_expiry',
          ticketId: first,
          message: `ticket ${first} sold at ${d.soldAt}, after hold ${d.holdId} expired at ${new Date(hold.expiresAt).toISOString()}`,
        });
      }
      if (hold.units && hold.units.length !== tickets.length) {
        this.flag({ ...at, kind: 'unit_not_in_hold', ticketId: first, message: `hold ${d.holdId} held ${hold.units.length} units but its sale has ${tickets.length} tickets` });
      }
    }

    const limit = this.limits.get(showId);
    const before = show.perCustomer.get(d.customerId) ?? 0;
    show.perCustomer.set(d.customerId, before + tickets.length);
    const countsForSales = !this.options.readModels || event.position <= this.options.readModels.salesPosition;
    const countsForRemaining = !this.options.readModels || event.position <= this.options.readModels.remainingPosition;
    for (let i = 0; i < tickets.length; i++) {
      const ticket = tickets[i];
      const where = ticket.seatId !== undefined ? { seatId: ticket.seatId } : { ticketNumber: ticket.ticketNumber };
      this.ticketCount++;
      show.tickets++;
      show.soldByTier.set(ticket.tier, (show.soldByTier.get(ticket.tier) ?? 0) + 1);
      if (countsForSales) show.ticketsAtSalesPosition++;
      if (countsForRemaining) show.soldByTierAtRemainingPosition.set(ticket.tier, (show.soldByTierAtRemainingPosition.get(ticket.tier) ?? 0) + 1);
      if (this.ticketIds.has(ticket.ticketId)) {
        this.flag({ ...at, ...where, kind: 'ticket_id_sold_twice', ticketId: ticket.ticketId, message: `ticket ${ticket.ticketId} sold twice (again in order ${d.orderId})` });
      } else {
        this.ticketIds.add(ticket.ticketId);
      }
      if (ticket.seatId !== undefined) {
        if (show.seats.has(ticket.seatId)) {
          this.flag({ ...at, ...where, kind: 'seat_sold_twice', ticketId: ticket.ticketId, message: `seat ${ticket.seatId} of show ${showId} sold twice: again as ticket ${ticket.ticketId} (order ${d.orderId})` });
        } else {
          show.seats.add(ticket.seatId);
        }
      } else if (Number.isSafeInteger(ticket.ticketNumber) && ticket.ticketNumber! >= 0) {
        if (!show.numbers.add(ticket.ticketNumber!)) {
          this.flag({
            ...at,
            ...where,
            kind: 'ticket_number_sold_twice',
            ticketId: ticket.ticketId,
            message: `ticket number ${ticket.ticketNumber} of show ${showId} sold twice: again as ticket ${ticket.ticketId} (order ${d.orderId})`,
          });
        }
      } else {
        this.flag({ ...at, kind: 'invalid_sale', ticketId: ticket.ticketId, message: `ticket ${ticket.ticketId} names neither a seat nor a ticket number` });
      }
      if (hold?.units && !hold.units.includes((ticket.seatId ?? ticket.ticketNumber)!)) {
        this.flag({ ...at, ...where, kind: 'unit_not_in_hold', ticketId: ticket.ticketId, message: `ticket ${ticket.ticketId} is for ${describe(ticket)}, which hold ${d.holdId} did not hold` });
      }
      if (limit !== undefined && before + i + 1 === limit + 1) {
        this.flag({
          ...at,
          ...where,
          kind: 'over_customer_limit',
          ticketId: ticket.ticketId,
          message: `customer ${d.customerId} owns more than the ${limit} tickets allowed for show ${showId}: ticket ${ticket.ticketId} is number ${limit + 1}`,
        });
      }
    }
    if (hold && hold.status === ACTIVE) {
      hold.status = SOLD;
      hold.units = undefined;
    }
  }

  private compareReadModels(counts: ReadModelCounts): void {
    const showIds = new Set([...this.shows.keys(), ...counts.salesTickets.keys(), ...counts.soldByTier.keys()]);
    for (const showId of showIds) {
      if (!this.wants(showId)) continue;
      const show = this.shows.get(showId);
      const logTickets = show?.ticketsAtSalesPosition ?? 0;
      const inTable = counts.salesTickets.get(showId) ?? 0;
      if (inTable !== logTickets) {
        this.flag({ kind: 'read_model_mismatch', showId, message: `show ${showId}: the sales table holds ${inTable} tickets, the log sold ${logTickets} up to position ${counts.salesPosition}` });
      }
      const logTiers = show?.soldByTierAtRemainingPosition ?? new Map<string, number>();
      const modelTiers = counts.soldByTier.get(showId) ?? new Map<string, number>();
      for (const tier of new Set([...logTiers.keys(), ...modelTiers.keys()])) {
        const inLog = logTiers.get(tier) ?? 0;
        const inModel = modelTiers.get(tier) ?? 0;
        if (inLog !== inModel) {
          this.flag({
            kind: 'read_model_mismatch',
            showId,
            message: `show ${showId} tier ${tier}: remaining_counts says ${inModel} sold, the log sold ${inLog} up to position ${counts.remainingPosition}`,
          });
        }
      }
    }
  }

  private wants(showId: string): boolean {
    return this.options.showId === undefined || this.options.showId === showId;
  }

  private show(showId: string): ShowAudit {
    let show = this.shows.get(showId);
    if (!show) {
      show = {
        seats: new Set(),
        numbers: new NumberSet(),
        holds: 0,
        tickets: 0,
        soldByTier: new Map(),
        perCustomer: new Map(),
        ticketsAtSalesPosition: 0,
        soldByTierAtRemainingPosition: new Map(),
      };
      this.shows.set(showId, show);
    }
    return show;
  }

  private holdsOf(streamId: string): Map<string, HoldRecord> {
    let holds = this.holds.get(streamId);
    if (!holds) {
      holds = new Map();
      this.holds.set(streamId, holds);
    }
    return holds;
  }

  private flag(violation: Violation): void {
    this.violationCount++;
    if (this.violations.length < (this.options.maxListed ?? 1_000)) this.violations.push(violation);
  }
}

function describe(ticket: { seatId?: string; ticketNumber?: number }): string {
  return ticket.seatId !== undefined ? `seat ${ticket.seatId}` : `ticket number ${ticket.ticketNumber}`;
}
