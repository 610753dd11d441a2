import { Inject, Injectable } from '@nestjs/common';
import { contactDecider, contactStream } from '@app/domain';
import type { EventStore } from '@app/event-store';
import { ReceiptQueries } from '@app/read-models';
import { StreamWriter } from '../infrastructure/streamWriter';
import { EVENT_STORE } from '../infrastructure/tokens';
import { Receipts } from '../receipts/receipts';
import type { Mailing, MailingSource, Recipient } from './mailing';

/**
 * An order bought with an address gets one receipt: a mailing of kind 'receipt' per order
 * (`outbox-receipt-<orderId>`), to the address given with that order. It waits until the
 * whole order is in the read model (an order across shards is one sale per shard), so a
 * receipt never lists part of an order. The address is read from the customer's contact
 * stream, where the purchase wrote it; nowhere else keeps it per order.
 */
@Injectable()
export class ReceiptMailings implements MailingSource {
  // The address and the sale are appended side by side: either may reach the read model last.
  readonly wakeOn = ['ContactEmailGiven', 'TicketsSold'];

  constructor(
    private readonly queries: ReceiptQueries,
    private readonly receipts: Receipts,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async pending(): Promise<Mailing[]> {
    const mailings: Mailing[] = [];
    for (const row of this.queries.pending()) {
      const claims = { customerId: row.customer_id, orderId: row.order_id };
      // Not sold (yet, or at all: a purchase that failed after its address was written) or not wholly: later.
      if (!this.queries.wholeOrderSold(claims.customerId, claims.orderId)) continue;
      const email = this.receipts.email(claims);
      const address = await new StreamWriter({ store: this.store, streamId: contactStream(claims.customerId), decider: contactDecider }).read((state) => state.byOrder.get(claims.orderId), { fresh: true });
      if (!email || address === undefined) continue;
      const recipient: Recipient = { customerId: claims.customerId, address };
      mailings.push({ kind: 'receipt', ref: claims.orderId, recipients: () => [recipient], render: () => email });
    }
    return mailings;
  }
}
