/**
 * Partner analytics publish sales in cells (a tier, an hour, a region, an order size) and
 * never a cell that fewer than `k` distinct buyers are in. These are the rules that decide
 * what is published; docs/decisions.md explains why they are these.
 */

/** What a cell adds up: tickets, revenue in minor units, and (order sizes and totals) orders. */
export interface CellFigures {
  tickets: number;
  revenue: number;
  orders: number;
}

/** A cell as the read model counts it: its figures and how many distinct buyers are in it. */
export interface CountedCell extends CellFigures {
  key: string;
  buyers: number;
}

/** A cell as it may be published: its figures, or only that it is withheld. */
export type PublishedCell = ({ key: string; suppressed: false } & CellFigures) | { key: string; suppressed: true };

/** One scope's figures (a show): its total and one breakdown per dimension, each a partition of the total. */
export interface CountedReport<D extends string = string> {
  total: CountedCell;
  breakdowns: Record<D, CountedCell[]>;
}

export interface PublishedReport<D extends string = string> {
  total: PublishedCell;
  breakdowns: Record<D, PublishedCell[]>;
}

/**
 * One breakdown (its cells partition the scope's sales, and the scope's total is known):
 * 1. primary: every cell with fewer than `k` buyers is withheld;
 * 2. secondary: if any cell is withheld, the withheld cells must together hold a cell of at
 *    least `k` buyers, so that what a reader can work out by subtracting the published cells
 *    from the total is the sum of a small cell and a large one: the visible cell with the
 *    fewest buyers (then the fewest tickets, then the first key) is withheld too.
 * A breakdown with no cell of `k` buyers is withheld whole. Keys stay listed, in their order.
 */
export function suppressBreakdown(cells: readonly CountedCell[], k: number): PublishedCell[] {
  const withheld = new Set<string>();
  for (const cell of cells) if (cell.buyers < k) withheld.add(cell.key);
  if (withheld.size > 0) {
    const large = cells.filter((cell) => !withheld.has(cell.key));
    large.sort((a, b) => a.buyers - b.buyers || a.tickets - b.tickets || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    if (large.length > 0) withheld.add(large[0].key);
  }
  return cells.map((cell) => (withheld.has(cell.key) ? { key: cell.key, suppressed: true } : publish(cell)));
}

/**
 * A show's report: its total is published when at least `k` distinct buyers bought, and
 * then each breakdown as `suppressBreakdown` says; below `k` nothing is (every cell has no
 * more buyers than the total).
 */
export function suppressReport<D extends string>(report: CountedReport<D>, k: number): PublishedReport<D> {
  const totalWithheld = report.total.buyers < k;
  const breakdowns = {} as Record<D, PublishedCell[]>;
  for (const dimension of Object.keys(report.breakdowns) as D[]) {
    breakdowns[dimension] = totalWithheld
      ? report.breakdowns[dimension].map((cell) => ({ key: cell.key, suppressed: true }))
      : suppressBreakdown(report.breakdowns[dimension], k);
  }
  return { total: totalWithheld ? { key: report.total.key, suppressed: true } : publish(report.total), breakdowns };
}

/**
 * An event's report, made only of its shows' published reports, so it tells nobody anything
 * those do not (an event's own distinct-buyer counts could be subtracted from a show's
 * published cells to recover another show's withheld one). Shows whose total is withheld are
 * left out whole (listed in `leftOut`); a cell is published when every show that has its key
 * publishes it, as their sum, and withheld otherwise.
 */
export function composeReports<D extends string>(
  shows: ReadonlyArray<{ showId: string; report: PublishedReport<D> }>,
  dimensions: readonly D[],
): PublishedReport<D> & { included: string[]; leftOut: string[] } {
  const included = shows.filter((show) => !show.report.total.suppressed);
  const leftOut = shows.filter((show) => show.report.total.suppressed).map((show) => show.showId);
  const breakdowns = {} as Record<D, PublishedCell[]>;
  for (const dimension of dimensions) {
    const merged = new Map<string, PublishedCell>();
    for (const { report } of included) {
      for (const cell of report.breakdowns[dimension] ?? []) {
        const seen = merged.get(cell.key);
        merged.set(cell.key, seen === undefined ? cell : add(seen, cell));
      }
    }
    breakdowns[dimension] = [...merged.values()];
  }
  const total = included.length === 0 ? ({ key: 'total', suppressed: true } as const) : included.map((show) => show.report.total).reduce(add);
  return { total, breakdowns, included: included.map((show) => show.showId), leftOut };
}

function publish(cell: CountedCell): PublishedCell {
  return { key: cell.key, suppressed: false, tickets: cell.tickets, revenue: cell.revenue, orders: cell.orders };
}

function add(a: PublishedCell, b: PublishedCell): PublishedCell {
  if (a.suppressed || b.suppressed) return { key: a.key, suppressed: true };
  return { key: a.key, suppressed: false, tickets: a.tickets + b.tickets, revenue: a.revenue + b.revenue, orders: a.orders + b.orders };
}
