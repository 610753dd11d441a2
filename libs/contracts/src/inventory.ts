import { z } from 'zod';
import { EMAIL_PATTERN, MAX_EMAIL_LENGTH } from '@app/domain';
import { Count, Currency, Id, Instant, Money, ZonedInstant } from './common';
import { VatBasisPoints } from './catalog';

// ---- answers ----

export const SeatState = z.enum(['available', 'held', 'sold']).meta({ id: 'SeatState' });
export type SeatState = z.infer<typeof SeatState>;

export const SeatStatus = z
  .strictObject({ seatId: z.string(), section: z.string(), row: z.string(), number: z.int().min(1), tier: z.string(), status: SeatState })
  .meta({ id: 'SeatStatus' });
export type SeatStatus = z.infer<typeof SeatStatus>;
export const SeatStatuses = z.array(SeatStatus);

export const Counts = z.strictObject({ capacity: Count, available: Count, held: Count, sold: Count }).meta({ id: 'Counts' });
export type Counts = z.infer<typeof Counts>;

export const Availability = z
  .strictObject({
    ...Counts.shape,
    byTier: z.record(z.string(), Counts),
    asOf: Instant.meta({ description: 'Until when the figures are known to hold every sale (on a cluster: when this API last reached its majority)' }),
    lagEvents: Count.meta({ description: 'Events of the log the figures do not show yet' }),
  })
  .meta({ id: 'Availability' });
export type Availability = z.infer<typeof Availability>;

export const HoldCreated = z
  .strictObject({
    holdId: Id,
    showId: Id,
    seatIds: z.array(z.string()).optional().meta({ description: 'Seated shows' }),
    ticketNumbers: z.array(z.int().min(1)).optional().meta({ description: 'General admission' }),
    expiresAt: Instant,
  })
  .meta({ id: 'HoldCreated' });
export type HoldCreated = z.infer<typeof HoldCreated>;

export const HoldStatus = z.enum(['active', 'purchased', 'released', 'expired']).meta({ id: 'HoldStatus' });

/** A total itemised: the hold page, the charge and the order all carry these figures (docs/decisions.md: fees and VAT). */
export const Charges = z
  .strictObject({
    ticketsTotal: Money.meta({ description: "The tickets' prices added up" }),
    serviceFeePerTicket: Money.meta({ description: "The show's service fee per ticket" }),
    serviceFees: Money.meta({ description: 'serviceFeePerTicket × tickets' }),
    vatBasisPoints: VatBasisPoints,
    vat: Money.meta({ description: 'How much of total is VAT: total × rate / (1 + rate), once on the total, to the nearest minor unit (halves up)' }),
    total: Money.meta({ description: 'ticketsTotal + serviceFees: what the card is charged (prices include VAT)' }),
    currency: Currency,
  })
  .meta({ id: 'Charges' });
export type Charges = z.infer<typeof Charges>;

export const HoldLine = z
  .strictObject({
    seatId: z.string().optional().meta({ description: 'Seated shows' }),
    section: z.string().optional().meta({ description: "The seat's section, by its name on the seat map" }),
    row: z.string().optional(),
    seat: z.int().min(1).optional().meta({ description: 'The seat number in its row' }),
    ticketNumber: z.int().min(1).optional().meta({ description: 'General admission' }),
    tier: z.string(),
    price: Money.meta({ description: 'The unit price the hold recorded when it was made (SeatsHeld.prices)' }),
  })
  .meta({ id: 'HoldLine' });
export type HoldLine = z.infer<typeof HoldLine>;

/** A hold's state, without its prices (merged from its parts on the shards). */
export const HoldState = z.strictObject({ ...HoldCreated.shape, status: HoldStatus, quantity: z.int().min(1), heldAt: Instant, orderId: Id.optional() });
export type HoldState = z.infer<typeof HoldState>;

export const HoldDetails = z
  .strictObject({
    ...HoldState.shape,
    lines: z.array(HoldLine).meta({ description: 'One per ticket, in the order held' }),
    ...Charges.shape,
    waitlistOffer: z.boolean().meta({ description: 'The waiting line offered these tickets: they came free for this customer' }),
  })
  .meta({ id: 'HoldDetails' });
export type HoldDetails = z.infer<typeof HoldDetails>;

export const OrderTicket = z
  .strictObject({
    ticketId: Id,
    seatId: z.string().optional(),
    ticketNumber: z.int().min(1).optional(),
    tier: z.string(),
    price: Money,
    currency: Currency,
    pass: z.string().max(300).optional().meta({ description: "The ticket's signed check-in payload, to show as its QR code (POST /v1/shows/{showId}/checkins)" }),
  })
  .meta({ id: 'OrderTicket' });
export type OrderTicket = z.infer<typeof OrderTicket>;

export const OrderShow = z
  .strictObject({
    eventId: Id,
    eventName: z.string(),
    venueName: z.string(),
    cityName: z.string(),
    startsAt: ZonedInstant,
    timeZone: z.string().meta({ description: "The venue's IANA time zone, e.g. Europe/Amsterdam: show `startsAt` in it" }),
  })
  .meta({ id: 'OrderShow', description: 'What an order is for, to name it without asking the catalog' });
export type OrderShow = z.infer<typeof OrderShow>;

export const Order = z
  .strictObject({
    orderId: Id,
    holdId: Id,
    showId: Id,
    customerId: Id,
    tickets: z.array(OrderTicket),
    ...Charges.shape,
    purchasedAt: Instant,
    show: OrderShow.optional().meta({ description: 'The event, venue and start of the show (GET /v1/orders/{orderId} and GET /v1/customers/me/orders; absent if the show left the catalog)' }),
  })
  .meta({ id: 'Order', description: 'total is what the card was charged: the tickets plus the service fees' });
export type Order = z.infer<typeof Order>;

export const OrdersPage = z.strictObject({ items: z.array(Order) }).meta({ id: 'OrdersPage' });
export type OrdersPage = z.infer<typeof OrdersPage>;

export const Sale = z
  .strictObject({ ticketId: Id, seatId: z.string().optional(), ticketNumber: z.int().min(1).optional(), tier: z.string(), price: Money, currency: Currency, customerId: Id, orderId: Id, soldAt: Instant })
  .meta({ id: 'Sale' });
export type Sale = z.infer<typeof Sale>;

export const SalesPage = z
  .strictObject({ items: z.array(Sale), next: z.int().min(1).nullable().meta({ description: 'Pass as `after` for the next page; null on a short page' }) })
  .meta({ id: 'SalesPage' });
export type SalesPage = z.infer<typeof SalesPage>;

// ---- requests ----

/** A tier or section name in a request (null is read as absent). */
const Name = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);

export const HoldRequest = z
  .union([
    z.strictObject({ seatIds: z.array(z.string().max(64)).min(1).max(100).meta({ description: 'Chosen seats, e.g. A-12-7' }) }).meta({ title: 'ChosenSeats' }),
    z.strictObject({ quantity: z.int().min(1).max(100), tier: Name.nullable().optional(), section: Name.nullable().optional() }).meta({ title: 'BestAvailable' }),
  ])
  .meta({ id: 'HoldRequest', description: 'Either `seatIds` (chosen seats), or `quantity` with optional `tier`/`section` (best available, or general admission)' });
export type HoldRequest = z.infer<typeof HoldRequest>;

export const PurchaseRequest = z
  .strictObject({
    payment: z.strictObject({ token: z.string().max(100).meta({ description: "The payment provider's token for the card" }) }),
    email: z
      .string()
      .max(MAX_EMAIL_LENGTH)
      .regex(new RegExp(EMAIL_PATTERN))
      .optional()
      .meta({ description: 'Where to send messages about these tickets (optional). Kept apart from the sale: never in audits or exports' }),
  })
  .meta({ id: 'PurchaseRequest' });
export type PurchaseRequest = z.infer<typeof PurchaseRequest>;

export const SeatsQuery = z.strictObject({ section: Name.optional().meta({ description: 'One section of the seat map (needed above 25,000 seats)' }) });
export const SalesQuery = z.strictObject({
  after: z.int().min(0).optional().meta({ description: 'The place of the last ticket already read (0: from the first)' }),
  limit: z.int().min(1).max(1_000).optional().meta({ description: 'Page size, default 100' }),
});

/** A header that makes a retry safe: the same key answers with the first result. */
export const IdempotencyKey = z.string().regex(/^[\x21-\x7e]{1,100}$/).meta({ description: '1-100 visible ASCII characters; a retry with the same key gets the first answer' });

export const GroupRemaining = z
  .strictObject({
    group: z.string().meta({ description: "A shard group (its cluster's name; 'default' on one store)" }),
    available: Count,
    lower: Count,
    upper: Count,
    asOf: Instant.meta({ description: "The oldest time any of the group's shards was known current" }),
    stale: z.boolean(),
    unknown: z.boolean().meta({ description: 'Not heard from within 10 s: its share is left out, not guessed' }),
  })
  .meta({ id: 'GroupRemaining' });

export const Remaining = z
  .strictObject({
    status: z.enum(['exact', 'bounded', 'failure']).meta({ description: "'failure': no group could be heard from, nothing can be bounded" }),
    estimate: Count,
    lower: Count,
    upper: Count,
    byGroup: z.array(GroupRemaining),
    unknownTickets: Count.meta({ description: 'Capacity of the shards not heard from within 10 s' }),
    inTransit: Count.meta({ description: 'Tickets moving between shard groups: sold by no one meanwhile' }),
    answeredAt: Instant,
  })
  .meta({ id: 'Remaining', description: 'The global remaining count: estimate within [lower, upper] (docs/datacenters.md §8)' });
export type Remaining = z.infer<typeof Remaining>;

const ShardId = z.string().regex(/^s\d{1,5}$/).meta({ description: "A shard of the show, e.g. s12 (`byShard` of GET /v1/admin/shows/:showId/capacity-transfers names them)" });
const TicketRange = z.strictObject({ first: z.int().min(1), count: z.int().min(1) });

export const CapacityTransferRequest = z
  .strictObject({
    fromShard: ShardId,
    toShard: ShardId,
    count: z.int().min(1).max(100).meta({ description: 'Never-held tickets to move (at most 100, one transfer per shard per second)' }),
    transferId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional().meta({ description: 'Makes a retry safe: the same id moves the tickets once' }),
  })
  .meta({ id: 'CapacityTransferRequest' });
export type CapacityTransferRequest = z.infer<typeof CapacityTransferRequest>;

export const CapacityTransfer = z
  .strictObject({
    transferId: z.string(),
    showId: Id,
    fromShard: z.string(),
    toShard: z.string(),
    count: Count,
    tickets: z.array(TicketRange).meta({ description: 'The ticket numbers that moved' }),
    status: z.enum(['completed', 'in_transit']).meta({ description: "'in_transit': out of the source, not yet in the target (its cluster unreachable from here); sold by no one until it lands" }),
  })
  .meta({ id: 'CapacityTransfer' });
export type CapacityTransfer = z.infer<typeof CapacityTransfer>;

export const CapacityTransfers = z
  .strictObject({
    showId: Id,
    transfers: z.array(
      CapacityTransfer.omit({ status: true }).extend({
        status: z.enum(['completed', 'in_transit', 'arriving']).meta({ description: "As this region has seen it: 'arriving' when only its In has been seen yet" }),
        outAt: Instant.optional(),
        inAt: Instant.optional(),
      }),
    ),
    inTransit: Count,
    byShard: z
      .array(z.strictObject({ shardId: z.string(), group: z.string(), capacity: Count, available: Count }))
      .meta({ description: "Each shard's capacity after transfers and what it has left, as this region's read models have it" }),
  })
  .meta({ id: 'CapacityTransfers' });
export type CapacityTransfers = z.infer<typeof CapacityTransfers>;
