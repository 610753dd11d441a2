import { streamUrl } from '../api/client';
import type { Availability, SeatChange, ShowKind } from '../api/types';

/*
 * The `data` of the stream's messages. The description says only that it is JSON, so
 * the envelopes are written here; what is in them is the API's own types.
 */

/** `snapshot`: the show's held and sold seats (seated shows, unless too many) and its counts. */
interface SnapshotMessage {
  showId: string;
  kind: ShowKind;
  seats?: SeatChange[];
  seatsOmitted?: true;
  availability: Availability;
}

/** `seats`: seats whose state changed. */
interface SeatsMessage {
  seats: SeatChange[];
}

/** `availability`: fresh counts. */
type AvailabilityMessage = Availability;

export interface ShowFeedHandlers {
  /** Everything held or sold right now (seated shows); `null` when the server left the seats out (too many). */
  snapshot(seats: SeatChange[] | null, availability: Availability): void;
  seats(changes: SeatChange[]): void;
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
    source = new EventSource(streamUrl('/v1/shows/{showId}/updates', { showId }));
    const current = source;
    source.addEventListener('open', () => handlers.connection(true));
    source.addEventListener('error', () => {
      handlers.connection(false);
      // EventSource retries a dropped stream by itself, but gives up on an error answer
      // (503 too_many_listeners): start over a little later then.
      if (current.readyState === EventSource.CLOSED && !closed) retry = window.setTimeout(connect, 5_000);
    });
    source.addEventListener('snapshot', (event) => {
      const data = JSON.parse((event as MessageEvent<string>).data) as SnapshotMessage;
      handlers.snapshot(data.seatsOmitted ? null : (data.seats ?? []), data.availability);
      handlers.connection(true);
    });
    source.addEventListener('seats', (event) => {
      handlers.seats((JSON.parse((event as MessageEvent<string>).data) as SeatsMessage).seats);
    });
    source.addEventListener('availability', (event) => {
      handlers.availability(JSON.parse((event as MessageEvent<string>).data) as AvailabilityMessage);
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
