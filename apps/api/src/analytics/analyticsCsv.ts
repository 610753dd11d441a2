import type { AnalyticsCell, SalesAnalytics } from '@app/contracts';

export const CSV_COLUMNS = ['dimension', 'key', 'tickets', 'revenue', 'currency', 'orders', 'suppressed'] as const;

/**
 * The same report as CSV (RFC 4180, CRLF): a header, the total, then each breakdown's cells
 * in order. Withheld cells have empty figures and `suppressed` true.
 */
export function analyticsCsv(report: SalesAnalytics): string {
  const lines = [CSV_COLUMNS.join(',')];
  const row = (dimension: string, cell: AnalyticsCell): void => {
    const figures = cell.suppressed ? ['', '', '', ''] : [String(cell.tickets), cell.revenue === undefined ? '' : String(cell.revenue), cell.revenue === undefined ? '' : (report.currency ?? ''), String(cell.orders)];
    lines.push([dimension, cell.key, ...figures, String(cell.suppressed)].map(csvField).join(','));
  };
  row('total', report.total);
  for (const [dimension, cells] of Object.entries(report.breakdowns)) for (const cell of cells ?? []) row(dimension, cell);
  return `${lines.join('\r\n')}\r\n`;
}

/** Quoted when it must be; a field a spreadsheet would run as a formula starts with a quote mark. */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
