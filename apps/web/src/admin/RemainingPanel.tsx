import { api } from '../api/client';
import type { components } from '../api/openapi';
import { count } from '../format';
import { usePolling } from '../useAsync';

type Remaining = components['schemas']['Remaining'];

const REFRESH_MS = 2_000;

/** The show's global remaining count with its bound and each shard group's freshness, re-read every two seconds. */
export function RemainingPanel({ showId }: { showId: string }) {
  const { value: remaining, error } = usePolling(() => api('GET', '/v1/shows/{showId}/remaining', { path: { showId } }), [showId], REFRESH_MS);

  if (error) return <p class="muted" role="status">Left everywhere: {error}</p>;
  if (!remaining) return <p class="muted">Left everywhere: …</p>;
  const bound = remaining.lower === remaining.upper ? '' : ` (between ${count(remaining.lower)} and ${count(remaining.upper)})`;
  return (
    <section aria-label="Left everywhere" data-testid="remaining">
      <p>
        <strong>Left everywhere</strong> of <code>{showId}</code>:{' '}
        {remaining.status === 'failure' ? 'unknown: no shard group heard from' : `${count(remaining.estimate)}${bound}, ${remaining.status}`}
        {remaining.unknownTickets > 0 ? ` · ${count(remaining.unknownTickets)} tickets in groups not heard from` : ''}
        {remaining.inTransit > 0 ? ` · ${count(remaining.inTransit)} tickets moving between groups (sold by no one until they arrive)` : ''}
      </p>
      <ul class="muted">
        {remaining.byGroup.map((g) => (
          <li key={g.group}>
            {g.group}: {g.unknown ? 'not heard from' : `${count(g.available)} left${g.stale ? `, as of ${new Date(g.asOf).toLocaleTimeString()}` : ''}`}
          </li>
        ))}
      </ul>
    </section>
  );
}
