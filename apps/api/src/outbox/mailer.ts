import { createTransport, type Transporter } from 'nodemailer';

/** One email as the outbox sends it. `messageId` is deterministic: a resend after a crash carries the same one. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  messageId: string;
  headers?: Record<string, string>;
}

/** The SMTP server refused the email for good (5xx): trying again would not help. */
export class PermanentMailError extends Error {
  override readonly name = 'PermanentMailError';
}

/** nodemailer over one pooled SMTP connection to SMTP_URL. */
export class Mailer {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transport = createTransport(smtpUrl, {
      // One connection: emails leave one at a time, each marked before the next (see OutboxWorker).
      pool: true,
      maxConnections: 1,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 60_000,
    } as object);
  }

  /** Resolves once the server accepted the email; throws PermanentMailError on a 5xx, any other error when it may work later. */
  async send(mail: OutgoingMail): Promise<void> {
    try {
      await this.transport.sendMail({ from: this.from, to: mail.to, subject: mail.subject, text: mail.text, messageId: mail.messageId, headers: mail.headers });
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      if (typeof code === 'number' && code >= 500 && code < 600) throw new PermanentMailError(`${code} ${(error as Error).message}`);
      throw error;
    }
  }

  close(): void {
    this.transport.close();
  }
}

/** The domain part of the sender's address: every Message-ID ends in it. */
export function senderDomain(from: string): string {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  return address.split('@')[1] ?? 'localhost';
}
