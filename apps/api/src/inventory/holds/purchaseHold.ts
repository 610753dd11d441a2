import { Injectable, Logger } from '@nestjs/common';
import { DomainError, holdView, priceHold, showCharges, toIsoTimestamp, tooLateToPurchase, type HoldView, type TicketsSold } from '@app/domain';
import { SalesQueries } from '@app/read-models';
import { AppError } from '../../application/appError';
import { stableUuid } from '../../infrastructure/ids';
import { Metrics } from '../../metrics/metrics';
import { ProjectionsService } from '../../projections/projections.service';
import { PaymentProvider } from '../payments/paymentProvider';
import { TicketPasses } from '../../tickets/ticketPasses';
import { ContactEmails } from '../../customers/contactEmails';
import { HoldLookup } from './holdLookup';
import type { Order } from './holdTypes';
import { mergeViews } from './holdViews';

/**
 * Buys a hold: the card is charged for the hold's price, then every shard of the hold
 * sells its part (`SellHold`). The order id derives from the customer and the
 * Idempotency-Key, and the ticket ids from the order, so a retried purchase finds its own
 * sale and answers with the first order. A charge whose sale failed on every shard is refunded.
 */
@Injectable()
export class PurchaseHold {
  private readonly logger = new Logger('Holds');

  constructor(
    private readonly lookup: HoldLookup,
    private readonly projections: ProjectionsService,
    private readonly payments: PaymentProvider,
    private readonly sales: SalesQueries,
    private readonly metrics: Metrics,
    private readonly passes: TicketPasses,
    private readonly contacts: ContactEmails,
  ) {}

  async purchase(customerId: string, holdId: string, token: string, idempotencyKey: string, email?: string): Promise<Order> {
    const location = await this.lookup.locate(customerId, holdId);
    const inventory = await this.lookup.show(location.showId);
    const orderId = stableUuid(`order:${customerId}:${idempotencyKey}`);
    const now = Date.now();
    const views = (await Promise.all(location.shards.map((i) => inventory.shards[i].writer.read((state) => holdView(state, holdId, now))))).filter(
      (v): v is HoldView => v !== undefined,
    );
    const bought = views.find((v) => v.status === 'sold');
    if (bought && bought.orderId !== orderId) {
      throw new DomainError('hold_already_purchased', `Hold ${holdId} was already purchased`, { holdId, orderId: bought.orderId });
    }
    // A retry of this very order: the first attempt may have died between shards, so the
    // parts still held are sold now (SellHold answers a part already sold to it with no event).
    const unsold = views.filter((v) => v.status !== 'sold');
    if (bought && unsold.every((v) => v.status !== 'active')) {
      if (email !== undefined) await this.contacts.give(customerId, orderId, email);
      return this.existingOrder(customerId, orderId);
    }
    const merged = mergeViews(holdId, location.showId, bought ? unsold : views);
    if (!bought && merged.status === 'released') throw new DomainError('hold_released', `Hold ${holdId} was released`, { holdId });
    if (!bought && (merged.status === 'expired' || tooLateToPurchase(merged.expiresAt, now))) {
      throw new DomainError('hold_expired', `Hold ${holdId} expired at ${merged.expiresAt}`, { holdId, expiresAt: merged.expiresAt });
    }
    // The same figures the hold page showed (HoldViews.view): tickets at their recorded prices plus the show's fee.
    const settings = showCharges(inventory.definition.show);
    const { prices, total, currency, charges } = priceHold(inventory.definition.show.tiers, views, settings);
    const charge = await this.payments.charge({ token, amount: total, currency, idempotencyKey: orderId });
    if (charge.status === 'invalid_token') throw new AppError('invalid_request', 'payment.token is not a card we accept (test cards: tok_visa, tok_declined)', { field: 'payment.token' });
    if (charge.status === 'declined') throw new AppError('payment_declined', 'The card was declined; the hold stays yours until it expires', { reason: charge.reason });
    const sold: TicketsSold[] = [];
    const soldOn: string[] = [];
    // The address goes to its own stream beside the sale, in the same group commit: no
    // extra wait, and nothing of it in the sale's events (docs/decisions.md).
    const contact = email === undefined ? undefined : this.contacts.give(customerId, orderId, email);
    try {
      for (const view of views) {
        const shard = inventory.shards.find((s) => s.plan.shardId === view.shardId)!;
        const ticketIds = view.tiers.map((_, i) => stableUuid(`ticket:${orderId}:${view.shardId}:${i}`));
        const { events } = await shard.writer.execute({
          type: 'SellHold',
          data: { holdId, orderId, customerId, now: Date.now(), prices, ticketIds, chargeId: charge.chargeId, ...settings },
        });
        const sale = events.filter((e) => e.type === 'TicketsSold') as TicketsSold[];
        for (const part of sale) this.metrics.ticketsSold.inc(part.data.tickets.length);
        sold.push(...sale);
        for (const _ of sale) soldOn.push(view.shardId);
      }
    } catch (error) {
      if (sold.length === 0) await this.payments.refund(charge.chargeId);
      else this.logger.error(`hold ${holdId} sold on ${sold.length} of ${views.length} shards: ${String(error)}`);
      await contact?.catch(() => undefined);
      throw error;
    }
    await contact;
    if (sold.length > 0) this.metrics.orders.inc({ result: 'sold' });
    // Some part was sold to this order before (a retry, or two requests with one key at once): the whole order is in the read model.
    if (sold.length < views.length) return this.existingOrder(customerId, orderId);
    // Each ticket's check-in payload names the shard that sold it.
    const tickets = sold.flatMap((e, i) => e.data.tickets.map((t) => ({ ...t, pass: this.passes.passOf(location.showId, soldOn[i], t.ticketId) })));
    return { orderId, holdId, showId: location.showId, customerId, tickets, ...charges, purchasedAt: sold[0]?.data.soldAt ?? toIsoTimestamp(now) };
  }

  private async existingOrder(customerId: string, orderId: string): Promise<Order> {
    await this.projections.catchUp();
    const order = this.sales.order(customerId, orderId, this.passes.passOf);
    if (!order) throw new AppError('not_ready', 'The order is being recorded; retry', undefined, 1);
    return order;
  }
}
