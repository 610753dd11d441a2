import { useEffect, useRef, useState } from 'preact/hooks';
import { api, streamUrl } from '../api/client';
import { errorMessage } from '../api/messages';
import type { City, EventDetails, ShowView, WaitlistEntry } from '../api/types';
import { ErrorBox, LiveDot } from '../components';
import { count, dateTime } from '../format';
import { openFetchSse } from '../live/fetchSse';
import { openShowFeed } from '../live/showFeed';
import { usePageTitle } from '../pageTitle';
import { Link, navigate } from '../router';
import './orders.css';

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
  const [about, setAbout] = useState<AboutShow | null>(null);
  const [held, setHeld] = useState<number | null>(null);
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
    let current = true;
    void aboutShow(showId).then((found) => current && setAbout(found), () => undefined);
    const close = openShowFeed(showId, {
      snapshot: (_seats, availability) => {
        setHeld(availability.held);
        refresh();
      },
      seats: refresh,
      availability: (availability) => {
        setHeld(availability.held);
        refresh();
      },
      connection: () => undefined,
    });
    return () => {
      current = false;
      close();
    };
  }, [showId]);

  const zone = about?.city?.timeZone;
  const showName = about ? `${about.event.name}, ${dateTime(about.show.startsAt, zone)}` : undefined;
  usePageTitle(entry && about ? `Waiting line: ${showName}` : error && !entry ? 'Waiting line' : undefined);

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
      {about ? (
        <div class="order-show" data-testid="waitlist-show">
          <p class="order-event">{about.event.name}</p>
          <p>
            {about.show.venue.name}, {about.city?.name ?? about.show.venue.cityId}
          </p>
          <p>
            <time dateTime={about.show.startsAt}>{dateTime(about.show.startsAt, zone)}</time>
          </p>
        </div>
      ) : null}
      {entry ? (
        <>
          {entry.status === 'waiting' ? (
            <div class="waitlist-card">
              <p aria-live="polite" data-testid="waitlist-status">
                <span class="muted">Your place in line</span>
                <br />
                <strong class="waitlist-big" data-testid="position">
                  <span class="sr-only">You are </span>number {entry.position}
                </strong>
              </p>
              <p>
                for {entry.quantity} ticket{entry.quantity === 1 ? '' : 's'}
                {entry.tier ? ` (${entry.tier})` : ''}. Keep this page open: when tickets come free you are taken to pay for them.
              </p>
              <p data-testid="waitlist-estimate">{estimate(entry, held, about?.show.holdSeconds)}</p>
              <p class="muted">You wait until {dateTime(entry.waitsUntil, zone)} at the latest.</p>
            </div>
          ) : (
            <div aria-live="polite" data-testid="waitlist-status">
              {entry.status === 'offered' ? <p class="success">Tickets are yours to buy — taking you to payment…</p> : null}
              {entry.status === 'sold_out' ? <p class="notice">Sold out: the last held tickets were sold, so nothing can come free any more.</p> : null}
              {entry.status === 'expired' ? <p class="notice">You waited as long as the line allows ({dateTime(entry.waitsUntil, zone)}) and no tickets came free.</p> : null}
              {entry.status === 'left' ? <p class="notice">You left the waiting line.</p> : null}
            </div>
          )}
          <div class="waitlist-actions">
            {entry.status === 'waiting' ? (
              <button type="button" onClick={leave}>
                Leave the line
              </button>
            ) : null}
            <Link href={`/shows/${encodeURIComponent(entry.showId)}`}>Back to the show</Link>
            <LiveDot live={live} />
          </div>
        </>
      ) : null}
    </section>
  );
}

interface AboutShow {
  show: ShowView;
  event: EventDetails;
  city: City | undefined;
}

async function aboutShow(showId: string): Promise<AboutShow> {
  const show = await api('GET', '/v1/shows/{showId}', { path: { showId } });
  const [event, cities] = await Promise.all([api('GET', '/v1/events/{eventId}', { path: { eventId: show.eventId } }), api('GET', '/v1/cities')]);
  return { show, event, city: cities.find((c) => c.id === show.venue.cityId) };
}

/**
 * Tickets come free only when holds end unpaid, and every hold ends within the show's hold
 * time: so an offer, if one comes, most likely comes within that time. Said as that, not as
 * a promise.
 */
function estimate(entry: WaitlistEntry, held: number | null, holdSeconds: number | undefined): string {
  const ahead = (entry.position ?? 1) - 1;
  const line = ahead === 0 ? 'Nobody is ahead of you' : `${count(ahead)} ${ahead === 1 ? 'person is' : 'people are'} ahead of you`;
  if (held === null || holdSeconds === undefined) return `${line}.`;
  if (held === 0) return `${line}, and no tickets are on hold right now: none can come free until someone holds some and lets them go.`;
  const minutes = Math.max(1, Math.round(holdSeconds / 60));
  const within = `${minutes} minute${minutes === 1 ? '' : 's'}`;
  return `Estimate: within about ${within}, if tickets come free. ${line}; ${count(held)} ticket${held === 1 ? ' is' : 's are'} on hold by others, and every hold ends within ${within}.`;
}
