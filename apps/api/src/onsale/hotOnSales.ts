import { Inject, Injectable } from '@nestjs/common';
import { HOT_ONSALES_STREAM, hotOnSaleDecider, type HotOnSaleCommand, type HotOnSaleEvent, type HotOnSaleSettings, type HotOnSaleState } from '@app/domain';
import type { EventStore } from '@app/event-store';
import { EVENT_STORE } from '../infrastructure/tokens';
import { StreamWriter } from '../infrastructure/streamWriter';

type HotOnSaleWriter = StreamWriter<HotOnSaleCommand, HotOnSaleEvent, HotOnSaleState>;

/**
 * Which shows are hot on-sales, from the one `hot-onsales` stream, kept in memory: a hold
 * on a show that is not hot asks a Map and goes on (no read, no await once loaded). Writes
 * by other processes reach it through the projections' feed (`seen`), which drops the
 * state so the next question reloads the stream.
 */
@Injectable()
export class HotOnSales {
  private readonly reader: HotOnSaleWriter;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {
    this.reader = new StreamWriter({ store, streamId: HOT_ONSALES_STREAM, decider: hotOnSaleDecider });
  }

  /**
   * The show's settings when it is hot, `null` when not; undefined when the stream is not
   * in memory (the caller then awaits `settings`). The hold path's fast answer.
   */
  peek(showId: string): HotOnSaleSettings | null | undefined {
    return this.reader.peek((state) => state.shows.get(showId) ?? null);
  }

  async settings(showId: string): Promise<HotOnSaleSettings | undefined> {
    return this.reader.read((state) => state.shows.get(showId));
  }

  /**
   * As `settings`, but a show not hot in memory is looked up in the store too (one read of
   * the stream's head): for the waiting room, which must not turn away a customer because
   * another process's mark has not reached this one yet.
   */
  async settingsChecked(showId: string): Promise<HotOnSaleSettings | undefined> {
    return (await this.settings(showId)) ?? this.reader.read((state) => state.shows.get(showId), { fresh: true });
  }

  /** Whether any show is a hot on-sale now (new identities then cost a proof-of-work). */
  async anyOpen(): Promise<boolean> {
    const known = this.reader.peek((state) => state.shows.size > 0);
    return known ?? this.reader.read((state) => state.shows.size > 0);
  }

  /**
   * Decides and appends a staff member's change with the stream's expected revision. A
   * writer of its own, so the event records who made it (`by` in its metadata); the
   * shared state is then dropped and reloaded with it.
   */
  async change(command: HotOnSaleCommand, by: string): Promise<HotOnSaleEvent[]> {
    const writer: HotOnSaleWriter = new StreamWriter({ store: this.store, streamId: HOT_ONSALES_STREAM, decider: hotOnSaleDecider, metadata: { showId: command.data.showId, by } });
    const { events } = await writer.execute(command);
    this.reader.invalidate();
    return events;
  }

  warm(): Promise<void> {
    return this.reader.warm();
  }

  /** An event of the stream reached the log (from any process): the next question reloads. */
  seen(): void {
    this.reader.invalidate();
  }
}
