import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { errorMessage } from '../api/messages';
import type { components } from '../api/openapi';
import { count } from '../format';

type Remaining = components['schemas']['Remaining'];

const REFRESH_MS = 2_000;

/** The show's global remaining count with its bound and each shard group's freshness, re-read every two seconds. */
export function RemainingPanel({ showId }: { showId: string }) {
  const [remaining, setRemaining] = useState<Remaining | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let stopped = false;
    let timer = 0;
    const tick = async () => {
      try {
        const answer = await api('GET', '/v1/shows/{showId}/remaining', { path: { showId } });
        if (stopped) return;
        setRemaining(answer);
        setError(null);
      } catch (failure) {
        if (!stopped) setError(errorMessage(failure));
      }
      if (!stopped) timer = window.setTimeout(tick, REFRESH_MS);
    };
    void tick();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [showId]);

  if (error) return <p class="muted" role="status">Left everywhere: {error}</p>;
  if (!remaining) return <p class="muted">Left everywhere: …</p>;
  const bound = remaining.lower === remaining.upper ? '' : ` (between ${count(remaining.lower)} and ${count(remaining.upper)})`;
  return (
    <section aria-label="Left everywhere" data-testid="remaining">
      <p>
        <strong>Left everywhere</strong> of <code>{showId}</code>:{' '}
        {remaining.status === 'failure' ? 'unknown: no shard group heard from' : `${count(remaining.estimate)}${bound}, ${remaining.status}`}
        {remaining.unknownTickets > 0 ? ` · ${count(remaining.unknownTickets)} tickets in groups not heard from` : ''}
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
