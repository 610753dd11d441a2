import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** Envelope recipients. */
  to: string[];
  messageId: string | undefined;
  subject: string | undefined;
  raw: string;
}

/**
 * A real SMTP server (the smtp-server package) on a loopback port. It records only
 * what it accepted (answered 250 to). `holdAt(n)` makes it keep the n-th message it
 * receives (counting from 1) unanswered, and say so, until `release()`.
 */
export class SmtpSink {
  readonly accepted: ReceivedMail[] = [];
  private received = 0;
  private holdNumber: number | undefined;
  private heldSignal: (() => void) | undefined;
  private pending: Array<() => void> = [];
  private server!: SMTPServer;
  port = 0;

  static async start(port = 0): Promise<SmtpSink> {
    const sink = new SmtpSink();
    await sink.listen(port);
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  private listen(port: number): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const mail: ReceivedMail = {
            to: session.envelope.rcptTo.map((r) => r.address),
            messageId: /^Message-ID:\s*(<[^>]+>)/im.exec(raw)?.[1],
            subject: /^Subject:\s*(.*)$/im.exec(raw)?.[1]?.trim(),
            raw,
          };
          const number = ++this.received;
          const accept = () => {
            this.accepted.push(mail);
            callback();
          };
          if (number === this.holdNumber) {
            // Kept unanswered: the client waits for our 250 and has not had it.
            this.pending.push(() => callback(new Error('released unaccepted')));
            this.heldSignal?.();
            return;
          }
          accept();
        });
      },
    });
    this.server.on('error', () => undefined);
    return new Promise((resolve) => {
      this.server.listen(port, '127.0.0.1', () => {
        this.port = (this.server.server.address() as AddressInfo).port;
        resolve();
      });
    });
  }

  /** Resolves when the n-th message (from now on counting every one received) is being held. */
  holdAt(n: number): Promise<void> {
    this.holdNumber = n;
    return new Promise((resolve) => (this.heldSignal = resolve));
  }

  /** Stops holding; a held message is refused (its client is usually gone by then). */
  release(): void {
    this.holdNumber = undefined;
    for (const answer of this.pending.splice(0)) answer();
  }

  /** How many accepted emails went to each address. */
  countsByAddress(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const mail of this.accepted) for (const to of mail.to) counts.set(to, (counts.get(to) ?? 0) + 1);
    return counts;
  }

  async stop(): Promise<void> {
    this.release();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
