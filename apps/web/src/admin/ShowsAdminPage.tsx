import { useState } from 'preact/hooks';
import { api } from '../api/client';
import type { Availability } from '../api/types';
import { ErrorBox, Show } from '../components';
import { count, dateTime, money } from '../format';
import { usePageTitle } from '../pageTitle';
import { Link } from '../router';
import { useAsync, usePolling } from '../useAsync';
import { RemainingPanel } from './RemainingPanel';
import { SalesChart } from './SalesChart';
import { useStaff } from './AdminGate';
import { allShows, type ShowRow } from './showList';

/** Counts are re-read every two seconds: one request per show, where one live stream per show would use up the browser's connections. */
const REFRESH_MS = 2_000;

export function ShowsAdminPage() {
  const shows = useAsync(allShows, []);
  usePageTitle(shows.state === 'done' ? `Shows (${shows.value.length})` : shows.state === 'error' ? 'Shows' : undefined);
  return (
    <section>
      <h1>Shows</h1>
      <p>
        <Link href="/admin/build">New venue, event and show</Link>
      </p>
      <Show loaded={shows} what="shows">
        {(rows) => <ShowsTable rows={rows} />}
      </Show>
    </section>
  );
}

function ShowsTable({ rows }: { rows: ShowRow[] }) {
  // Auditors read; admins and event managers also change prices and write to holders.
  const manages = useStaff().role !== 'auditor';
  const [chart, setChart] = useState<string | null>(rows[0]?.showId ?? null);
  const { value: counts = {}, error } = usePolling(
    async (): Promise<Record<string, Availability>> => {
      const results = await Promise.all(rows.map((r) => api('GET', '/v1/shows/{showId}/availability', { path: { showId: r.showId } })));
      return Object.fromEntries(rows.map((r, i) => [r.showId, results[i]]));
    },
    [rows],
    REFRESH_MS,
  );

  return (
    <>
      <ErrorBox message={error} />
      <div class="table-scroll" role="region" aria-label="Shows" tabIndex={0}>
      <table class="table" data-testid="admin-shows">
        <caption class="sr-only">Shows with their start in the venue's time zone, ticket counts (refreshed every two seconds) and revenue as of the page's load</caption>
        <thead>
          <tr>
            <th scope="col">Show</th>
            <th scope="col">Starts</th>
            <th scope="col" class="num">Capacity</th>
            <th scope="col" class="num">Available</th>
            <th scope="col" class="num">Held</th>
            <th scope="col" class="num">Sold</th>
            <th scope="col" class="num">Revenue</th>
            <th scope="col">
              <span class="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const c = counts[row.showId];
            return (
              <tr key={row.showId} data-show-id={row.showId} class={chart === row.showId ? 'current' : ''}>
                <th scope="row">
                  {row.eventName}
                  <div class="muted">
                    {row.venueName} · <code>{row.showId}</code>
                  </div>
                </th>
                <td data-testid="starts">{dateTime(row.startsAt, row.timeZone)}</td>
                <td class="num">{c ? count(c.capacity) : '…'}</td>
                <td class="num">{c ? count(c.available) : '…'}</td>
                <td class="num">{c ? count(c.held) : '…'}</td>
                <td class="num" data-testid="sold">
                  {c ? count(c.sold) : '…'}
                </td>
                <td class="num" data-testid="revenue">
                  {row.revenue.length === 0 ? '—' : row.revenue.map((r) => money(r.amount, r.currency)).join(' + ')}
                </td>
                <td>
                  <button type="button" class="link" onClick={() => setChart(row.showId)} aria-pressed={chart === row.showId}>
                    Chart
                  </button>{' '}
                  <Link href={`/admin/audit/${encodeURIComponent(row.showId)}`}>Audit</Link>{' '}
                  {manages && (
                    <>
                      {' '}
                      <Link href={`/admin/shows/${encodeURIComponent(row.showId)}`}>Manage</Link>{' '}
                      <Link href={`/admin/shows/${encodeURIComponent(row.showId)}/messages`}>Messages</Link>
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      </div>
      {chart ? <RemainingPanel showId={chart} /> : null}
      {chart ? <SalesChart showId={chart} timeZone={rows.find((r) => r.showId === chart)?.timeZone} sold={counts[chart]?.sold ?? 0} /> : null}
    </>
  );
}
