import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api/client';
import { errorMessage } from '../api/messages';
import type { Sale, SalesPage } from '../api/types';
import { ErrorBox, Show } from '../components';
import { count, majorUnits, money, shortDateTime } from '../format';
import { usePageTitle } from '../pageTitle';
import { navigate } from '../router';
import { useAsync } from '../useAsync';
import { allShows, type ShowRow } from './showList';

const PAGE = 50;
const EXPORT_PAGE = 1_000;
/**
 * The CSV's columns: `soldAt` in ISO 8601 UTC (its header says so), the venue's `timeZone` to
 * read it in, and `price` in major units (12.50) with its `currency`: no bare cents.
 */
export const CSV_HEADER = ['soldAtUtc', 'timeZone', 'ticketId', 'seatId', 'ticketNumber', 'tier', 'price', 'currency', 'customerId', 'orderId'];

export function csvRow(sale: Sale, timeZone: string): string {
  const values = [sale.soldAt, timeZone, sale.ticketId, sale.seatId, sale.ticketNumber, sale.tier, majorUnits(sale.price, sale.currency), sale.currency, sale.customerId, sale.orderId];
  return `${values.map(csvField).join(',')}\n`;
}

export function AuditPage({ showId }: { showId?: string }) {
  const shows = useAsync(allShows, []);
  const row = shows.state === 'done' ? shows.value.find((r) => r.showId === showId) : undefined;
  usePageTitle(shows.state === 'loading' ? undefined : row ? `Sales audit · ${row.eventName}` : 'Sales audit');
  return (
    <section>
      <h1>Sales audit</h1>
      <Show loaded={shows} what="shows">
        {(rows) => (
          <label>
            Show{' '}
            <select value={showId ?? ''} onChange={(e) => navigate(`/admin/audit/${encodeURIComponent(e.currentTarget.value)}`)}>
              <option value="" disabled>
                Choose a show
              </option>
              {rows.map((r) => (
                <option value={r.showId}>
                  {r.eventName} — {r.venueName} ({r.showId})
                </option>
              ))}
            </select>
          </label>
        )}
      </Show>
      {showId && shows.state !== 'loading' ? <SalesTable showId={showId} row={row} key={showId} /> : null}
    </section>
  );
}

function SalesTable({ showId, row }: { showId: string; row: ShowRow | undefined }) {
  // An admin may audit a show whose definition is gone: then its times are read in UTC.
  const timeZone = row?.timeZone ?? 'UTC';
  // The cursors of the pages seen so far: `after` of page n is cursors[n].
  const [cursors, setCursors] = useState<number[]>([0]);
  const [pageIndex, setPageIndex] = useState(0);
  const [page, setPage] = useState<SalesPage | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    setPage(null);
    api('GET', '/v1/audit/shows/{showId}/sales', { path: { showId }, query: { after: cursors[pageIndex], limit: PAGE }, auth: 'admin' }).then(
      (result) => current && setPage(result),
      (failure: unknown) => current && setError(errorMessage(failure)),
    );
    return () => {
      current = false;
    };
  }, [showId, pageIndex]);

  const next = () => {
    if (page?.next == null) return;
    setCursors((c) => [...c.slice(0, pageIndex + 1), page.next!]);
    setPageIndex(pageIndex + 1);
  };

  return (
    <div>
      <ErrorBox message={error} />
      <CsvExport showId={showId} timeZone={timeZone} />
      <div class="table-scroll" role="region" aria-label="Sold tickets" tabIndex={0}>
      <table class="table" data-testid="sales">
        <caption>
          Sold tickets in the order the log recorded them, page {pageIndex + 1}; times in {timeZone}
        </caption>
        <thead>
          <tr>
            <th scope="col">Sold at</th>
            <th scope="col">Ticket</th>
            <th scope="col">Seat / number</th>
            <th scope="col">Tier</th>
            <th scope="col" class="num">
              Price
            </th>
            <th scope="col">Currency</th>
            <th scope="col">Customer</th>
            <th scope="col">Order</th>
          </tr>
        </thead>
        <tbody>
          {page?.items.map((sale) => (
            <tr key={sale.ticketId}>
              <td>
                <time dateTime={sale.soldAt}>{shortDateTime(sale.soldAt, timeZone, true)}</time>
              </td>
              <td>
                <code>{sale.ticketId}</code>
              </td>
              <td>{sale.seatId ?? `#${sale.ticketNumber ?? ''}`}</td>
              <td>{sale.tier}</td>
              <td class="num" data-testid="sale-price">
                {money(sale.price, sale.currency)}
              </td>
              <td data-testid="sale-currency">{sale.currency}</td>
              <td>
                <code>{sale.customerId}</code>
              </td>
              <td>
                <code>{sale.orderId}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      {page && page.items.length === 0 ? <p class="muted">No sales on this page.</p> : null}
      <p>
        <button type="button" disabled={pageIndex === 0} onClick={() => setPageIndex(pageIndex - 1)}>
          ← Previous
        </button>{' '}
        <button type="button" disabled={page?.next == null} onClick={next}>
          Next →
        </button>
      </p>
    </div>
  );
}

/** Pages through every sale and saves them as one CSV file, with a running count and a way to stop. */
function CsvExport({ showId, timeZone }: { showId: string; timeZone: string }) {
  const [rows, setRows] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const cancelled = useRef(false);

  const run = async () => {
    cancelled.current = false;
    setError(null);
    setRows(0);
    const chunks: string[] = [`${CSV_HEADER.join(',')}\n`];
    let after = 0;
    let total = 0;
    try {
      for (;;) {
        if (cancelled.current) {
          setRows(null);
          return;
        }
        const result = await api('GET', '/v1/audit/shows/{showId}/sales', { path: { showId }, query: { after, limit: EXPORT_PAGE }, auth: 'admin' });
        chunks.push(result.items.map((sale) => csvRow(sale, timeZone)).join(''));
        total += result.items.length;
        setRows(total);
        if (result.next === null) break;
        after = result.next;
      }
      const url = URL.createObjectURL(new Blob(chunks, { type: 'text/csv' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `sales-${showId}.csv`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setRows(null);
    } catch (failure) {
      setError(errorMessage(failure));
      setRows(null);
    }
  };

  return (
    <div class="csv">
      {rows === null ? (
        <button type="button" onClick={run}>
          Download CSV
        </button>
      ) : (
        <>
          <span role="status">Exporting… {count(rows)} rows</span>{' '}
          <button type="button" onClick={() => (cancelled.current = true)}>
            Stop
          </button>
        </>
      )}
      <p class="muted">The CSV has one row per ticket: soldAtUtc in ISO 8601 UTC, the venue's timeZone, the price in major units (12.50) and its currency.</p>
      <ErrorBox message={error} />
    </div>
  );
}

function csvField(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
