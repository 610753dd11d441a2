import type { SseConnection } from '../sse/sseConnection';
import { seatUpdateAfter, type SeatUpdate } from './seatUpdates';

/**
 * One client of a show's stream. `cursor` is the log position it has everything up
 * to; an update at or below it is dropped, one straddling it is trimmed. That single
 * rule is what makes a resume gap- and duplicate-free: while the client replays from
 * the store, live updates are parked, and when the replay ends at position R they are
 * let through above R only.
 */
export class ShowSubscriber {
  private parked: SeatUpdate[] | undefined;

  constructor(
    readonly connection: SseConnection,
    private position: bigint,
    replaying: boolean,
    private readonly maxParked: number,
  ) {
    if (replaying) this.parked = [];
  }

  get cursor(): bigint {
    return this.position;
  }

  get replaying(): boolean {
    return this.parked !== undefined;
  }

  deliver(update: SeatUpdate): void {
    if (this.parked) {
      // Updates that change no seat only move the position; the replay's end covers them.
      if (update.text === '') return;
      this.parked.push(update);
      if (this.parked.length > this.maxParked) this.connection.reload('too_far_behind');
      return;
    }
    this.write(update);
  }

  /** Sent by the replay, which has read the store up to `position`. */
  replayed(text: string, position: bigint): void {
    this.connection.send(text);
    if (position > this.position) this.position = position;
  }

  /** The replay read everything up to `position`: send what was parked above it and go live. */
  goLive(position: bigint): void {
    if (position > this.position) this.position = position;
    const parked = this.parked ?? [];
    this.parked = undefined;
    for (const update of parked) this.write(update);
  }

  private write(update: SeatUpdate): void {
    if (update.last <= this.position) return;
    const text = update.first > this.position ? update.text : seatUpdateAfter(update, this.position);
    this.position = update.last;
    this.connection.send(text);
  }
}
