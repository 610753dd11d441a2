/**
 * Every broken business rule surfaces as one DomainError with a stable code, so the
 * HTTP layer can map codes to statuses in a single table and clients can branch on
 * `code` instead of parsing messages.
 */

/** What each code carries in `details`; the shape is part of the public contract. */
export interface DomainErrorDetails {
  /** Seat ids for explicit requests; counts for quantity (best-available or general-admission) requests. */
  seats_unavailable: { unavailable: string[] } | { requested: number; available: number };
  limit_exceeded: { limit: number; current: number; requested: number };
  hold_not_found: { holdId: string };
  hold_expired: { holdId: string; expiresAt: string };
  hold_released: { holdId: string };
  hold_already_purchased: { holdId: string; orderId?: string };
  not_hold_owner: { holdId: string };
  invalid_seat: { seatIds: string[] };
  /** `field` names the offending input (a dotted path where that helps, e.g. `sections[2].rows[0].seats`). */
  invalid_request: { field: string; reason?: string; [key: string]: unknown };
  /** Waiting line: someone else's entry is reported as missing too. */
  waitlist_entry_not_found: { entryId: string };
  waitlist_entry_not_waiting: { entryId: string; status: 'offered' | 'left' | 'sold_out' | 'expired' };
  /** The customer's entry that is already waiting for this show. */
  already_waiting: { entryId: string };
  /** A price change that sets the price the tier already has. */
  price_unchanged: { field: 'price'; tier: string; price: number };
  /** Accounts: an organisation, user or token that is not there. */
  not_found: { kind: 'organisation' | 'user' | 'token'; id: string };
  /** Accounts: an id taken already. */
  already_exists: { kind: 'organisation' | 'user'; id: string };
  /** Accounts: the actor's role does not allow the change. */
  not_permitted: { action: string; role: string };
  /** Hot on-sale waiting room: the address already has as many customers in it as one address may. */
  too_many_places: { limit: number };
  /** A capacity transfer the shard cannot make now. */
  /** Check-in: a ticket this shard never sold. */
  ticket_not_found: { ticketId: string };
  /** Check-in: the ticket was let in before; when and at which gate. */
  ticket_already_admitted: { ticketId: string; admittedAt: string; gate: string };
  /** Check-in: the ticket's order was refunded. */
  ticket_refunded: { ticketId: string; orderId: string; refundedAt: string };
  /** Refund: this shard sold nothing to the order. */
  order_not_found: { orderId: string };
  /** Refund: a ticket of the order was already used at a gate. */
  order_checked_in: { orderId: string; ticketIds: string[] };
  transfer_refused: { reason: 'not_enough_fresh_tickets' | 'too_soon' | 'other_tier'; shardId: string; [key: string]: unknown };
}

export type DomainErrorCode = keyof DomainErrorDetails;

export class DomainError<C extends DomainErrorCode = DomainErrorCode> extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: C,
    message: string,
    readonly details?: DomainErrorDetails[C],
  ) {
    super(message);
  }
}

/** Narrows an unknown caught value, optionally to one code. */
export function isDomainError<C extends DomainErrorCode>(error: unknown, code?: C): error is DomainError<C> {
  return error instanceof DomainError && (code === undefined || error.code === code);
}

/** The most common failure: a named input is malformed. */
export function invalidRequest(field: string, reason: string, extra?: Record<string, unknown>): DomainError<'invalid_request'> {
  return new DomainError('invalid_request', `Invalid ${field}: ${reason}`, { ...extra, field, reason });
}
