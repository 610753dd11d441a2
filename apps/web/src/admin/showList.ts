import { api } from '../api/client';
import type { ShowKind } from '../api/types';

export interface ShowRow {
  showId: string;
  eventId: string;
  eventName: string;
  venueName: string;
  startsAt: string;
  kind: ShowKind;
}

/** Every show of every event, from the public catalog. */
export async function allShows(): Promise<ShowRow[]> {
  const events = [];
  for (let page = 1; ; page++) {
    const result = await api('GET', '/v1/events', { query: { page } });
    events.push(...result.items);
    if (page * result.pageSize >= result.total || page >= 50) break;
  }
  const details = await Promise.all(events.map((e) => api('GET', '/v1/events/{eventId}', { path: { eventId: e.id } })));
  return details.flatMap((event) =>
    event.shows.map((show) => ({ showId: show.id, eventId: event.id, eventName: event.name, venueName: show.venue.name, startsAt: show.startsAt, kind: show.kind })),
  );
}
