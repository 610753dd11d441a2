/** One line of the summary: a throughput, its latency, and the baseline it is compared with. */
export interface Row {
  scenario: string;
  measure: string;
  perSecond: number;
  /** Unit of perSecond; requests unless said otherwise. */
  unit?: string;
  p50?: number;
  p99?: number;
  /** The same run's baseline, in the same unit: the ratio column is perSecond / baseline. */
  baseline?: number;
  note?: string;
}

const int = (n: number): string => Math.round(n).toLocaleString('en-US');
const ms = (n: number | undefined): string => (n ? n.toFixed(1) : '');

export function printTable(rows: Row[]): void {
  const header = ['scenario', 'measure', 'per second', 'unit', 'p50 ms', 'p99 ms', 'baseline/s', 'ratio', 'note'];
  const lines = rows.map((r) => [
    r.scenario,
    r.measure,
    int(r.perSecond),
    r.unit ?? 'req/s',
    ms(r.p50),
    ms(r.p99),
    r.baseline ? int(r.baseline) : '',
    r.baseline ? `${((r.perSecond / r.baseline) * 100).toFixed(1)}%` : '',
    r.note ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const numeric = new Set([2, 4, 5, 6, 7]);
  const format = (cells: string[]): string => cells.map((c, i) => (numeric.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  console.log(format(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const line of lines) console.log(format(line));
}
