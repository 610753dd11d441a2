import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api/client';
import { errorMessage } from '../api/messages';
import type { EventListItem } from '../api/types';
import { ErrorBox, Loading } from '../components';
import { dateTime } from '../format';
import { usePageTitle } from '../pageTitle';
import { Link } from '../router';
import { fuzzyScore } from '../search/fuzzy';
import { useAsync } from '../useAsync';

/** Pages of the city's events fetched for the typo-tolerant search; a city lists far fewer. */
const MAX_PAGES = 10;

/**
 * Events in a city (or everywhere). The server filters by city and dates; the words
 * typed are matched here, typo-tolerantly, over those events, so "nothern lihgts"
 * still finds "The Northern Lights".
 */
export function EventsPage({ cityId }: { cityId?: string }) {
  const params = new URLSearchParams(location.search);
  const [q, setQ] = useState(params.get('q') ?? '');
  const [from, setFrom] = useState(params.get('from') ?? '');
  const [to, setTo] = useState(params.get('to') ?? '');
  const [events, setEvents] = useState<EventListItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const cities = useAsync(() => api('GET', '/v1/cities'), []);
  const city = cities.state === 'done' ? cities.value.find((c) => c.id === cityId) : undefined;
  const heading = cityId ? `What's on in ${city?.name ?? cityId}` : 'All events';
  // Named once the first list has loaded; a new filter reloads the list but must not move the focus.
  const listed = useRef(false);
  if (events !== null || error !== null) listed.current = true;
  usePageTitle(!listed.current || (cityId && cities.state === 'loading') ? undefined : heading);

  useEffect(() => {
    let current = true;
    setError(null);
    setEvents(null);
    (async () => {
      const all: EventListItem[] = [];
      for (let page = 1; page <= MAX_PAGES; page++) {
        const result = await api('GET', '/v1/events', { query: { page, city: cityId || undefined, from: from || undefined, to: to || undefined } });
        all.push(...result.items);
        if (page * result.pageSize >= result.total) break;
      }
      return all;
    })().then(
      (all) => current && setEvents(all),
      (e: unknown) => current && setError(errorMessage(e)),
    );
    return () => {
      current = false;
    };
  }, [cityId, from, to]);

  useEffect(() => {
    const query = new URLSearchParams();
    if (q) query.set('q', q);
    if (from) query.set('from', from);
    if (to) query.set('to', to);
    const search = query.toString();
    history.replaceState(null, '', `${location.pathname}${search ? `?${search}` : ''}`);
  }, [q, from, to]);

  const matches = (events ?? [])
    .map((event) => ({ event, score: fuzzyScore(q, `${event.name} ${event.performer.name} ${event.category} ${event.description}`) }))
    .filter((m): m is { event: EventListItem; score: number } => m.score !== null)
    .sort((a, b) => a.score - b.score);

  return (
    <section>
      <p class="crumbs">
        <Link href="/">Cities</Link> › {cityId ? (city?.name ?? cityId) : 'All events'}
      </p>
      <h1>{heading}</h1>
      <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label>
          Search
          <input type="search" value={q} onInput={(e) => setQ(e.currentTarget.value)} placeholder="film, band, festival…" autoComplete="off" />
        </label>
        <label>
          From
          <input type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
        </label>
        <label>
          To
          <input type="date" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
        </label>
      </form>
      <ErrorBox message={error} />
      {events === null && !error ? <Loading what="events" /> : null}
      {events !== null ? (
        <>
          <p class="muted" role="status">
            {matches.length === 0 ? 'No events match.' : `${matches.length} event${matches.length === 1 ? '' : 's'}`}
          </p>
          <ul class="cards">
            {matches.map(({ event }) => (
              <li key={event.id}>
                <Link class="card" href={`/events/${encodeURIComponent(event.id)}`}>
                  <strong>{event.name}</strong>
                  <span>{event.performer.name}</span>
                  <span class="muted">{event.category}{event.nextShowAt ? ` · next ${dateTime(event.nextShowAt, event.nextShowTimeZone ?? undefined)}` : ''}</span>
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
