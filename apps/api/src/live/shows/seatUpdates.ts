import { sseMessage } from '../sse/sseMessage';
import type { SeatChange } from './seatTracker';

/** The seat changes of one event of the show, at its log position (none for general admission). */
export interface SeatSegment {
  position: bigint;
  changes: SeatChange[];
}

/**
 * Consecutive events of one show, formatted once for every client: `text` is one
 * `seats` message whose id is the last event's position, or '' when the events change
 * no seat (general admission), which then only moves the clients' position on.
 */
export interface SeatUpdate {
  first: bigint;
  last: bigint;
  segments: SeatSegment[];
  text: string;
}

/** Groups segments into messages of at most `maxChanges` changes, never splitting an event. */
export function seatUpdates(segments: readonly SeatSegment[], maxChanges: number): SeatUpdate[] {
  const updates: SeatUpdate[] = [];
  let group: SeatSegment[] = [];
  let size = 0;
  for (const segment of segments) {
    if (group.length > 0 && size + segment.changes.length > maxChanges) {
      updates.push(seatUpdate(group));
      group = [];
      size = 0;
    }
    group.push(segment);
    size += segment.changes.length;
  }
  if (group.length > 0) updates.push(seatUpdate(group));
  return updates;
}

export function seatUpdate(segments: SeatSegment[]): SeatUpdate {
  const last = segments[segments.length - 1].position;
  return { first: segments[0].position, last, segments, text: seatsText(segments, last) };
}

/** The part of an update a client has not seen: for a client that resumed in the middle of it. */
export function seatUpdateAfter(update: SeatUpdate, cursor: bigint): string {
  return seatsText(
    update.segments.filter((segment) => segment.position > cursor),
    update.last,
  );
}

function seatsText(segments: readonly SeatSegment[], id: bigint): string {
  const seats = segments.flatMap((segment) => segment.changes);
  return seats.length === 0 ? '' : sseMessage('seats', { seats }, id);
}
