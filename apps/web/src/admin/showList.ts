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

/** The shows the signed-in staff member may act on: every show for an admin, their organisation's for the others. */
export async function allShows(): Promise<ShowRow[]> {
  const { items } = await api('GET', '/v1/admin/shows', { auth: 'admin' });
  return items.map(({ showId, eventId, eventName, venueName, startsAt, kind }) => ({ showId, eventId, eventName, venueName, startsAt, kind }));
}
