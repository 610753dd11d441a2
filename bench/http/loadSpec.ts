/** What the orchestrator asks of the load generator process, and what it reports back. */
export type LoadSpec =
  | {
      kind: 'get';
      url: string;
      /** Requests cycle over these paths. */
      paths: string[];
      connections: number;
      seconds: number;
      /** Requests per second over all connections; unset: as fast as the server answers. */
      rate?: number;
      headers?: Record<string, string>;
    }
  | {
      kind: 'holds';
      url: string;
      showId: string;
      connections: number;
      seconds: number;
      rate?: number;
      /**
       * With `rate`: seconds of requests at that rate before the measured `seconds`. Their
       * latencies are reported apart (`leadIn`): they show the step from whatever ran before.
       */
      leadInSeconds?: number;
      /** DATA_DIR of the server: the load generator signs customer tokens with its secret. */
      dataDir: string;
      adminToken: string;
      /** Tickets per hold, uniformly from min to max. */
      quantity: [number, number];
      /** Buy each hold right after it is granted. */
      purchase: boolean;
      /** Best-available requests: a tier, and optionally a section per request. */
      tier?: string;
      sections?: string[];
      /** Run until the show answers that nothing is left (then finish the purchases in flight). */
      untilSoldOut?: boolean;
    };

export interface Latency {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

export interface LoadResult {
  seconds: number;
  requests: number;
  perSecond: number;
  latency: Latency;
  byKind: Record<string, { count: number; perSecond: number; statuses: Record<string, number>; latency: Latency }>;
  errors: number;
  timeouts: number;
  ticketsHeld: number;
  ticketsSold: number;
  orders: number;
  /** Seated shows: seats that came back in two different orders (must be 0). */
  doubleSoldSeats: number;
  /** The show answered that nothing was left. */
  soldOut: boolean;
  firstErrors: string[];
  /** Paced runs with a lead-in: the latencies of its requests, kept out of `latency` and `byKind`. */
  leadIn?: Latency;
  /** Paced runs: p99 of each measured second, by the second the requests were due in. */
  p99BySecond?: number[];
  /** Paced runs: for each measured second, the most a request left after its due time (the generator's own lag), in ms. */
  sendLagBySecond?: number[];
}
