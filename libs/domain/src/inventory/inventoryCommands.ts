import type { ArrivalStamp } from '../fairness/arrivalStamp';
import type { ReleaseReason, TicketRange } from './inventoryEvents';

/**
 * Every command carries `now` (epoch ms): the decider never reads the clock, so the same
 * history and command always decide the same events.
 */

/** Explicit seats (seated shards only): all of them or none. */
export type SeatSelection = { seatIds: string[]; quantity?: undefined; tier?: undefined; section?: undefined };
/** Best available on a seated shard, or the next ticket numbers on a general-admission shard. */
export type QuantitySelection = { quantity: number; tier?: string; section?: string; seatIds?: undefined };

export type HoldSeats = {
  type: 'HoldSeats';
  /**
   * `arrival`: when the request reached the edge; a shard selling its final tickets decides in that order.
   * `prices`: the show's price of each tier now; the hold records those of the tiers it takes.
   */
  data: { holdId: string; customerId: string; now: number; holdSeconds: number; arrival?: ArrivalStamp; prices?: Record<string, TierPrice> } & (
    | SeatSelection
    | QuantitySelection
  );
};

export type ReleaseHold = {
  type: 'ReleaseHold';
  data: { holdId: string; customerId: string; now: number; reason: ReleaseReason };
};

/** Sent by the expiry worker; a no-op unless the hold is active and due. */
export type ExpireHold = {
  type: 'ExpireHold';
  data: { holdId: string; now: number };
};

export interface TierPrice {
  /** Integer minor units (cents). */
  price: number;
  currency: string;
}

export type SellHold = {
  type: 'SellHold';
  data: {
    holdId: string;
    orderId: string;
    customerId: string;
    now: number;
    prices: Record<string, TierPrice>;
    /** One per held unit, in the hold's order; supplied by the caller so decide stays deterministic. */
    ticketIds: string[];
    /** The payment provider's charge, recorded for refunds. */
    chargeId?: string;
    /** The show's fee per ticket (minor units) and VAT rate (basis points), recorded on the sale when not 0. */
    serviceFeePerTicket?: number;
    vatBasisPoints?: number;
  };
};

/** Moves `count` never-held tickets of this general-admission shard out, to `toShard`. Idempotent on `transferId`. */
export type TransferCapacityOut = {
  type: 'TransferCapacityOut';
  data: { transferId: string; toShard: string; count: number; now: number };
};

/** Takes in the tickets a `CapacityTransferredOut` of `fromShard` sent here. Idempotent on `transferId`. */
export type TransferCapacityIn = {
  type: 'TransferCapacityIn';
  data: { transferId: string; fromShard: string; tier: string; tickets: TicketRange[]; now: number };
};

/** A gate scanned a ticket of this shard (its signature already checked): admitted once, ever. */
export type AdmitTicket = {
  type: 'AdmitTicket';
  data: { ticketId: string; gate: string; now: number };
};

/** Refunds this shard's tickets of an order. Idempotent: a second refund decides nothing. */
export type RefundTickets = {
  type: 'RefundTickets';
  data: { orderId: string; now: number };
};

export type InventoryCommand = HoldSeats | ReleaseHold | ExpireHold | SellHold | TransferCapacityOut | TransferCapacityIn | AdmitTicket | RefundTickets;

/** The longest gate name (a gate is named by its staff: "North 3", "VIP entrance"). */
export const MAX_GATE_NAME = 60;

/**
 * The most tickets one transfer moves, and the least time between two transfers out of (or
 * into) one shard. Together they bound how far a shard's count can jump by transfers within
 * any window, which keeps the remaining-count bound honest (`remainingBound`).
 */
export const MAX_TRANSFER_TICKETS = 100;
export const TRANSFER_SPACING_MS = 1_000;

/** The largest single hold; the per-customer limit is enforced separately, by the allowance stream. */
export const MAX_UNITS_PER_HOLD = 100;
