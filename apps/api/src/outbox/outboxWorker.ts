import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { AppConfig } from '@app/config';
import { outboxDecider, outboxStream, type OutboxCommand, type OutboxEvent, type OutboxState } from '@app/domain';
import type { EventStore } from '@app/event-store';
import { stableUuid } from '../infrastructure/ids';
import { StreamWriter } from '../infrastructure/streamWriter';
import { APP_CONFIG, EVENT_STORE } from '../infrastructure/tokens';
import { ProjectionsService } from '../projections/projections.service';
import { HolderMessageMailings } from './holderMessageMailings';
import { Mailer, PermanentMailError, senderDomain } from './mailer';
import { ReceiptMailings } from './receiptMailings';
import type { Mailing, MailingSource, Recipient } from './mailing';

const FIRST_RETRY_MS = 500;

type Outcome = { sent: true } | { sent: false; reason: string } | 'stopped';

/**
 * Sends the outbox's email, in the one process that runs the expiry worker, when
 * SMTP_URL is set. For each incomplete mailing it reads the mailing's sent markers
 * from the log, then sends to each recipient without one, ONE AT A TIME: an email is
 * handed to the SMTP server, and once the server has accepted it its `EmailSent` marker
 * is appended (and durable) before the next email starts. A crash therefore leaves at
 * most one email accepted but unmarked — the residual window, which a restart resends
 * with the same Message-ID (docs/decisions.md). While the server is down or answers
 * 4xx the same email is tried again, waiting twice as long each time (from half a
 * second up to MAIL_RETRY_MAX_SECONDS); a 5xx marks it failed and moves on.
 */
@Injectable()
export class OutboxWorker implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Outbox');
  private readonly sources: MailingSource[];
  private readonly wakeOn: Set<string>;
  private mailer: Mailer | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private cancelWait: (() => void) | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionsService,
    holderMessages: HolderMessageMailings,
    receipts: ReceiptMailings,
  ) {
    this.sources = [receipts, holderMessages];
    this.wakeOn = new Set(this.sources.flatMap((s) => s.wakeOn));
  }

  get enabled(): boolean {
    return this.config.expiryWorker && this.config.smtpUrl !== undefined;
  }

  onModuleInit(): void {
    if (!this.enabled) return;
    this.projections.onApplied((batch) => {
      if (batch.some((event) => this.wakeOn.has(event.type))) this.wake();
    });
  }

  onApplicationBootstrap(): void {
    if (!this.enabled) return;
    this.mailer = new Mailer(this.config.smtpUrl!, this.config.mailFrom);
    this.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.cancelWait?.();
    await this.running;
    this.mailer?.close();
  }

  /** Looks for work now, or right after the current pass. */
  wake(): void {
    if (this.stopped || !this.mailer) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.work().finally(() => (this.running = undefined));
  }

  private async work(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.projections.catchUp();
        for (const source of this.sources) {
          for (const mailing of await source.pending()) {
            if (this.stopped) return;
            await this.deliver(mailing);
          }
        }
      } catch (error) {
        // The store or read model failed: try the whole pass again after a while.
        this.logger.error(`outbox pass failed: ${error instanceof Error ? error.stack : String(error)}`);
        if (!(await this.pause(this.config.mailRetryMaxSeconds * 1000))) return;
        this.again = true;
      }
    } while (this.again && !this.stopped);
  }

  private async deliver(mailing: Mailing): Promise<void> {
    const writer = new StreamWriter<OutboxCommand, OutboxEvent, OutboxState>({
      store: this.store,
      streamId: outboxStream(mailing.kind, mailing.ref),
      decider: outboxDecider,
      metadata: { kind: mailing.kind, ref: mailing.ref },
    });
    const done = await writer.read((state) => new Set(state.outcomes.keys()), { fresh: true });
    for (const recipient of mailing.recipients()) {
      const emailId = stableUuid(`email:${mailing.kind}:${mailing.ref}:${recipient.customerId}`);
      if (done.has(emailId)) continue;
      const messageId = `<${emailId}@${senderDomain(this.config.mailFrom)}>`;
      const outcome = await this.send(mailing, recipient, messageId);
      if (outcome === 'stopped') return;
      const now = Date.now();
      await writer.execute(
        outcome.sent
          ? { type: 'RecordEmailSent', data: { emailId, recipient: recipient.customerId, messageId, now } }
          : { type: 'RecordEmailFailed', data: { emailId, recipient: recipient.customerId, reason: outcome.reason, now } },
      );
      done.add(emailId);
    }
    await writer.execute({ type: 'CompleteMailing', data: { now: Date.now() } });
  }

  private async send(mailing: Mailing, recipient: Recipient, messageId: string): Promise<Outcome> {
    const { subject, text } = mailing.render(recipient);
    for (let wait = FIRST_RETRY_MS; ; wait = Math.min(wait * 2, this.config.mailRetryMaxSeconds * 1000)) {
      if (this.stopped) return 'stopped';
      try {
        await this.mailer!.send({ to: recipient.address, subject, text, messageId, headers: { 'X-Ticketing-Mailing': `${mailing.kind}/${mailing.ref}` } });
        return { sent: true };
      } catch (error) {
        if (error instanceof PermanentMailError) {
          this.logger.warn(`${mailing.kind} ${mailing.ref}: refused for ${recipient.customerId}: ${error.message}`);
          return { sent: false, reason: error.message };
        }
        this.logger.warn(`${mailing.kind} ${mailing.ref}: SMTP not available (${error instanceof Error ? error.message : String(error)}); next try in ${wait} ms`);
        if (!(await this.pause(wait))) return 'stopped';
      }
    }
  }

  /** Waits, unless the app stops meanwhile (then false). */
  private pause(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.cancelWait = undefined;
        resolve(true);
      }, ms);
      this.cancelWait = () => {
        clearTimeout(timer);
        this.cancelWait = undefined;
        resolve(false);
      };
    });
  }
}
