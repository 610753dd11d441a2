import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { AppConfig } from '@app/config';
import { isDomainError, waitingEntries, type WaitlistEnded, type WaitlistEntry, type WaitlistJoined, type WaitlistLeft, type WaitlistOffered } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { ReadDatabase, WaitlistQueries } from '@app/read-models';
import { APP_CONFIG } from '../infrastructure/tokens';
import { EndHold } from '../inventory/holds/endHold';
import { HoldLookup } from '../inventory/holds/holdLookup';
import { HoldViews } from '../inventory/holds/holdViews';
import { PlaceHold } from '../inventory/holds/placeHold';
import { ProjectionsService } from '../projections/projections.service';
import { WaitlistLines } from './waitlistLines';
import { WaitlistEndings } from './waitlistEndings';
import { WaitlistTimeouts } from './waitlistTimeouts';

/** What is owed to one show's line; one run at a time works it off. */
interface ShowWork {
  running: boolean;
  /** Timers tracked and lost offers settled since this process started. */
  loaded: boolean;
  walk: boolean;
  soldOut: boolean;
  retry?: NodeJS.Timeout;
}

type Counts = { available: number; held: number };

const RETRY_MS = 2_000;

/**
 * The waiting line's process manager. When seats come free (a hold released or
 * expired) it walks the show's line in join order and offers each entry a hold made
 * through the shards under the entry's id; an entry the free seats cannot satisfy
 * keeps its place and the walk goes on to the next. After a sale it ends the entries
 * nothing can come free for any more ('sold_out').
 *
 * Runs only where the expiry worker runs (one process per store): a second walker
 * could hold seats for one entry on two shards. Within the process, one run per show
 * at a time; work that arrives meanwhile makes the run go round once more. No freed
 * seat is offered twice because offers are holds (the shard decides), and an entry is
 * offered once (its decider refuses offering an entry that no longer waits).
 */
@Injectable()
export class WaitlistOffers implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('WaitlistOffers');
  private readonly shows = new Map<string, ShowWork>();
  private readonly queries: WaitlistQueries;
  private enabled = false;
  private ready = false;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly projections: ProjectionsService,
    private readonly lines: WaitlistLines,
    private readonly endings: WaitlistEndings,
    private readonly lookup: HoldLookup,
    private readonly placeHold: PlaceHold,
    private readonly holdViews: HoldViews,
    private readonly endHold: EndHold,
    private readonly timeouts: WaitlistTimeouts,
    readDb: ReadDatabase,
  ) {
    this.queries = new WaitlistQueries(readDb.reader);
  }

  onModuleInit(): void {
    this.enabled = this.config.expiryWorker;
    // Listen from the start: the projections may apply events before this bootstrap runs.
    this.projections.onApplied((events) => this.observe(events));
  }

  onApplicationBootstrap(): void {
    if (this.enabled) void this.recover();
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    for (const work of this.shows.values()) clearTimeout(work.retry);
  }

  /**
   * After a restart: once the read models hold the whole log, every show with someone
   * waiting gets its timers back, its lost offers settled and one walk, so a seat
   * freed while the process was down is not forgotten.
   */
  private async recover(): Promise<void> {
    while (!this.stopped && !(await this.projections.catchUp(5_000).catch(() => false))) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (this.stopped) return;
    for (const showId of this.queries.showsWithWaiting()) this.schedule(showId, { walk: true, soldOut: true });
    this.ready = true;
    this.timeouts.start();
    for (const showId of this.shows.keys()) this.schedule(showId, {});
  }

  private observe(events: readonly RecordedEvent[]): void {
    if (!this.enabled || this.stopped) return;
    for (const event of events) {
      const showId = (event.metadata as { showId?: unknown }).showId;
      if (typeof showId !== 'string') continue;
      switch (event.type) {
        case 'WaitlistJoined': {
          const d = event.data as WaitlistJoined['data'];
          this.lines.seen(showId, event.streamRevision);
          this.timeouts.track({ showId, entryId: d.entryId, customerId: d.customerId, waitsUntil: Date.parse(d.waitsUntil) });
          // Seats may have come free between the join's check and its write; and sales may have ended all hope.
          this.schedule(showId, { walk: true, soldOut: true });
          break;
        }
        case 'WaitlistOffered':
          this.lines.seen(showId, event.streamRevision);
          this.timeouts.forget((event.data as WaitlistOffered['data']).entryId);
          break;
        case 'WaitlistLeft':
        case 'WaitlistEnded': {
          const { entryId } = event.data as WaitlistLeft['data'] | WaitlistEnded['data'];
          this.lines.seen(showId, event.streamRevision);
          this.timeouts.forget(entryId);
          // Whoever wrote the end (another process, a join that ended a stale entry) may not have returned the allowance.
          void this.returnAllowance(showId, entryId);
          break;
        }
        case 'HoldReleased':
        case 'HoldExpired':
          if (this.shows.has(showId)) this.schedule(showId, { walk: true });
          break;
        case 'TicketsSold':
          if (this.shows.has(showId)) this.schedule(showId, { soldOut: true });
          break;
      }
    }
  }

  private schedule(showId: string, work: { walk?: boolean; soldOut?: boolean }): void {
    let show = this.shows.get(showId);
    if (!show) {
      show = { running: false, loaded: false, walk: false, soldOut: false };
      this.shows.set(showId, show);
    }
    show.walk ||= work.walk ?? false;
    show.soldOut ||= work.soldOut ?? false;
    // Before recovery, the holds read model may not know an offer's seats yet: walking then could hold twice.
    if (this.ready && !this.stopped && !show.running) void this.run(showId, show);
  }

  private async run(showId: string, show: ShowWork): Promise<void> {
    show.running = true;
    try {
      while (!this.stopped && (!show.loaded || show.walk || show.soldOut)) {
        if (!show.loaded) {
          await this.load(showId);
          show.loaded = true;
        }
        if (show.walk) {
          show.walk = false;
          await this.walk(showId);
        }
        if (show.soldOut) {
          show.soldOut = false;
          await this.endSoldOut(showId);
        }
      }
    } catch (error) {
      if (this.stopped) return;
      this.logger.warn(`waiting line of show ${showId}: ${String(error)}; retrying`);
      show.walk = true;
      show.soldOut = true;
      clearTimeout(show.retry);
      show.retry = setTimeout(() => this.schedule(showId, {}), RETRY_MS);
      show.retry.unref();
    } finally {
      show.running = false;
    }
  }

  /** First run for a show in this process: timers for every waiting entry, and offers whose hold was made but not recorded (a crash in between). */
  private async load(showId: string): Promise<void> {
    const line = this.lines.line(showId);
    const waiting = await line.read((state) => [...state.waiting.values()].map((e) => ({ ...e })));
    for (const entry of waiting) {
      this.timeouts.track({ showId, entryId: entry.entryId, customerId: entry.customerId, waitsUntil: entry.waitsUntil });
      if (this.lookup.tookSeats(entry.entryId)) await this.recordOffer(showId, entry);
    }
  }

  /** Offers free seats to the waiting entries, longest-waiting first; stops when nothing is free. */
  private async walk(showId: string): Promise<void> {
    const now = Date.now();
    const line = await this.lines.line(showId).read((state) => waitingEntries(state, now).map((e) => ({ ...e })));
    if (line.length === 0) return;
    const counts = new Map<string, Counts>();
    for (const entry of line) {
      if (this.stopped) return;
      if ((await this.countsFor(showId, counts)).available === 0) return;
      const wanted = await this.countsFor(showId, counts, entry).catch((error: unknown) => {
        // A tier or section the show no longer has: the entry can never be served here.
        if (isDomainError(error, 'invalid_request')) return { available: 0, held: 0 };
        throw error;
      });
      if (wanted.available < entry.quantity) continue;
      if (await this.offer(showId, entry)) counts.clear();
    }
  }

  /** Holds seats for the entry under its id and records the offer; false when the seats were not there after all. */
  private async offer(showId: string, entry: WaitlistEntry): Promise<boolean> {
    if (!this.lookup.tookSeats(entry.entryId)) {
      try {
        await this.placeHold.holdReserved(entry.customerId, showId, entry.entryId, {
          quantity: entry.quantity,
          ...(entry.tier !== undefined ? { tier: entry.tier } : {}),
          ...(entry.section !== undefined ? { section: entry.section } : {}),
        });
      } catch (error) {
        // Someone was faster (the entry keeps its place), or the entry's reservation is gone (it left meanwhile).
        if (isDomainError(error, 'seats_unavailable') || isDomainError(error, 'invalid_request')) return false;
        throw error;
      }
    }
    await this.recordOffer(showId, entry);
    return true;
  }

  private async recordOffer(showId: string, entry: WaitlistEntry): Promise<void> {
    try {
      await this.lines.line(showId).execute({ type: 'OfferWaitlistEntry', data: { entryId: entry.entryId, holdId: entry.entryId, now: Date.now() } });
      this.timeouts.forget(entry.entryId);
    } catch (error) {
      if (!isDomainError(error, 'waitlist_entry_not_waiting') && !isDomainError(error, 'waitlist_entry_not_found')) throw error;
      // The entry left or ran out of time while its seats were being taken: give them back.
      await this.endHold.release(entry.customerId, entry.entryId, 'undo');
    }
  }

  /** Ends the entries that more tickets than are still available or held would be needed for: sold tickets never come back. */
  private async endSoldOut(showId: string): Promise<void> {
    const now = Date.now();
    const line = await this.lines.line(showId).read((state) => waitingEntries(state, now).map((e) => ({ ...e })));
    const counts = new Map<string, Counts>();
    for (const entry of line) {
      if (this.stopped) return;
      const c = await this.countsFor(showId, counts, entry).catch((error: unknown) => {
        if (isDomainError(error, 'invalid_request')) return { available: 0, held: 0 };
        throw error;
      });
      if (c.available + c.held < entry.quantity) await this.endings.end(showId, entry.entryId, entry.customerId, 'sold_out');
    }
  }

  /** Counts for the entry's tier and section (the whole show without an entry), once per walk until an offer changes them. */
  private async countsFor(showId: string, cache: Map<string, Counts>, entry?: WaitlistEntry): Promise<Counts> {
    const key = `${entry?.tier ?? ''}|${entry?.section ?? ''}`;
    let counts = cache.get(key);
    if (!counts) {
      counts = await this.holdViews.counts(showId, { ...(entry?.tier ? { tier: entry.tier } : {}), ...(entry?.section ? { section: entry.section } : {}) });
      cache.set(key, counts);
    }
    return counts;
  }

  private async returnAllowance(showId: string, entryId: string): Promise<void> {
    try {
      const line = this.lines.line(showId);
      const entry = await line.read((state) => state.entries.get(entryId));
      if (!entry || entry.status === 'waiting' || entry.status === 'offered') return;
      await this.endings.returnAllowance(showId, entry.customerId, entryId, entry.status === 'left' ? 'released' : entry.status === 'expired' ? 'expired' : 'failed');
    } catch (error) {
      if (!this.stopped) this.logger.warn(`allowance of waiting-line entry ${entryId}: ${String(error)}`);
    }
  }
}
