import { useEffect, useState } from 'preact/hooks';
import { api, authHeader } from '../api/client';
import { errorMessage } from '../api/messages';
import type { AnalyticsCell, SalesAnalytics } from '../api/types';
import { ErrorBox, Show } from '../components';
import { count, money } from '../format';
import { usePageTitle } from '../pageTitle';
import { navigate } from '../router';
import { useAsync } from '../useAsync';
import { allShows } from './showList';

type Scope = { kind: 'show' | 'event'; id: string };
type Dimension = keyof SalesAnalytics['breakdowns'];

const TITLES: Record<Dimension, string> = { tier: 'By tier', hour: 'By hour', region: 'By region', size: 'By order size' };

/**
 * Partner analytics: a show's or an event's sales by tier, hour, region and order size, as the
 * API publishes them (cells of fewer than k buyers withheld), as bars, tables and a CSV.
 */
export function AnalyticsPage({ scope }: { scope?: Scope }) {
  const shows = useAsync(allShows, []);
  const value = scope ? `${scope.kind}:${scope.id}` : '';
  const named = shows.state === 'done' && scope ? (scope.kind === 'event' ? shows.value.find((r) => r.eventId === scope.id)?.eventName : shows.value.find((r) => r.showId === scope.id)?.eventName) : undefined;
  usePageTitle(shows.state === 'loading' ? undefined : named ? `Sales analytics · ${named}` : 'Sales analytics');
  return (
    <section>
      <h1>Sales analytics</h1>
      <p class="muted">Aggregated sales with no customer or order ids; a cell with fewer buyers than the threshold is withheld, and so is a second one where the total would give it back.</p>
      <Show loaded={shows} what="shows">
        {(rows) => {
          const events = [...new Map(rows.map((r) => [r.eventId, r.eventName])).entries()];
          return (
            <label>
              Show or event{' '}
              <select
                value={value}
                onChange={(e) => {
                  const [kind, id] = e.currentTarget.value.split(':');
                  navigate(kind === 'event' ? `/admin/analytics/events/${encodeURIComponent(id)}` : `/admin/analytics/${encodeURIComponent(id)}`);
                }}
              >
                <option value="" disabled>
                  Choose a show or an event
                </option>
                <optgroup label="Events (all their shows)">
                  {events.map(([eventId, name]) => (
                    <option value={`event:${eventId}`}>{name}</option>
                  ))}
                </optgroup>
                <optgroup label="Shows">
                  {rows.map((r) => (
                    <option value={`show:${r.showId}`}>
                      {r.eventName} — {r.venueName} ({r.showId})
                    </option>
                  ))}
                </optgroup>
              </select>
            </label>
          );
        }}
      </Show>
      {scope ? <Report scope={scope} key={value} /> : null}
    </section>
  );
}

function Report({ scope }: { scope: Scope }) {
  const [report, setReport] = useState<SalesAnalytics | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    const call =
      scope.kind === 'show'
        ? api('GET', '/v1/analytics/shows/{showId}', { path: { showId: scope.id }, auth: 'admin' })
        : api('GET', '/v1/analytics/events/{eventId}', { path: { eventId: scope.id }, auth: 'admin' });
    call.then(
      (result) => current && setReport(result),
      (failure: unknown) => current && setError(errorMessage(failure)),
    );
    return () => {
      current = false;
    };
  }, [scope.kind, scope.id]);

  async function downloadCsv(): Promise<void> {
    try {
      // The same call with format=csv: a file, so not one of the typed JSON calls.
      const path = scope.kind === 'show' ? `/v1/analytics/shows/${encodeURIComponent(scope.id)}` : `/v1/analytics/events/${encodeURIComponent(scope.id)}`;
      const response = await fetch(`${path}?format=csv`, { headers: await authHeader('admin') });
      if (!response.ok) throw new Error(`The CSV could not be made (${response.status})`);
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = `sales-${scope.kind}-${scope.id}.csv`;
      link.click();
      URL.revokeObjectURL(url);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }

  if (error) return <ErrorBox message={error} />;
  if (!report) return <p class="muted">Loading the figures…</p>;
  const total = report.total;
  return (
    <div data-testid="analytics">
      <p data-testid="analytics-total">
        {total.suppressed ? (
          <>Too few buyers to show any figure (fewer than {report.minBuyers}).</>
        ) : (
          <>
            {count(total.tickets)} tickets in {count(total.orders)} orders
            {total.revenue !== undefined && report.currency ? <>, {money(total.revenue, report.currency)}</> : null}.
          </>
        )}{' '}
        Cells of fewer than {report.minBuyers} buyers are withheld.
        {report.leftOut.length > 0 ? <> Left out (too few buyers): {report.leftOut.join(', ')}.</> : null}
      </p>
      <button type="button" onClick={() => void downloadCsv()}>
        Download CSV
      </button>
      {(Object.keys(TITLES) as Dimension[]).map((dimension) => (
        <Breakdown dimension={dimension} cells={report.breakdowns[dimension] ?? []} note={dimension === 'hour' ? hourNote(report) : undefined} currency={report.currency ?? undefined} />
      ))}
    </div>
  );
}

function hourNote(report: SalesAnalytics): string {
  return report.timeZone ? `on the venue's clock (${report.timeZone})` : "each on its own venue's clock";
}

/** One breakdown as horizontal bars (withheld cells as a hatched stub), with its figures in a table. */
function Breakdown({ dimension, cells, note, currency }: { dimension: Dimension; cells: AnalyticsCell[]; note?: string; currency?: string }) {
  const max = Math.max(1, ...cells.map((c) => (c.suppressed ? 0 : c.tickets)));
  const rowHeight = 22;
  const width = 600;
  const labelWidth = 170;
  return (
    <figure class="chart" data-testid={`analytics-${dimension}`}>
      <figcaption>
        {TITLES[dimension]}
        {note ? ` — ${note}` : ''}
      </figcaption>
      {cells.length === 0 ? (
        <p class="muted">No sales yet.</p>
      ) : (
        <svg viewBox={`0 0 ${width} ${cells.length * rowHeight}`} class="chart-svg" role="img" aria-label={`Bar chart of tickets ${TITLES[dimension].toLowerCase()}`}>
          {cells.map((cell, i) => {
            const y = i * rowHeight;
            const w = cell.suppressed ? 0 : ((width - labelWidth - 70) * cell.tickets) / max;
            return (
              <g data-key={cell.key} data-suppressed={String(cell.suppressed)}>
                <text x="0" y={y + 15} font-size="12">
                  {cell.key}
                </text>
                {cell.suppressed ? (
                  <text x={labelWidth} y={y + 15} font-size="12" fill="#6b7280">
                    withheld
                  </text>
                ) : (
                  <>
                    <rect x={labelWidth} y={y + 3} width={Math.max(1, w)} height={rowHeight - 6} fill="#2563eb" />
                    <text x={labelWidth + w + 6} y={y + 15} font-size="12">
                      {count(cell.tickets)}
                    </text>
                  </>
                )}
              </g>
            );
          })}
        </svg>
      )}
      {cells.length > 0 ? (
        <details>
          <summary>Figures</summary>
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{dimension}</th>
                <th scope="col" class="num">Tickets</th>
                <th scope="col" class="num">Orders</th>
                <th scope="col" class="num">Revenue</th>
              </tr>
            </thead>
            <tbody>
              {cells.map((cell) => (
                <tr>
                  <th scope="row">{cell.key}</th>
                  {cell.suppressed ? (
                    <td colSpan={3}>withheld</td>
                  ) : (
                    <>
                      <td class="num">{count(cell.tickets)}</td>
                      <td class="num">{count(cell.orders)}</td>
                      <td class="num">{cell.revenue === undefined || !currency ? '—' : money(cell.revenue, currency)}</td>
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
    </figure>
  );
}
