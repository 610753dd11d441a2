import { z } from 'zod';
import { Currency, Id, Instant, Money } from './common';
import { OrderShow, OrderTicket } from './inventory';

/**
 * An order as its receipt's signed link shows it to whoever holds the link: the show, the
 * tickets with their QR payloads, and what was paid. No customer id: the link is not a login.
 */
export const Receipt = z
  .strictObject({ orderId: Id, showId: Id, show: OrderShow, tickets: z.array(OrderTicket), total: Money, currency: Currency, purchasedAt: Instant })
  .meta({ id: 'Receipt' });
export type Receipt = z.infer<typeof Receipt>;

/** The token in a receipt's link (`/receipts/<token>`): `R1.<claims>.<signature>`, base64url parts. */
export const ReceiptToken = z
  .string()
  .max(200)
  .regex(/^R1\.[A-Za-z0-9_-]{1,150}\.[A-Za-z0-9_-]{43}$/)
  .meta({ description: "The token from a receipt's link: R1.<claims>.<signature>" });
