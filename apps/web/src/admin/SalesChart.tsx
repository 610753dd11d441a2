import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { errorMessage } from '../api/messages';
import type { SalesOverTime } from '../api/types';
import { ErrorBox } from '../components';
import { count, shortDateTime } from '../format';
import { barsFor } from './chartBars';

/** Re-read when the sold count moves, but at most this often: grouping a big show's sales is not free. */
const MIN_REFRESH_MS = 5_000;

const WIDTH = 600;
const HEIGHT = 160;

/**
 * Tickets sold per bucket of time as bars (one bucket or sixty read alike), labelled in the
 * venue's time zone; a sentence sums it up for everyone, and the figures are in a table.
 */
export function SalesChart({ showId, sold, timeZone }: { showId: string; sold: number; timeZone?: string }) {
  const [data, setData] = useState<SalesOverTime | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loadedAt, setLoadedAt] = useState(0);

  useEffect(() => {
    let current = true;
    const wait = data?.showId === showId ? Math.max(0, loadedAt + MIN_REFRESH_MS - Date.now()) : 0;
    const timer = window.setTimeout(() => {
      api('GET', '/v1/audit/shows/{showId}/sales-over-time', { path: { showId }, auth: 'admin' }).then(
        (result) => {
          if (!current) return;
          setData(result);
          setLoadedAt(Date.now());
          setError(null);
        },
        (failure: unknown) => current && setError(errorMessage(failure)),
      );
    }, wait);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [showId, sold]);

  const buckets = data?.showId === showId ? data.buckets : [];
  const bucketSeconds = data?.bucketSeconds ?? 60;
  const unit = labelFor(bucketSeconds);
  const seconds = bucketSeconds < 60;
  const label = (at: string | number) => shortDateTime(at, timeZone, seconds);
  const bars = barsFor(buckets, bucketSeconds);
  const max = Math.max(1, ...buckets.map((b) => b.sold));
  const busiest = buckets.reduce<SalesOverTime['buckets'][number] | undefined>((best, b) => (!best || b.sold > best.sold ? b : best), undefined);
  const lastAt = buckets.length > 0 ? Date.parse(buckets[buckets.length - 1].at) + bucketSeconds * 1000 : 0;
  const summary =
    buckets.length === 0 || !busiest
      ? 'No sales yet.'
      : `${count(data?.sold ?? 0)} tickets sold between ${label(buckets[0].at)} and ${label(lastAt)}, in ${count(buckets.length)} ${buckets.length === 1 ? 'slot' : 'slots'} of ${/^\d/.test(unit) ? unit : `one ${unit}`} with sales; the busiest (from ${label(busiest.at)}) sold ${count(busiest.sold)}.`;

  return (
    <figure class="chart" data-testid="sales-chart">
      <figcaption>
        Sales over time of <code>{showId}</code>, per {unit}
        {timeZone ? `, times in ${timeZone}` : ''}
      </figcaption>
      <ErrorBox message={error} />
      <p data-testid="chart-summary">{summary}</p>
      {buckets.length === 0 ? null : (
        <>
          {/* Labels in HTML, not in the drawing: they stay readable when a phone shrinks the chart. */}
          <p class="chart-max" aria-hidden="true">
            ▲ {count(max)} per {unit}
          </p>
          <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} class="chart-svg" aria-hidden="true" data-bars={bars.length}>
            <line x1="0" y1={HEIGHT - 0.5} x2={WIDTH} y2={HEIGHT - 0.5} stroke="#6b7280" />
            {bars.map((bar) => (
              <rect key={bar.at} x={bar.x} y={HEIGHT - 1 - bar.height} width={bar.width} height={bar.height} fill="#1d4ed8" data-sold={bar.sold} />
            ))}
          </svg>
          <div class="chart-axis" aria-hidden="true">
            <span>{label(buckets[0].at)}</span>
            {buckets.length > 1 ? <span>{label(lastAt)}</span> : null}
          </div>
        </>
      )}
      {buckets.length > 0 ? (
        <details>
          <summary>Figures</summary>
          <table class="table">
            <thead>
              <tr>
                <th scope="col">From{timeZone ? ` (${timeZone})` : ''}</th>
                <th scope="col" class="num">
                  Sold
                </th>
              </tr>
            </thead>
            <tbody>
              {buckets.map((b) => (
                <tr key={b.at}>
                  <td>{label(b.at)}</td>
                  <td class="num">{count(b.sold)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
    </figure>
  );
}

function labelFor(seconds: number): string {
  if (seconds % 86_400 === 0) return seconds === 86_400 ? 'day' : `${seconds / 86_400} days`;
  if (seconds % 3_600 === 0) return seconds === 3_600 ? 'hour' : `${seconds / 3_600} hours`;
  if (seconds % 60 === 0) return seconds === 60 ? 'minute' : `${seconds / 60} minutes`;
  return seconds === 1 ? 'second' : `${seconds} seconds`;
}
