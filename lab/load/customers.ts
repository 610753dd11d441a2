import { randomUUID } from 'node:crypto';
import { parseStamp, type ArrivalStamp } from '@app/domain';
import { request, sleep, type Reply } from './http';

export interface LabHold {
  holdId: string;
  token: string;
  quantity: number;
  ticketNumbers: number[];
  /** When the first attempt was sent and when the 201 came (ms since the epoch). */
  sentAt: number;
  at: number;
}

export interface LabOrder {
  orderId: string;
  holdId: string;
  token: string;
  tickets: number;
  at: number;
}

/** One answered hold request (every attempt, retries included) as its arrival stamp and what it got. */
export interface StampedAnswer {
  stamp: ArrivalStamp;
  outcome: 'served' | 'soldOut' | 'unavailable';
}

export interface CustomersReport {
  region: string;
  holds: LabHold[];
  orders: LabOrder[];
  /** Answers to writes by status (0: no answer: refused connection, timeout). */
  statuses: Record<number, number>;
  /** When each 503 came, and each write that got no answer at all. */
  unavailableAt: number[];
  noAnswerAt: number[];
  /** A 5xx other than 503, or a 503 without Retry-After. */
  bad: string[];
  /** Refusals other than sold out. */
  refusals: string[];
  retries: number;
  /** Hold requests answered "sold out" (the region found no shard with tickets it could reach). */
  soldOutAnswers: number;
  /** Holds whose first attempt was undone during a fault, so the API asked for a new Idempotency-Key (nothing held). */
  keysSpent: number;
  /** Hold requests answered 201, 409 seats_unavailable or 503, with their `arrival-stamp`; those of these without a readable stamp are counted. */
  holdAnswers: StampedAnswer[];
  unstamped: number;
  /** Hold requests still unanswered when the crowd stopped, given up. */
  holdsGivenUp: number;
}

/**
 * A region's customers: `concurrency` of them at a time, each makes an identity, holds 1–4
 * tickets and buys them with tok_visa, every write with an Idempotency-Key that is repeated
 * while the answer is 503, 409 `conflict` or none at all (as apps/api/test/cluster/buyers.ts).
 * Everything acknowledged is recorded, with when it was asked and answered.
 */
export class RegionCustomers {
  readonly report: CustomersReport;
  private running = false;
  private workers: Array<Promise<void>> = [];
  /** Aborts the identities and holds still waiting for an answer some time after the crowd stops (never a purchase). */
  private readonly stopping = new AbortController();
  /** Set when a hold was refused as sold out; cleared by the next placed hold. */
  soldOutSince: number | undefined;

  constructor(
    readonly region: string,
    private readonly url: () => string,
    private readonly showId: string,
    private readonly concurrency: number,
    private readonly retryMs = 200,
  ) {
    this.report = { region, holds: [], orders: [], statuses: {}, unavailableAt: [], noAnswerAt: [], bad: [], refusals: [], retries: 0, soldOutAnswers: 0, keysSpent: 0, holdAnswers: [], unstamped: 0, holdsGivenUp: 0 };
  }

  start(): void {
    this.running = true;
    this.workers = Array.from({ length: this.concurrency }, () => this.work());
  }

  /**
   * Stops starting purchases and retries; holds still waiting for an answer get `graceMs` to have
   * one (a refusal of a request that came before the last one served is what the fairness figure
   * is about), then they are given up (a hold can try shard after shard for seconds; whatever it
   * takes is never acknowledged, so never bought, and expires). Resolves once every purchase under
   * way has its final answer.
   */
  async stop(graceMs = 5_000): Promise<CustomersReport> {
    this.running = false;
    const timer = setTimeout(() => this.stopping.abort(), graceMs);
    await Promise.all(this.workers);
    clearTimeout(timer);
    return this.report;
  }

  /** Acknowledged writes (holds and orders), by when they were acknowledged. */
  ackTimes(): number[] {
    return [...this.report.holds.map((h) => h.at), ...this.report.orders.map((o) => o.at)].sort((a, b) => a - b);
  }

  private async work(): Promise<void> {
    while (this.running) {
      const customer = await this.write('POST', '/v1/customers', {}, undefined);
      const token = customer?.status === 201 ? (customer.body.token as string) : undefined;
      if (!token) continue;
      const quantity = 1 + Math.floor(Math.random() * 4);
      const sentAt = Date.now();
      const hold = await this.write('POST', `/v1/shows/${this.showId}/holds`, { quantity }, token, false, (answer) => this.stamped(answer));
      if (!hold) continue;
      if (hold.status !== 201) {
        if (hold.status === 409 && hold.body?.error === 'seats_unavailable') {
          this.report.soldOutAnswers++;
          this.soldOutSince ??= Date.now();
          await sleep(500);
        } else if (hold.status === 409 && hold.body?.error === 'idempotency_key_reused') this.report.keysSpent++;
        else this.report.refusals.push(`hold: ${hold.status} ${JSON.stringify(hold.body).slice(0, 200)}`);
        continue;
      }
      this.soldOutSince = undefined;
      const holdId = hold.body.holdId as string;
      this.report.holds.push({ holdId, token, quantity, ticketNumbers: hold.body.ticketNumbers ?? [], sentAt, at: Date.now() });
      // Once a hold is acknowledged it is bought, however long that takes: the crowd stops only between purchases.
      const order = await this.write('POST', `/v1/holds/${holdId}/purchase`, { payment: { token: 'tok_visa' } }, token, true);
      if (order?.status === 201) this.report.orders.push({ orderId: order.body.orderId, holdId, token, tickets: order.body.tickets.length, at: Date.now() });
      else if (order) this.report.refusals.push(`purchase: ${order.status} ${JSON.stringify(order.body).slice(0, 200)}`);
    }
  }

  /** A hold answer's stamp and outcome, if it is one the fairness figure counts. */
  private stamped(answer: Reply): void {
    const outcome = answer.status === 201 ? 'served' : answer.status === 503 ? 'unavailable' : answer.status === 409 && answer.body?.error === 'seats_unavailable' ? 'soldOut' : undefined;
    if (!outcome) return;
    const stamp = answer.arrivalStamp ? parseStamp(answer.arrivalStamp) : undefined;
    if (stamp) this.report.holdAnswers.push({ stamp, outcome });
    else this.report.unstamped++;
  }

  /** One write, repeated with its key while 503 / 409 conflict / no answer; undefined once stopped without an answer. `answered` sees every answer. */
  private async write(method: string, path: string, body: unknown, token: string | undefined, finish = false, answered?: (answer: Reply) => void): Promise<Reply | undefined> {
    const key = randomUUID();
    for (let attempt = 0; this.running || (finish && attempt < 600); attempt++) {
      if (attempt > 0) this.report.retries++;
      let answer: Reply | undefined;
      try {
        answer = await request(this.url(), method, path, { body, token, headers: { 'idempotency-key': key }, ...(finish ? {} : { signal: this.stopping.signal }) });
      } catch {
        if (!finish && this.stopping.signal.aborted) {
          if (path.endsWith('/holds')) this.report.holdsGivenUp++;
          return undefined;
        }
        answer = undefined;
      }
      const status = answer?.status ?? 0;
      this.report.statuses[status] = (this.report.statuses[status] ?? 0) + 1;
      if (!answer) this.report.noAnswerAt.push(Date.now());
      else {
        answered?.(answer);
        if (answer.status === 503) this.report.unavailableAt.push(Date.now());
        if (answer.status >= 500 && answer.status !== 503) this.report.bad.push(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
        if (answer.status === 503 && !answer.retryAfter) this.report.bad.push(`${method} ${path}: 503 without Retry-After`);
        const retryable = answer.status === 503 || (answer.status === 409 && answer.body?.error === 'conflict');
        if (!retryable) return answer;
      }
      await sleep(this.retryMs);
    }
    return undefined;
  }
}
