import { api } from '../api/client';
import type { ShowKind } from '../api/types';

export interface ShowRow {
  showId: string;
  eventId: string;
  eventName: string;
  venueName: string;
  startsAt: string;
  /** The venue's IANA time zone: every time of the show is shown in it. */
  timeZone: string;
  kind: ShowKind;
  /** Per currency, in minor units; empty before the first sale. */
  revenue: Array<{ currency: string; amount: number }>;
}

/** The shows the signed-in staff member may act on: every show for an admin, their organisation's for the others. */
export async function allShows(): Promise<ShowRow[]> {
  const { items } = await api('GET', '/v1/admin/shows', { auth: 'admin' });
  return items.map(({ showId, eventId, eventName, venueName, startsAt, timeZone, kind, revenue }) => ({ showId, eventId, eventName, venueName, startsAt, timeZone, kind, revenue }));
}
