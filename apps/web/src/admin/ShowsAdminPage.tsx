import { useState } from 'preact/hooks';
import { api } from '../api/client';
import type { Availability } from '../api/types';
import { ErrorBox, Show } from '../components';
import { count, dateTime } from '../format';
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
      <table class="table" data-testid="admin-shows">
        <caption class="sr-only">Shows with their ticket counts, refreshed every two seconds</caption>
        <thead>
          <tr>
            <th scope="col">Show</th>
            <th scope="col">Starts</th>
            <th scope="col" class="num">Capacity</th>
            <th scope="col" class="num">Available</th>
            <th scope="col" class="num">Held</th>
            <th scope="col" class="num">Sold</th>
            <th scope="col" />
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
                <td>{dateTime(row.startsAt)}</td>
                <td class="num">{c ? count(c.capacity) : '…'}</td>
                <td class="num">{c ? count(c.available) : '…'}</td>
                <td class="num">{c ? count(c.held) : '…'}</td>
                <td class="num" data-testid="sold">
                  {c ? count(c.sold) : '…'}
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
      {chart ? <RemainingPanel showId={chart} /> : null}
      {chart ? <SalesChart showId={chart} sold={counts[chart]?.sold ?? 0} /> : null}
    </>
  );
}
