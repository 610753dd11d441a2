import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { AppConfig } from '@app/config';
import type { AllowanceReserved, HoldExpired, HoldReleased, SeatsHeld } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { HoldsQueries, ReadDatabase } from '@app/read-models';
import { APP_CONFIG } from '../../infrastructure/tokens';
import { ProjectionsService } from '../../projections/projections.service';
import { EndHold } from '../holds/endHold';
import { DeadlineTimer } from './deadlineTimer';

interface Entry {
  holdId: string;
  showId: string;
  customerId: string;
  shardIds: Set<string>;
  expiresAt: number;
  /** A reservation whose seats have not (yet) been seen: checked after its expiry. */
  kind: 'hold' | 'reservation';
}

/** A reservation is only abandoned this long after its hold would have expired. */
const RESERVATION_GRACE_MS = 5_000;
const RETRY_MS = 2_000;

/**
 * Makes abandoned holds expire by themselves. It learns of holds from the log
 * (through the projections, so it also sees other processes' holds), keeps one
 * timer for the earliest, and on restart rebuilds its queue from the holds read
 * model. It also returns the customer's allowance when a hold ends, and gives back
 * allowances whose hold never got seats.
 */
@Injectable()
export class ExpiryWorker implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Expiry');
  private readonly entries = new DeadlineTimer<Entry>(
    (entry) => (entry.kind === 'hold' ? entry.expiresAt : entry.expiresAt + RESERVATION_GRACE_MS),
    (entry) => this.expire(entry),
  );
  private readonly holds: HoldsQueries;
  private enabled = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly projections: ProjectionsService,
    private readonly endHold: EndHold,
    readDb: ReadDatabase,
  ) {
    this.holds = new HoldsQueries(readDb.reader);
  }

  onModuleInit(): void {
    // Listen from the start: the projections may apply events before this worker's bootstrap runs.
    this.enabled = this.config.expiryWorker;
    this.projections.onApplied((events) => this.observe(events));
  }

  onApplicationBootstrap(): void {
    if (!this.enabled) return;
    for (const row of this.holds.allActive()) {
      this.track({
        holdId: row.hold_id,
        showId: row.show_id,
        customerId: row.customer_id,
        shardIds: new Set(row.shard_ids ? row.shard_ids.split(',') : []),
        expiresAt: Date.parse(row.expires_at),
        kind: row.status === 'active' ? 'hold' : 'reservation',
      });
    }
    this.entries.start();
  }

  onApplicationShutdown(): void {
    this.enabled = false;
    this.entries.stop();
  }

  /** Live holds the worker is waiting on (for health and tests). */
  get pending(): number {
    return this.entries.size;
  }

  private observe(events: readonly RecordedEvent[]): void {
    if (!this.enabled) return;
    for (const event of events) {
      switch (event.type) {
        case 'AllowanceReserved': {
          const d = event.data as AllowanceReserved['data'];
          const meta = event.metadata as { showId?: string; customerId?: string };
          if (!this.entries.has(d.holdId) && meta.showId && meta.customerId) {
            this.track({ holdId: d.holdId, showId: meta.showId, customerId: meta.customerId, shardIds: new Set(), expiresAt: Date.parse(d.expiresAt), kind: 'reservation' });
          }
          break;
        }
        case 'SeatsHeld': {
          const d = event.data as SeatsHeld['data'];
          const entry = this.entries.get(d.holdId);
          if (entry) {
            if (entry.kind === 'reservation') {
              // The hold's own expiry counts from here: a waiting-line entry's reservation runs until the
              // entry's waitsUntil, long after the hold made for its offer is due.
              entry.kind = 'hold';
              entry.expiresAt = Date.parse(d.expiresAt);
              this.entries.reschedule(entry.holdId);
            }
            entry.shardIds.add(d.shardId);
          } else {
            this.track({ holdId: d.holdId, showId: d.showId, customerId: d.customerId, shardIds: new Set([d.shardId]), expiresAt: Date.parse(d.expiresAt), kind: 'hold' });
          }
          break;
        }
        case 'HoldReleased':
        case 'HoldExpired':
        case 'TicketsSold':
          this.settle(event);
          break;
      }
    }
  }

  /** A hold ended: stop its timer, and make sure the customer's allowance comes back (a no-op if it already did). */
  private settle(event: RecordedEvent): void {
    const { holdId, customerId } = event.data as HoldReleased['data'] | HoldExpired['data'];
    const entry = this.entries.get(holdId);
    this.entries.delete(holdId);
    if (event.type === 'TicketsSold' || !entry) return;
    const reason = event.type === 'HoldExpired' ? 'expired' : 'released';
    void this.endHold.returnAllowance(entry.showId, customerId, holdId, reason).catch((e: unknown) => this.logger.warn(`allowance of ${holdId}: ${String(e)}`));
  }

  private track(entry: Entry): void {
    this.entries.set(entry.holdId, entry);
  }

  private async expire(entry: Entry): Promise<void> {
    try {
      if (entry.kind === 'hold') {
        await this.endHold.expire(entry.showId, [...entry.shardIds], entry.holdId, entry.customerId);
      } else if (this.holds.get(entry.holdId)?.status !== 'active') {
        await this.endHold.returnAllowance(entry.showId, entry.customerId, entry.holdId, 'failed');
      }
      this.entries.delete(entry.holdId);
    } catch (error) {
      // The store may be down: try again shortly, the hold stays tracked.
      this.logger.warn(`expiring ${entry.holdId} failed, retrying: ${String(error)}`);
      entry.expiresAt = Math.min(entry.expiresAt, Date.now() + RETRY_MS);
      this.entries.retryAt(entry.holdId, Date.now() + RETRY_MS);
    }
  }
}
