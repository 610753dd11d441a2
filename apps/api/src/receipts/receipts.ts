import { Injectable } from '@nestjs/common';
import type { Receipt } from '@app/contracts';
import { CatalogQueries, OrderShowQueries, SalesQueries } from '@app/read-models';
import { TicketPasses } from '../tickets/ticketPasses';
import { renderReceipt } from './receiptEmail';
import { ReceiptLinks, type ReceiptClaims } from './receiptLinks';

/** An order as its receipt shows it: by email (the outbox) and behind its signed link (the receipt page). */
@Injectable()
export class Receipts {
  constructor(
    private readonly sales: SalesQueries,
    private readonly shows: OrderShowQueries,
    private readonly catalog: CatalogQueries,
    private readonly passes: TicketPasses,
    private readonly links: ReceiptLinks,
  ) {}

  /** The order with its show and its tickets' QR payloads; undefined while the read model lacks it (or its show). */
  view({ customerId, orderId }: ReceiptClaims): Receipt | undefined {
    const order = this.sales.order(customerId, orderId, this.passes.passOf);
    const show = order && this.shows.of(order.showId);
    if (!order || !show) return undefined;
    return { orderId, showId: order.showId, show, tickets: order.tickets, total: order.total, currency: order.currency, purchasedAt: order.purchasedAt };
  }

  /** The receipt's email (no QR payloads in it: the link opens them). */
  email(claims: ReceiptClaims): { subject: string; text: string } | undefined {
    const receipt = this.view(claims);
    if (!receipt) return undefined;
    const sections = new Map((this.catalog.show(receipt.showId)?.sections ?? []).map((s) => [s.id, s.name] as const));
    return renderReceipt({ ...receipt, sections, link: this.links.linkFor(claims) });
  }
}
