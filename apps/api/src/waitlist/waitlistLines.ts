import { Inject, Injectable } from '@nestjs/common';
import { waitlistDecider, waitlistStream, type WaitlistCommand, type WaitlistEvent, type WaitlistState } from '@app/domain';
import type { EventStore } from '@app/event-store';
import { EVENT_STORE } from '../infrastructure/tokens';
import { StreamWriter } from '../infrastructure/streamWriter';

export type WaitlistWriter = StreamWriter<WaitlistCommand, WaitlistEvent, WaitlistState>;

/** One in-memory writer per show's waiting line, made on first use. */
@Injectable()
export class WaitlistLines {
  private readonly writers = new Map<string, WaitlistWriter>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  line(showId: string): WaitlistWriter {
    let writer = this.writers.get(showId);
    if (!writer) {
      writer = new StreamWriter({ store: this.store, streamId: waitlistStream(showId), decider: waitlistDecider, metadata: { showId } });
      this.writers.set(showId, writer);
    }
    return writer;
  }

  /**
   * An event of the line at `revision` reached the log. Our own appends are in the
   * state already; one that is not came from another process, so the state is reloaded
   * before it is read again (deciding against it would only conflict and reload anyway).
   */
  seen(showId: string, revision: bigint): void {
    const writer = this.writers.get(showId);
    const version = writer?.peek((state) => state.version);
    if (writer && version !== undefined && BigInt(version) <= revision) writer.invalidate();
  }
}
