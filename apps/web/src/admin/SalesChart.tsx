import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { errorMessage } from '../api/messages';
import type { SalesOverTime } from '../api/types';
import { ErrorBox } from '../components';
import { count } from '../format';

/** Re-read when the sold count moves, but at most this often: grouping a big show's sales is not free. */
const MIN_REFRESH_MS = 5_000;

/** Tickets sold per bucket of time, as bars; the same figures are in a table for screen readers. */
export function SalesChart({ showId, sold }: { showId: string; sold: number }) {
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

  const width = 600;
  const height = 160;
  const buckets = data?.showId === showId ? data.buckets : [];
  const max = Math.max(1, ...buckets.map((b) => b.sold));
  const first = buckets.length > 0 ? Date.parse(buckets[0].at) : 0;
  const last = buckets.length > 0 ? Date.parse(buckets[buckets.length - 1].at) : 0;
  const step = (data?.bucketSeconds ?? 60) * 1000;
  const slots = Math.max(1, Math.round((last - first) / step) + 1);
  const barWidth = width / slots;
  const unit = labelFor(data?.bucketSeconds ?? 60);

  return (
    <figure class="chart">
      <figcaption>
        Sales over time of <code>{showId}</code>: {count(data?.sold ?? 0)} tickets, per {unit}
      </figcaption>
      <ErrorBox message={error} />
      {buckets.length === 0 ? (
        <p class="muted">No sales yet.</p>
      ) : (
        <svg viewBox={`0 0 ${width} ${height + 20}`} class="chart-svg" role="img" aria-label={`Bar chart of tickets sold per ${unit}`}>
          <line x1="0" y1={height} x2={width} y2={height} stroke="#9ca3af" />
          {buckets.map((b) => {
            const slot = Math.round((Date.parse(b.at) - first) / step);
            const h = (b.sold / max) * (height - 10);
            return <rect x={slot * barWidth + 1} y={height - h} width={Math.max(1, barWidth - 2)} height={h} fill="#2563eb" />;
          })}
          <text x="0" y={height + 15} font-size="11">
            {new Date(first).toLocaleString()}
          </text>
          <text x={width} y={height + 15} font-size="11" text-anchor="end">
            {new Date(last).toLocaleString()}
          </text>
          <text x="2" y="10" font-size="11">
            max {count(max)} per {unit}
          </text>
        </svg>
      )}
      {buckets.length > 0 ? (
        <details>
          <summary>Figures</summary>
          <table class="table">
            <thead>
              <tr>
                <th scope="col">From</th>
                <th scope="col" class="num">Sold</th>
              </tr>
            </thead>
            <tbody>
              {buckets.map((b) => (
                <tr>
                  <td>{new Date(b.at).toLocaleString()}</td>
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
