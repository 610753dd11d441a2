import type { MailKind } from '@app/domain';

/** One person a mailing goes to: the customer (who the sent marker names) and the address it gave. */
export interface Recipient {
  customerId: string;
  address: string;
}

/**
 * A batch of email about one thing (a holder message, an order's receipt), with its
 * own outbox stream of sent markers (`outboxStream(kind, ref)`).
 */
export interface Mailing {
  kind: MailKind;
  ref: string;
  /** Everyone it should reach, each once; those without an address are left out. */
  recipients(): Recipient[];
  render(recipient: Recipient): { subject: string; text: string };
}

/** Where mailings come from: each kind of email registers one with the outbox. */
export interface MailingSource {
  /** The event types that may make a new mailing: the outbox wakes when one is applied. */
  readonly wakeOn: readonly string[];
  /** Mailings not yet complete, oldest first (the read models are caught up before this is called). */
  pending(): Promise<Mailing[]>;
}
