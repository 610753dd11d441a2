import { gzipSync } from 'node:zlib';
import { Inject, Injectable } from '@nestjs/common';
import { shardSize } from '@app/domain';
import type { Availability, Counts, SeatStatus } from '@app/contracts';
import type { EventStore } from '@app/event-store';
import { RemainingCountQueries, SeatStatusQueries } from '@app/read-models';
import { AppError } from '../application/appError';
import { EVENT_STORE } from '../infrastructure/tokens';
import { ProjectionsService } from '../projections/projections.service';
import { ShardRegistry, type ShowInventory } from './shardRegistry';
import { ShowVersions } from './showVersions';

/** A seat's status, a show's counts and its availability as the API answers them, as libs/contracts defines them. */
export type { Availability, Counts, SeatStatus } from '@app/contracts';

/** A seat map as it goes out: the JSON, and its gzip made the first time a client accepts it. */
export interface SeatMapBody {
  json: string;
  gzip(): Buffer;
}

interface CachedSeatMap {
  version: number;
  seats: SeatStatus[];
  json?: string;
  gzipped?: Buffer;
}

interface CachedCounts {
  version: number;
  counts: Counts & { byTier: Record<string, Counts> };
  /** The JSON of `counts` without its closing brace, for answers that only add asOf and lagEvents. */
  json: string;
}

/** Without a section, seat maps are served whole only up to this size. */
const MAX_WHOLE_MAP = 25_000;
/** Sections' seat maps kept ready; past this the least recently used go. */
const MAX_CACHED_MAPS = 2_000;
const LAG_TTL_MS = 20;

/**
 * Seat maps and "how many are left", from the read models (never from the write side).
 * Reads outnumber bookings by thousands to one, so each answer is kept in memory,
 * with its JSON, until the show's version moves: the projections bump it with every
 * batch that touches the show, right after committing it, so a cached answer is the
 * same as a fresh query of the read model would be.
 */
@Injectable()
export class InventoryReadService {
  private readonly capacities = new Map<string, Record<string, number>>();
  private readonly versions = new ShowVersions();
  private readonly seatMaps = new Map<string, CachedSeatMap>();
  private readonly statuses = new Map<string, { version: number; statuses: Map<string, 'held' | 'sold'> }>();
  private readonly counts = new Map<string, CachedCounts>();
  private lagEvents = 0;
  private lagReadAt = 0;

  constructor(
    private readonly registry: ShardRegistry,
    private readonly seatStatus: SeatStatusQueries,
    private readonly remaining: RemainingCountQueries,
    private readonly projections: ProjectionsService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {
    projections.onApplied((events) => this.versions.applied(events));
  }

  async seats(showId: string, section?: string): Promise<SeatStatus[]> {
    return (await this.seatMap(showId, section)).seats;
  }

  /** The seat map ready to send. */
  async seatMapBody(showId: string, section?: string): Promise<SeatMapBody> {
    const cached = await this.seatMap(showId, section);
    const json = (cached.json ??= JSON.stringify(cached.seats));
    return { json, gzip: () => (cached.gzipped ??= gzipSync(json)) };
  }

  private async seatMap(showId: string, section: string | undefined): Promise<CachedSeatMap> {
    const inventory = await this.show(showId);
    const version = this.versions.of(showId);
    const key = `${showId}|${section ?? ''}`;
    const cached = this.seatMaps.get(key);
    if (cached && cached.version === version) return cached;
    const fresh: CachedSeatMap = { version, seats: this.drawSeatMap(inventory, showId, section, version) };
    this.seatMaps.delete(key);
    if (this.seatMaps.size >= MAX_CACHED_MAPS) this.seatMaps.delete(this.seatMaps.keys().next().value!);
    this.seatMaps.set(key, fresh);
    return fresh;
  }

  private drawSeatMap(inventory: ShowInventory, showId: string, section: string | undefined, version: number): SeatStatus[] {
    if (inventory.definition.show.kind !== 'seated') throw new AppError('invalid_request', 'This show is general admission: it has no seat map', { field: 'showId' });
    const plans = inventory.shards.map((s) => s.plan).filter((p) => p.kind === 'seated' && (!section || p.sectionId === section));
    if (section && plans.length === 0) throw new AppError('not_found', `Section ${section} does not exist in this show`);
    const size = plans.reduce((sum, p) => sum + shardSize(p), 0);
    if (!section && size > MAX_WHOLE_MAP) throw new AppError('invalid_request', `This venue has ${size} seats: ask for one section at a time (?section=)`, { field: 'section' });
    // One query per show and version serves every section drawn meanwhile.
    let known = this.statuses.get(showId);
    if (!known || known.version !== version) {
      known = { version, statuses: this.seatStatus.seatStatuses(showId) };
      this.statuses.set(showId, known);
    }
    const statuses = known.statuses;
    const seats: SeatStatus[] = [];
    for (const plan of plans) {
      if (plan.kind !== 'seated') continue;
      for (const unit of plan.units) {
        seats.push({ seatId: unit.seatId, section: unit.section, row: unit.row, number: unit.number, tier: unit.tier, status: statuses.get(unit.seatId) ?? 'available' });
      }
    }
    return seats;
  }

  async availability(showId: string): Promise<Availability> {
    const { counts } = await this.cachedCounts(showId);
    const lagEvents = await this.lag();
    return { ...counts, byTier: structuredClone(counts.byTier), asOf: this.store.readsCurrentAt().toISOString(), lagEvents };
  }

  /** `availability` as JSON, ready to send. */
  async availabilityJson(showId: string): Promise<string> {
    const { json } = await this.cachedCounts(showId);
    const lagEvents = await this.lag();
    return `${json},"asOf":"${this.store.readsCurrentAt().toISOString()}","lagEvents":${lagEvents}}`;
  }

  /**
   * How many events of the log the read models have not applied yet. Counted at most
   * every LAG_TTL_MS (a query per answer cost more than the rest of the answer), so the
   * figure can miss the writes of the last few milliseconds. While the store cannot be
   * asked, the last count stands.
   */
  private async lag(): Promise<number> {
    const now = Date.now();
    if (now - this.lagReadAt >= LAG_TTL_MS) {
      this.lagReadAt = now;
      const applied = this.projections.appliedPosition;
      this.lagEvents = await this.store.countEventsAfter(applied === 0n ? 'start' : applied).catch(() => this.lagEvents);
    }
    return this.lagEvents;
  }

  private async cachedCounts(showId: string): Promise<CachedCounts> {
    const inventory = await this.show(showId);
    const version = this.versions.of(showId);
    const cached = this.counts.get(showId);
    if (cached && cached.version === version) return cached;
    const counts = this.countNow(inventory, showId);
    const fresh = { version, counts, json: JSON.stringify(counts).slice(0, -1) };
    this.counts.set(showId, fresh);
    return fresh;
  }

  private countNow(inventory: ShowInventory, showId: string): Counts & { byTier: Record<string, Counts> } {
    const capacity = this.capacityByTier(inventory);
    const byTier: Record<string, Counts> = {};
    for (const [tier, cap] of Object.entries(capacity)) byTier[tier] = { capacity: cap, available: cap, held: 0, sold: 0 };
    for (const row of this.remaining.counts(showId)) {
      const t = (byTier[row.tier] ??= { capacity: 0, available: 0, held: 0, sold: 0 });
      t.held = row.held;
      t.sold = row.sold;
      t.available = t.capacity - row.held - row.sold;
    }
    const total = Object.values(byTier).reduce(
      (sum, t) => ({ capacity: sum.capacity + t.capacity, available: sum.available + t.available, held: sum.held + t.held, sold: sum.sold + t.sold }),
      { capacity: 0, available: 0, held: 0, sold: 0 },
    );
    return { ...total, byTier };
  }

  private capacityByTier(inventory: ShowInventory): Record<string, number> {
    const showId = inventory.definition.show.id;
    let capacity = this.capacities.get(showId);
    if (!capacity) {
      capacity = {};
      for (const { plan } of inventory.shards) {
        if (plan.kind === 'general') capacity[plan.tier] = (capacity[plan.tier] ?? 0) + plan.count;
        else for (const unit of plan.units) capacity[unit.tier] = (capacity[unit.tier] ?? 0) + 1;
      }
      this.capacities.set(showId, capacity);
    }
    return capacity;
  }

  private async show(showId: string): Promise<ShowInventory> {
    const inventory = await this.registry.show(showId);
    if (!inventory) throw new AppError('not_found', `Show ${showId} does not exist`);
    return inventory;
  }
}
