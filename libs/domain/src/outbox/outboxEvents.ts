/**
 * The email outbox's sent markers. One stream per mailing (`outboxStream(kind, ref)`):
 * a holder message's mailing to its holders, later an order's receipt. What is marked
 * is never sent again; what is not is sent (again) after a crash.
 */
export type EmailSent = {
  type: 'EmailSent';
  /** `recipient` is the customer id; the address is never written here. `messageId` is the RFC 5322 Message-ID sent. */
  data: { emailId: string; recipient: string; messageId: string; sentAt: string };
};

/** The SMTP server refused the email for good (a 5xx answer): it is not tried again. */
export type EmailFailed = {
  type: 'EmailFailed';
  data: { emailId: string; recipient: string; reason: string; at: string };
};

/** Every recipient of the mailing has a marker: the worker need not look at it again. */
export type MailingCompleted = {
  type: 'MailingCompleted';
  data: { sent: number; failed: number; at: string };
};

export type OutboxEvent = EmailSent | EmailFailed | MailingCompleted;

export type RecordEmailSent = { type: 'RecordEmailSent'; data: { emailId: string; recipient: string; messageId: string; now: number } };
export type RecordEmailFailed = { type: 'RecordEmailFailed'; data: { emailId: string; recipient: string; reason: string; now: number } };
export type CompleteMailing = { type: 'CompleteMailing'; data: { now: number } };

export type OutboxCommand = RecordEmailSent | RecordEmailFailed | CompleteMailing;

export interface OutboxState {
  /** Every email of the mailing with a marker, by its id. */
  outcomes: Map<string, 'sent' | 'failed'>;
  sent: number;
  failed: number;
  completed: boolean;
}

/** The kinds of email the outbox sends; each names its mailings by a `ref` of its own. */
export type MailKind = 'holder_message' | 'receipt';

export function outboxStream(kind: MailKind, ref: string): string {
  return `outbox-${kind}-${ref}`;
}
