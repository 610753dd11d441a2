import type { TierPrice } from './inventoryCommands';

/** Timestamps are ISO-8601 UTC with milliseconds (`Date#toISOString`). */

export type SeatsHeld = {
  type: 'SeatsHeld';
  data: {
    holdId: string;
    showId: string;
    shardId: string;
    customerId: string;
    /** Seated shards, in the order picked or requested. */
    seatIds?: string[];
    /** General-admission shards, ascending. */
    ticketNumbers?: number[];
    /** General-admission shards: the shard's single tier. */
    tier?: string;
    /** Units held per tier. */
    tierCounts: Record<string, number>;
    /**
     * The unit price of each held tier when the hold was made: the hold is sold at it even
     * if the show's price changes before the purchase. Absent in holds written before prices
     * could change; those sell at the show's price at purchase time.
     */
    prices?: Record<string, TierPrice>;
    heldAt: string;
    expiresAt: string;
  };
};

export type ReleaseReason = 'customer' | 'undo' | 'payment_failed' | 'admin';

export type HoldReleased = {
  type: 'HoldReleased';
  data: { holdId: string; customerId: string; releasedAt: string; reason: ReleaseReason };
};

export type HoldExpired = {
  type: 'HoldExpired';
  data: { holdId: string; customerId: string; expiredAt: string };
};

export interface SoldTicket {
  ticketId: string;
  seatId?: string;
  ticketNumber?: number;
  tier: string;
  /** Integer minor units (cents). */
  price: number;
  currency: string;
}

export type TicketsSold = {
  type: 'TicketsSold';
  /**
   * `chargeId`: the payment that paid for them, so a refund can give it back.
   * `serviceFeePerTicket`: what each ticket paid on top of its `price` (minor units; absent: 0),
   * a figure of its own so a ticket's price stays its tier's. `vatBasisPoints`: the VAT rate the
   * prices and fees include (absent: 0). The card was charged the prices plus the fees.
   */
  data: {
    holdId: string;
    orderId: string;
    customerId: string;
    soldAt: string;
    tickets: SoldTicket[];
    chargeId?: string;
    serviceFeePerTicket?: number;
    vatBasisPoints?: number;
  };
};

/** Consecutive ticket numbers `first` .. `first + count - 1`. */
export interface TicketRange {
  first: number;
  count: number;
}

/**
 * Never-held general-admission tickets leave this shard for `toShard` (escrow between shard
 * groups, docs/datacenters.md §2): from here until the matching `CapacityTransferredIn` they
 * belong to neither shard, so they can be under-sold but never sold twice.
 */
export type CapacityTransferredOut = {
  type: 'CapacityTransferredOut';
  data: { transferId: string; showId: string; shardId: string; toShard: string; tier: string; tickets: TicketRange[]; count: number; at: string };
};

/** The tickets of a transfer arrive in this shard (once per `transferId`), free to sell. */
export type CapacityTransferredIn = {
  type: 'CapacityTransferredIn';
  data: { transferId: string; showId: string; shardId: string; fromShard: string; tier: string; tickets: TicketRange[]; count: number; at: string };
};

/**
 * A sold ticket let in at a gate: once, whichever gate scanned it first. On the ticket's
 * shard stream, so two gates scanning one ticket at once meet at the stream's expected revision.
 */
export type TicketAdmitted = {
  type: 'TicketAdmitted';
  data: { ticketId: string; orderId: string; showId: string; shardId: string; gate: string; admittedAt: string };
};

/**
 * The tickets of an order on this shard are refunded: they no longer let anyone in. The seats
 * do not return to sale (docs/checkin.md says why). Who refunded is in the event's metadata (`by`).
 */
export type TicketsRefunded = {
  type: 'TicketsRefunded';
  data: { orderId: string; customerId: string; showId: string; shardId: string; ticketIds: string[]; refundedAt: string };
};

export type InventoryEvent =
  | SeatsHeld
  | HoldReleased
  | HoldExpired
  | TicketsSold
  | CapacityTransferredOut
  | CapacityTransferredIn
  | TicketAdmitted
  | TicketsRefunded;

export const INVENTORY_EVENT_TYPES: readonly InventoryEvent['type'][] = [
  'SeatsHeld',
  'HoldReleased',
  'HoldExpired',
  'TicketsSold',
  'CapacityTransferredOut',
  'CapacityTransferredIn',
  'TicketAdmitted',
  'TicketsRefunded',
];
