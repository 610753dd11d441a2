import { Inject, Injectable } from '@nestjs/common';
import { contactDecider, contactStream } from '@app/domain';
import type { EventStore } from '@app/event-store';
import { decideAndAppend } from '../infrastructure/decideAndAppend';
import { EVENT_STORE } from '../infrastructure/tokens';

/**
 * A customer's email address, given with an order. Personal data: it lives in the
 * customer's own `contact-<customerId>` stream and the `contact_emails` table, never in a
 * sale, hold or audit row, so audits and exports cannot leak it (docs/decisions.md).
 */
@Injectable()
export class ContactEmails {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Records the address for the order; giving the same one again (a retried purchase) writes nothing. */
  async give(customerId: string, orderId: string, email: string): Promise<void> {
    await decideAndAppend(this.store, contactStream(customerId), contactDecider, { type: 'GiveContactEmail', data: { customerId, orderId, email, now: Date.now() } }, { customerId });
  }
}
