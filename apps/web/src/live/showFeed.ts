import type { Availability, SeatState } from '../api/types';

export interface ShowFeedHandlers {
  /** Everything held or sold right now (seated shows); `null` when the server left the seats out (too many). */
  snapshot(seats: Array<{ seatId: string; status: SeatState }> | null, availability: Availability): void;
  seats(changes: Array<{ seatId: string; status: SeatState }>): void;
  availability(availability: Availability): void;
  /** Connected or not: the page says so when the feed is down. */
  connection(live: boolean): void;
}

/**
 * The show's live updates (`GET /v1/shows/:id/updates`). EventSource reconnects by
 * itself and sends Last-Event-ID, so a short drop replays exactly what was missed; a
 * `reload` (too far behind) starts over with a fresh snapshot.
 */
export function openShowFeed(showId: string, handlers: ShowFeedHandlers): () => void {
  let source: EventSource | undefined;
  let closed = false;
  let retry = 0;
  const connect = () => {
    source = new EventSource(`/v1/shows/${encodeURIComponent(showId)}/updates`);
    const current = source;
    source.addEventListener('open', () => handlers.connection(true));
    source.addEventListener('error', () => {
      handlers.connection(false);
      // EventSource retries a dropped stream by itself, but gives up on an error answer
      // (503 too_many_listeners): start over a little later then.
      if (current.readyState === EventSource.CLOSED && !closed) retry = window.setTimeout(connect, 5_000);
    });
    source.addEventListener('snapshot', (event) => {
      const data = JSON.parse((event as MessageEvent<string>).data) as { seats?: Array<{ seatId: string; status: SeatState }>; seatsOmitted?: boolean; availability: Availability };
      handlers.snapshot(data.seatsOmitted ? null : (data.seats ?? []), data.availability);
      handlers.connection(true);
    });
    source.addEventListener('seats', (event) => {
      handlers.seats((JSON.parse((event as MessageEvent<string>).data) as { seats: Array<{ seatId: string; status: SeatState }> }).seats);
    });
    source.addEventListener('availability', (event) => {
      handlers.availability(JSON.parse((event as MessageEvent<string>).data) as Availability);
    });
    source.addEventListener('reload', () => {
      source?.close();
      if (!closed) connect();
    });
  };
  connect();
  return () => {
    closed = true;
    window.clearTimeout(retry);
    source?.close();
  };
}
