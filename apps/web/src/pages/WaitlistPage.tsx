import { useEffect, useRef, useState } from 'preact/hooks';
import { api, streamUrl } from '../api/client';
import { errorMessage } from '../api/messages';
import type { WaitlistEntry } from '../api/types';
import { ErrorBox, LiveDot } from '../components';
import { dateTime } from '../format';
import { openFetchSse } from '../live/fetchSse';
import { openShowFeed } from '../live/showFeed';
import { Link, navigate } from '../router';

/**
 * A place in the waiting line. The entry's own stream says when it is offered or ends;
 * the position moves when others ahead are served (the show's feed hints at that) or
 * leave (nothing does), so the entry is re-read on either feed's news, at most once a
 * second, and every few seconds regardless while it waits.
 */
const POSITION_REFRESH_MS = 5_000;

export function WaitlistPage({ entryId }: { entryId: string }) {
  const [entry, setEntry] = useState<WaitlistEntry | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [live, setLive] = useState(false);
  const refreshing = useRef<{ timer?: number; last: number }>({ last: 0 });

  const refresh = () => {
    const state = refreshing.current;
    if (state.timer !== undefined) return;
    const wait = Math.max(0, state.last + 1000 - Date.now());
    state.timer = window.setTimeout(async () => {
      state.timer = undefined;
      state.last = Date.now();
      try {
        setEntry(await api('GET', '/v1/waitlist/{entryId}', { path: { entryId }, auth: 'customer' }));
      } catch (failure) {
        setError(errorMessage(failure));
      }
    }, wait);
  };

  useEffect(() => {
    refresh();
    const closeEntry = openFetchSse(streamUrl('/v1/waitlist/{entryId}/updates', { entryId }), 'customer', () => refresh(), setLive);
    return () => {
      closeEntry();
      window.clearTimeout(refreshing.current.timer);
    };
  }, [entryId]);

  const waiting = entry?.status === 'waiting';
  useEffect(() => {
    if (!waiting) return;
    const timer = window.setInterval(refresh, POSITION_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [waiting]);

  const showId = entry?.showId;
  useEffect(() => {
    if (!showId) return;
    return openShowFeed(showId, { snapshot: refresh, seats: refresh, availability: refresh, connection: () => undefined });
  }, [showId]);

  useEffect(() => {
    if (entry?.status !== 'offered' || !entry.holdId) return;
    // The hold page asks the API for its lines and total: nothing to carry over.
    navigate(`/holds/${encodeURIComponent(entry.holdId)}`);
  }, [entry?.status]);

  const leave = async () => {
    try {
      await api('DELETE', '/v1/waitlist/{entryId}', { path: { entryId }, auth: 'customer' });
      refresh();
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  return (
    <section>
      <h1>Waiting line</h1>
      <ErrorBox message={error} />
      {entry ? (
        <>
          <p>
            <Link href={`/shows/${encodeURIComponent(entry.showId)}`}>Back to the show</Link> · <LiveDot live={live} />
          </p>
          <div aria-live="polite" data-testid="waitlist-status">
            {entry.status === 'waiting' ? (
              <p class="position">
                You are <strong data-testid="position">number {entry.position}</strong> in line for {entry.quantity} ticket{entry.quantity === 1 ? '' : 's'}. Keep this page open:
                when tickets come free you are taken to pay for them.
              </p>
            ) : null}
            {entry.status === 'offered' ? <p class="success">Tickets are yours to buy — taking you to payment…</p> : null}
            {entry.status === 'sold_out' ? <p class="notice">Sold out: the last held tickets were sold, so nothing can come free any more.</p> : null}
            {entry.status === 'expired' ? <p class="notice">You waited as long as the line allows ({dateTime(entry.waitsUntil)}) and no tickets came free.</p> : null}
            {entry.status === 'left' ? <p class="notice">You left the waiting line.</p> : null}
          </div>
          {entry.status === 'waiting' ? (
            <>
              <p class="muted">You wait until {dateTime(entry.waitsUntil)} at the latest.</p>
              <button type="button" onClick={leave}>
                Leave the line
              </button>
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
