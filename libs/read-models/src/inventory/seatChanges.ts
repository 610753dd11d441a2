import type { RecordedEvent } from '@app/event-store';
import type { HoldExpired, HoldReleased, SeatsHeld, TicketsSold } from '@app/domain';

/** A seat of a show (seat ids repeat across venues, so a seat is named by both). */
export interface Seat {
  showId: string;
  seatId: string;
}

/** What an event does to one seat: held or sold under `holdId`, or available again. */
export interface SeatChange extends Seat {
  status: 'held' | 'sold' | 'available';
  holdId: string;
}

/** The seats a hold holds now (held, not sold), in the order it took them. */
export type SeatsHeldBy = (holdId: string) => Iterable<Seat>;

/**
 * The one fold of a seated show's seat status. The `seat_status` projection (row by row
 * and in bulk) and the live feed's seat tracker all call it, each with its own storage
 * behind `heldBy`, so what the read model holds and what the live feed says cannot drift:
 *
 * - a hold takes its seats, from whichever hold had them before;
 * - the first release or expiry of a hold frees every seat it still holds, in every
 *   shard (its event names the hold, not the seats);
 * - a sale marks sold the seats its tickets name: a shard's part of the hold, which is
 *   what the shard sold. A purchase cut short between shards (a crash) leaves the other
 *   shards' seats held, to come free at their expiry, as on the write side.
 *
 * The show of a sale is the one in its stream's metadata, as the live feed groups it.
 */
export function seatChanges(event: RecordedEvent, heldBy: SeatsHeldBy): SeatChange[] {
  switch (event.type) {
    case 'SeatsHeld': {
      const { showId, holdId, seatIds } = event.data as SeatsHeld['data'];
      return (seatIds ?? []).map((seatId) => ({ showId, seatId, status: 'held', holdId }));
    }
    case 'HoldReleased':
    case 'HoldExpired': {
      const { holdId } = event.data as HoldReleased['data'] | HoldExpired['data'];
      return Array.from(heldBy(holdId), ({ showId, seatId }) => ({ showId, seatId, status: 'available', holdId }));
    }
    case 'TicketsSold': {
      const { holdId, tickets } = event.data as TicketsSold['data'];
      const showId = saleShow(event);
      const changes: SeatChange[] = [];
      for (const ticket of tickets) if (ticket.seatId !== undefined) changes.push({ showId, seatId: ticket.seatId, status: 'sold', holdId });
      return changes;
    }
    default:
      return [];
  }
}

function saleShow(event: RecordedEvent): string {
  const showId = (event.metadata as { showId?: unknown } | undefined)?.showId;
  return typeof showId === 'string' ? showId : '';
}
