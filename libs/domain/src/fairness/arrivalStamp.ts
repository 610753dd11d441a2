/**
 * Arrival stamps at the regional edge (docs/datacenters.md §7): a hybrid logical clock — the
 * wall clock in ms, a counter for arrivals within one ms (or while the wall clock lags a stamp
 * already seen), and the node that stamped. Stamps of one node are strictly increasing; stamps of
 * different nodes order by wall time, then counter, then node name, so "first" is "earlier in
 * admission order", with deterministic tie-breaks. Clocks of different datacenters agree only to a
 * few ms: closer arrivals have no physical order, and this order does not pretend otherwise.
 */
export interface ArrivalStamp {
  wallMs: number;
  logical: number;
  node: string;
}

export class HybridLogicalClock {
  private wallMs = 0;
  private logical = 0;

  constructor(
    readonly node: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** The stamp of an arrival now: later than every stamp this clock made or observed. */
  stamp(): ArrivalStamp {
    const physical = this.now();
    if (physical > this.wallMs) {
      this.wallMs = physical;
      this.logical = 0;
    } else {
      this.logical++;
    }
    return { wallMs: this.wallMs, logical: this.logical, node: this.node };
  }

  /** Takes in a stamp made elsewhere, so what this clock stamps next comes after it. */
  observe(remote: ArrivalStamp): void {
    if (remote.wallMs > this.wallMs || (remote.wallMs === this.wallMs && remote.logical > this.logical)) {
      this.wallMs = remote.wallMs;
      this.logical = remote.logical;
    }
  }
}

export function compareStamps(a: ArrivalStamp, b: ArrivalStamp): number {
  return a.wallMs - b.wallMs || a.logical - b.logical || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0);
}

/** `<wallMs>.<logical>@<node>`, e.g. `1782900000123.4@eu-west`: how a stamp travels in a header. */
export function formatStamp(stamp: ArrivalStamp): string {
  return `${stamp.wallMs}.${stamp.logical}@${stamp.node}`;
}

export function parseStamp(text: string): ArrivalStamp | undefined {
  const match = /^(\d{1,15})\.(\d{1,9})@([A-Za-z0-9_.-]{1,64})$/.exec(text);
  return match ? { wallMs: Number(match[1]), logical: Number(match[2]), node: match[3] } : undefined;
}

/**
 * The fairness figure: of all pairs of requests where exactly one got a ticket, how many went to
 * the later one (by stamp). 0 is first-come-first-served; half of them is a lottery.
 */
export function unfairPairs(requests: ReadonlyArray<{ stamp: ArrivalStamp; served: boolean }>): { unfair: number; pairs: number } {
  const ordered = [...requests].sort((a, b) => compareStamps(a.stamp, b.stamp));
  let unservedSoFar = 0;
  let servedSoFar = 0;
  let unfair = 0;
  let pairs = 0;
  for (const request of ordered) {
    if (request.served) {
      unfair += unservedSoFar;
      pairs += unservedSoFar;
      servedSoFar++;
    } else {
      pairs += servedSoFar;
      unservedSoFar++;
    }
  }
  return { unfair, pairs };
}
