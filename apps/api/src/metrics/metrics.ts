import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * What an API process counts, for Prometheus (`GET /metrics`): holds placed and refused, tickets
 * and orders sold, error answers by status and code (503s among them), the store's append time
 * per cluster, the read models' lag per cluster and how old this process's view of the store is.
 * One registry per app, so several apps in one process (tests) never mix their figures.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly holds = new Counter({ name: 'ticketing_holds_total', help: 'Hold requests by result: placed, or the error code that refused them', labelNames: ['result'] as const, registers: [this.registry] });
  readonly ticketsHeld = new Counter({ name: 'ticketing_tickets_held_total', help: 'Tickets in holds placed', registers: [this.registry] });
  readonly orders = new Counter({ name: 'ticketing_orders_total', help: 'Purchases by result: sold, or the error code that refused them', labelNames: ['result'] as const, registers: [this.registry] });
  readonly ticketsSold = new Counter({ name: 'ticketing_tickets_sold_total', help: 'Tickets sold', registers: [this.registry] });
  readonly errors = new Counter({ name: 'ticketing_http_errors_total', help: 'Error answers by status and error code (503: the store or the server could not serve)', labelNames: ['status', 'code'] as const, registers: [this.registry] });
  readonly appendSeconds = new Histogram({
    name: 'ticketing_store_append_seconds',
    help: 'Time for the event store to acknowledge an append (on a cluster: a quorum has it on disk), by cluster',
    labelNames: ['cluster'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly projectionLag = new Gauge({ name: 'ticketing_projection_lag_events', help: 'Events of the log the read models have not applied yet, by cluster', labelNames: ['cluster'] as const, registers: [this.registry] });
  readonly readsStaleness = new Gauge({ name: 'ticketing_reads_staleness_seconds', help: "How old this process's view of the store is (on a cluster: since it last reached the majority), by cluster", labelNames: ['cluster'] as const, registers: [this.registry] });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'ticketing_process_' });
  }
}

/** The error code a refusal goes by (a domain or application error's code, else the error's name). */
export function refusalCode(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && /^[a-z_]{1,40}$/.test(code)) return code;
  return error instanceof Error ? error.name : 'unknown';
}
