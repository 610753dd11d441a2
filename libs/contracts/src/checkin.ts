import { z } from 'zod';
import { Count, Id, Instant } from './common';

export const CheckInOutcome = z.enum(['admitted', 'already_admitted', 'invalid_signature', 'wrong_show', 'refunded']).meta({ id: 'CheckInOutcome' });
export type CheckInOutcome = z.infer<typeof CheckInOutcome>;

export const CheckInRequest = z
  .strictObject({
    payload: z.string().max(300).meta({ description: "What the gate scanned: the ticket's QR code (`pass` of an order's ticket)" }),
    gate: z.string().max(60).meta({ description: 'The gate scanning, as its staff name it, e.g. "North 3"' }),
  })
  .meta({ id: 'CheckInRequest' });
export type CheckInRequest = z.infer<typeof CheckInRequest>;

export const CheckIn = z
  .strictObject({
    outcome: CheckInOutcome,
    message: z.string().meta({ description: 'The outcome in words, for the gate screen' }),
    ticketId: Id.optional().meta({ description: 'When the signature holds' }),
    admittedAt: Instant.optional().meta({ description: 'admitted: now; already_admitted: when it was first let in' }),
    gate: z.string().optional().meta({ description: 'admitted / already_admitted: the gate that let it in' }),
    refundedAt: Instant.optional(),
  })
  .meta({ id: 'CheckIn', description: '201 admitted (a check-in was written); 200 for the other outcomes (nothing written)' });
export type CheckIn = z.infer<typeof CheckIn>;

export const CheckInCounts = z
  .strictObject({
    showId: Id,
    sold: Count.meta({ description: 'Tickets sold, refunded ones included' }),
    admitted: Count,
    notAdmitted: Count.meta({ description: 'Sold, not refunded, not yet let in' }),
    refunded: Count,
    asOf: Instant,
  })
  .meta({ id: 'CheckInCounts' });
export type CheckInCounts = z.infer<typeof CheckInCounts>;

export const OrderRefund = z
  .strictObject({ orderId: Id, showId: Id, ticketIds: z.array(Id), refundedAt: Instant })
  .meta({ id: 'OrderRefund', description: 'The order as refunded; a repeated refund answers the same' });
export type OrderRefund = z.infer<typeof OrderRefund>;
