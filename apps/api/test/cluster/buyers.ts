import { randomUUID } from 'node:crypto';
import { call, type Answer } from '../support/childServer';

/** A hold or an order the API acknowledged with a 2xx. */
export interface AckedHold {
  holdId: string;
  token: string;
  quantity: number;
  ticketNumbers: number[];
  at: number;
}

export interface AckedOrder {
  orderId: string;
  holdId: string;
  token: string;
  tickets: number;
  at: number;
}

export interface BuyerReport {
  holds: AckedHold[];
  orders: AckedOrder[];
  /** Answers by status. */
  statuses: Record<number, number>;
  /** Answers a client must never get during a fault: a 5xx other than 503, or a 503 without Retry-After. */
  bad: string[];
  /** Times (ms since the epoch) at which a write was acknowledged. */
  writeAcks: number[];
  /** Requests that were repeats of one already sent with the same Idempotency-Key. */
  retries: number;
  /** Refusals of a hold other than "sold out", with their bodies: a well-behaved client stops there too. */
  refusals: string[];
  /** Holds whose first attempt was undone during a fault, so the API asked for a new Idempotency-Key. */
  keysSpent: number;
}

export interface BuyersOptions {
  /** The API this crowd talks to. */
  url: string;
  showId: string;
  concurrency: number;
  /** How long a client waits before repeating a request that got 503 (the API says 1–2 s; tests ask sooner). */
  retryMs?: number;
  /** Whether to buy each hold (default) or only hold. */
  buy?: boolean;
}

/**
 * A crowd of customers on a general-admission show: each makes an identity, holds 1–4
 * tickets and buys them, every write with an Idempotency-Key, and repeats a request that
 * got 503 with the same key until it gets a real answer — as a well-behaved client does
 * across a failover. Everything acknowledged is recorded, so a test can check afterwards
 * that the log kept it, once.
 */
export class Buyers {
  readonly report: BuyerReport = { holds: [], orders: [], statuses: {}, bad: [], writeAcks: [], retries: 0, refusals: [], keysSpent: 0 };
  private running = false;
  private soldOut = false;
  private workers: Array<Promise<void>> = [];

  constructor(private readonly options: BuyersOptions) {}

  start(): void {
    this.running = true;
    this.workers = Array.from({ length: this.options.concurrency }, () => this.work());
  }

  /** Stops starting new purchases; resolves once every one under way has a final answer. */
  async stop(): Promise<BuyerReport> {
    this.running = false;
    await Promise.all(this.workers);
    return this.report;
  }

  get acknowledgedWrites(): number {
    return this.report.writeAcks.length;
  }

  /** The longest time between two acknowledged writes within [from, to]: how long writes stopped. */
  longestGap(from: number, to: number): number {
    const acks = this.report.writeAcks.filter((t) => t >= from && t <= to).sort((a, b) => a - b);
    let gap = 0;
    let previous = from;
    for (const t of acks) {
      gap = Math.max(gap, t - previous);
      previous = t;
    }
    return Math.max(gap, to - previous);
  }

  private async work(): Promise<void> {
    while (this.running && !this.soldOut) {
      const token = (await this.write('POST', '/v1/customers', {}, undefined))?.body.token as string | undefined;
      if (!token) continue;
      const quantity = 1 + Math.floor(Math.random() * 4);
      const hold = await this.write('POST', `/v1/shows/${this.options.showId}/holds`, { quantity }, token);
      if (!hold || hold.status !== 201) {
        if (hold?.status === 409 && hold.body?.error === 'seats_unavailable' && hold.body?.details?.available === 0) this.soldOut = true;
        // The first attempt was cut short and undone: nothing is held, and the API asks for a new key.
        else if (hold?.status === 409 && hold.body?.error === 'idempotency_key_reused') this.report.keysSpent++;
        else if (hold) this.report.refusals.push(`hold: ${hold.status} ${JSON.stringify(hold.body)}`);
        continue;
      }
      const holdId = hold.body.holdId as string;
      this.report.holds.push({ holdId, token, quantity, ticketNumbers: hold.body.ticketNumbers, at: Date.now() });
      if (this.options.buy === false) continue;
      const order = await this.write('POST', `/v1/holds/${holdId}/purchase`, { payment: { token: 'tok_visa' } }, token);
      if (order?.status === 201) {
        this.report.orders.push({ orderId: order.body.orderId, holdId, token, tickets: order.body.tickets.length, at: Date.now() });
      } else if (order) this.report.refusals.push(`purchase: ${order.status} ${JSON.stringify(order.body)}`);
    }
  }

  /**
   * One write with its own Idempotency-Key, repeated with the same key while it gets
   * 503, 409 `conflict` (both say Retry-After) or no answer at all; undefined when the crowd
   * was stopped before it got one.
   */
  private async write(method: string, path: string, body: unknown, token: string | undefined): Promise<Answer | undefined> {
    const key = randomUUID();
    for (let attempt = 0; ; attempt++) {
      if (attempt > 0) this.report.retries++;
      let answer: Answer | undefined;
      try {
        answer = await call(this.options.url, method, path, { body, token, headers: { 'idempotency-key': key } });
      } catch {
        answer = undefined; // no answer (connection cut): the outcome is unknown, so ask again
      }
      if (answer) {
        this.report.statuses[answer.status] = (this.report.statuses[answer.status] ?? 0) + 1;
        if (answer.status >= 500 && answer.status !== 503) this.report.bad.push(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
        if (answer.status === 503 && !answer.headers.get('retry-after')) this.report.bad.push(`${method} ${path}: 503 without Retry-After`);
        // 409 `conflict`: the show's stream moved under the write (e.g. an expiry from the other side of a heal); retry.
        const retryable = answer.status === 503 || (answer.status === 409 && (answer.body as { error?: string } | undefined)?.error === 'conflict');
        if (!retryable) {
          if (answer.status >= 200 && answer.status < 300 && path !== '/v1/customers') this.report.writeAcks.push(Date.now());
          return answer;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, this.options.retryMs ?? 100));
    }
  }
}
