import { request } from '../api/client';
import type { EventDetails, EventsPage } from '../api/types';

export interface ShowRow {
  showId: string;
  eventName: string;
  venueName: string;
  startsAt: string;
  kind: string;
}

/** Every show of every event, from the public catalog. */
export async function allShows(): Promise<ShowRow[]> {
  const events = [];
  for (let page = 1; ; page++) {
    const result = await request<EventsPage>(`/v1/events?page=${page}`);
    events.push(...result.items);
    if (page * result.pageSize >= result.total || page >= 50) break;
  }
  const details = await Promise.all(events.map((e) => request<EventDetails>(`/v1/events/${encodeURIComponent(e.id)}`)));
  return details.flatMap((event) =>
    event.shows.map((show) => ({ showId: show.id, eventName: event.name, venueName: show.venue.name, startsAt: show.startsAt, kind: show.kind })),
  );
}
