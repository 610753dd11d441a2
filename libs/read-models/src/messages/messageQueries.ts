import type Database from 'better-sqlite3';
import type { ReadDatabase } from '../readDatabase';
import { SalesAuditProjection, saleItems } from '../inventory/salesAuditProjection';
import { ContactEmailsProjection } from './contactEmailsProjection';
import { HolderMessagesProjection, type HolderMessageRow } from './holderMessagesProjection';
import { OutboxProjection, type MailingRow } from './outboxProjection';

export type HolderMessageWithDelivery = HolderMessageRow & { sent: number; failed: number; completed_at: string | null };

/** Reads over the messages, the sales (who holds what) and the outbox's progress, on the read connection. */
export class MessageQueries {
  private readonly s: {
    customerSales: Database.Statement<[string], { show_id: string; items: string }>;
    showSales: Database.Statement<[string], { customer_id: string; items: string }>;
    customerShowSales: Database.Statement<[string, string], { items: string }>;
    showMessages: Database.Statement<[string], HolderMessageWithDelivery>;
    message: Database.Statement<[string], HolderMessageRow>;
    pending: Database.Statement<[], HolderMessageRow>;
    email: Database.Statement<[string], { email: string }>;
    mailing: Database.Statement<[string, string], MailingRow>;
  };

  constructor(readDb: ReadDatabase) {
    for (const projection of [new SalesAuditProjection(), new HolderMessagesProjection(), new OutboxProjection(), new ContactEmailsProjection()]) projection.setup(readDb.writer);
    const db = readDb.reader;
    this.s = {
      customerSales: db.prepare('SELECT show_id, items FROM sales WHERE customer_id = ? ORDER BY seq'),
      showSales: db.prepare('SELECT customer_id, items FROM sales WHERE show_id = ? ORDER BY first_ticket'),
      customerShowSales: db.prepare('SELECT items FROM sales WHERE customer_id = ? AND show_id = ?'),
      showMessages: db.prepare(
        `SELECT m.*, coalesce(o.sent, 0) AS sent, coalesce(o.failed, 0) AS failed, o.completed_at FROM holder_messages m
           LEFT JOIN mailings o ON o.kind = 'holder_message' AND o.ref = m.message_id WHERE m.show_id = ? ORDER BY m.position DESC`,
      ),
      message: db.prepare('SELECT * FROM holder_messages WHERE message_id = ?'),
      pending: db.prepare(
        `SELECT m.* FROM holder_messages m LEFT JOIN mailings o ON o.kind = 'holder_message' AND o.ref = m.message_id
           WHERE o.completed_at IS NULL ORDER BY m.position`,
      ),
      email: db.prepare('SELECT email FROM contact_emails WHERE customer_id = ?'),
      mailing: db.prepare('SELECT * FROM mailings WHERE kind = ? AND ref = ?'),
    };
  }

  /** The messages meant for this customer: of every show it holds tickets for, to all holders or to a tier it holds; newest first. */
  forCustomer(customerId: string): HolderMessageRow[] {
    const tiersByShow = new Map<string, Set<string>>();
    for (const row of this.s.customerSales.all(customerId)) {
      let tiers = tiersByShow.get(row.show_id);
      if (!tiers) tiersByShow.set(row.show_id, (tiers = new Set()));
      for (const ticket of saleItems(row)) tiers.add(ticket.tier);
    }
    const messages: HolderMessageRow[] = [];
    for (const [showId, tiers] of tiersByShow) {
      for (const message of this.s.showMessages.all(showId)) if (message.tier === null || tiers.has(message.tier)) messages.push(message);
    }
    return messages.sort((a, b) => b.position - a.position);
  }

  /** Whether the customer holds a ticket of the show (of that tier, when one is named). */
  holds(customerId: string, showId: string, tier: string | null): boolean {
    return this.s.customerShowSales.all(customerId, showId).some((row) => tier === null || saleItems(row).some((t) => t.tier === tier));
  }

  /** The customers holding tickets of the show (of that tier), each once, in the order they first bought. */
  holders(showId: string, tier: string | null): string[] {
    const seen = new Set<string>();
    for (const row of this.s.showSales.iterate(showId)) {
      if (seen.has(row.customer_id)) continue;
      if (tier === null || saleItems(row).some((t) => t.tier === tier)) seen.add(row.customer_id);
    }
    return [...seen];
  }

  /** The show's messages, newest first, with how far their mailing has got. */
  forShow(showId: string): HolderMessageWithDelivery[] {
    return this.s.showMessages.all(showId);
  }

  message(messageId: string): HolderMessageRow | undefined {
    return this.s.message.get(messageId);
  }

  /** Messages whose mailing is not complete, oldest first. */
  pendingMailings(): HolderMessageRow[] {
    return this.s.pending.all();
  }

  /** The address the customer gave last, if any. */
  emailOf(customerId: string): string | undefined {
    return this.s.email.get(customerId)?.email;
  }

  mailing(kind: string, ref: string): MailingRow | undefined {
    return this.s.mailing.get(kind, ref);
  }
}
