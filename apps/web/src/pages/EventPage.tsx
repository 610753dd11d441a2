import { api } from '../api/client';
import { Show } from '../components';
import { dateTime } from '../format';
import { usePageTitle } from '../pageTitle';
import { Link } from '../router';
import { useAsync } from '../useAsync';

export function EventPage({ eventId }: { eventId: string }) {
  // The cities only name the venues' towns: each show carries its venue's time zone.
  const loaded = useAsync(() => Promise.all([api('GET', '/v1/events/{eventId}', { path: { eventId } }), api('GET', '/v1/cities')]), [eventId]);
  usePageTitle(loaded.state === 'done' ? loaded.value[0].name : loaded.state === 'error' ? 'Event not found' : undefined);
  return (
    <Show loaded={loaded} what="the event">
      {([event, cities]) => {
        const city = (cityId: string) => cities.find((c) => c.id === cityId);
        return (
          <section>
            <p class="crumbs">
              <Link href="/">Cities</Link> › <Link href="/events">Events</Link> › {event.name}
            </p>
            <h1>{event.name}</h1>
            <p>
              <strong>{event.performer.name}</strong> · {event.category}
            </p>
            <p>{event.description}</p>
            <h2>Shows</h2>
            {event.shows.length === 0 ? <p>No shows scheduled yet.</p> : null}
            <ul class="show-list">
              {event.shows.map((show) => (
                <li key={show.id}>
                  <Link href={`/shows/${encodeURIComponent(show.id)}`} class="card">
                    <strong>{dateTime(show.startsAt, show.timeZone)}</strong>
                    <span>
                      {show.venue.name}, {city(show.venue.cityId)?.name ?? show.venue.cityId}
                    </span>
                    <span class="muted">{show.kind === 'seated' ? 'Pick your seats' : 'General admission'}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        );
      }}
    </Show>
  );
}
