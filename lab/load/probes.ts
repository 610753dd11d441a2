import { request } from './http';

export interface RemainingSample {
  region: string;
  sentAt: number;
  receivedAt: number;
  /** HTTP status; 0 when nothing answered. */
  status: number;
  body?: {
    status: string;
    estimate: number;
    lower: number;
    upper: number;
    unknownTickets: number;
    inTransit?: number;
    byGroup: Array<{ group: string; available: number; lower: number; upper: number; asOf: string; stale: boolean; unknown: boolean }>;
  };
}

/** Every `everyMs`, GET /v1/shows/:id/remaining from every region at once; every answer kept with when it was asked and answered. */
export class RemainingProbe {
  readonly samples: RemainingSample[] = [];
  private timer: NodeJS.Timeout | undefined;
  private inFlight = new Set<Promise<void>>();

  constructor(
    private readonly regions: readonly string[],
    private readonly urlOf: (region: string) => string,
    private readonly showId: string,
    private readonly everyMs = 1_000,
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      for (const region of this.regions) {
        const sentAt = Date.now();
        const one = request(this.urlOf(region), 'GET', `/v1/shows/${this.showId}/remaining`, { timeoutMs: 3_000 })
          .then((reply) => ({ status: reply.status, body: reply.status === 200 ? reply.body : undefined }))
          .catch(() => ({ status: 0, body: undefined }))
          .then(({ status, body }) => void this.samples.push({ region, sentAt, receivedAt: Date.now(), status, body }));
        this.inFlight.add(one);
        void one.finally(() => this.inFlight.delete(one));
      }
    }, this.everyMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await Promise.all([...this.inFlight]);
  }
}

/** A Prometheus sample: name, labels, value. */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export function parsePrometheus(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})?\s+(\S+)/.exec(line);
    if (!match) continue;
    const labels: Record<string, string> = {};
    for (const pair of (match[3] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[pair[1]] = pair[2];
    samples.push({ name: match[1], labels, value: Number(match[4]) });
  }
  return samples;
}

const COUNTERS = /^ticketing_(holds_total|tickets_sold_total|orders_total|http_errors_total|store_append_seconds_(bucket|sum|count))$/;

/**
 * Each region's counters from its `GET /metrics`, scraped every `everyMs`: a counter that went
 * down means the process restarted, so the region's figure is the sum of what each process counted
 * (up to its last scrape before it died).
 */
export class MetricsScraper {
  /** region → series key → accumulated value */
  readonly totals = new Map<string, Map<string, number>>();
  private readonly last = new Map<string, Map<string, number>>();
  private readonly baseline = new Map<string, Map<string, number>>();
  private readonly startedAt = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly regions: readonly string[],
    private readonly urlOf: (region: string) => string,
    private readonly adminToken: string,
    private readonly everyMs = 2_000,
  ) {}

  /** Takes the first scrape as the baseline (counters of earlier scenarios on the same processes are not counted). */
  async start(): Promise<void> {
    await this.scrapeAll(true);
    this.timer = setInterval(() => (this.running = this.scrapeAll(false)), this.everyMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
    await this.scrapeAll(false);
  }

  /** The sum of every series of `name` whose labels include `labels`. */
  value(region: string, name: string, labels: Record<string, string> = {}): number {
    let sum = 0;
    for (const [key, value] of this.totals.get(region) ?? []) {
      const { name: n, labels: l } = JSON.parse(key) as { name: string; labels: Record<string, string> };
      if (n === name && Object.entries(labels).every(([k, v]) => l[k] === v)) sum += value;
    }
    return sum;
  }

  /** The labels' values seen for `label` on series `name` in a region. */
  labelValues(region: string, name: string, label: string): string[] {
    const values = new Set<string>();
    for (const key of this.totals.get(region)?.keys() ?? []) {
      const { name: n, labels: l } = JSON.parse(key) as { name: string; labels: Record<string, string> };
      if (n === name && l[label] !== undefined) values.add(l[label]);
    }
    return [...values];
  }

  private async scrapeAll(asBaseline: boolean): Promise<void> {
    await Promise.all(this.regions.map(async (region) => {
      let text: string;
      try {
        const reply = await request(this.urlOf(region), 'GET', '/metrics', { token: this.adminToken, timeoutMs: 3_000 });
        if (reply.status !== 200) return;
        text = String(reply.body);
      } catch {
        return;
      }
      const samples = parsePrometheus(text);
      const started = samples.find((s) => s.name.endsWith('process_start_time_seconds'))?.value;
      // Another process since the last scrape (a restart): its counters start from 0.
      if (started !== undefined && this.startedAt.has(region) && this.startedAt.get(region) !== started) this.last.set(region, new Map());
      if (started !== undefined) this.startedAt.set(region, started);
      const last = this.last.get(region) ?? new Map<string, number>();
      const totals = this.totals.get(region) ?? new Map<string, number>();
      const baseline = this.baseline.get(region) ?? new Map<string, number>();
      for (const sample of samples) {
        if (!COUNTERS.test(sample.name)) continue;
        const key = JSON.stringify({ name: sample.name, labels: sample.labels });
        if (asBaseline) {
          baseline.set(key, sample.value);
          last.set(key, sample.value);
          continue;
        }
        const before = last.get(key) ?? 0;
        const increase = sample.value >= before ? sample.value - before : sample.value;
        totals.set(key, (totals.get(key) ?? 0) + increase);
        last.set(key, sample.value);
      }
      this.last.set(region, last);
      this.totals.set(region, totals);
      this.baseline.set(region, baseline);
    }));
  }
}
