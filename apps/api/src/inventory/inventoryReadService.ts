import { Inject, Injectable } from '@nestjs/common';
import { shardSize } from '@app/domain';
import type { EventStore } from '@app/event-store';
import { ApiError } from '../http/apiError';
import { EVENT_STORE } from '../infrastructure/tokens';
import { ProjectionsService } from '../projections/projections.service';
import { InventoryQueries } from './inventoryQueries';
import { ShardRegistry, type ShowInventory } from './shardRegistry';

export interface SeatStatus {
  seatId: string;
  section: string;
  row: string;
  number: number;
  tier: string;
  status: 'available' | 'held' | 'sold';
}

export interface Counts {
  capacity: number;
  available: number;
  held: number;
  sold: number;
}

export interface Availability extends Counts {
  byTier: Record<string, Counts>;
  asOf: string;
  lagEvents: number;
}

/** Without a section, seat maps are served whole only up to this size. */
const MAX_WHOLE_MAP = 25_000;

/** Seat maps and "how many are left", from the read models (never from the write side). */
@Injectable()
export class InventoryReadService {
  private readonly capacities = new Map<string, Record<string, number>>();

  constructor(
    private readonly registry: ShardRegistry,
    private readonly queries: InventoryQueries,
    private readonly projections: ProjectionsService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async seats(showId: string, section?: string): Promise<SeatStatus[]> {
    const inventory = await this.show(showId);
    if (inventory.definition.show.kind !== 'seated') throw new ApiError(400, 'invalid_request', 'This show is general admission: it has no seat map', { field: 'showId' });
    const plans = inventory.shards.map((s) => s.plan).filter((p) => p.kind === 'seated' && (!section || p.sectionId === section));
    if (section && plans.length === 0) throw new ApiError(404, 'not_found', `Section ${section} does not exist in this show`);
    const size = plans.reduce((sum, p) => sum + shardSize(p), 0);
    if (!section && size > MAX_WHOLE_MAP) throw new ApiError(400, 'invalid_request', `This venue has ${size} seats: ask for one section at a time (?section=)`, { field: 'section' });
    const statuses = this.queries.seatStatuses(showId);
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
    const inventory = await this.show(showId);
    const capacity = this.capacityByTier(inventory);
    const byTier: Record<string, Counts> = {};
    for (const [tier, cap] of Object.entries(capacity)) byTier[tier] = { capacity: cap, available: cap, held: 0, sold: 0 };
    for (const row of this.queries.counts(showId)) {
      const t = (byTier[row.tier] ??= { capacity: 0, available: 0, held: 0, sold: 0 });
      t.held = row.held;
      t.sold = row.sold;
      t.available = t.capacity - row.held - row.sold;
    }
    const total = Object.values(byTier).reduce(
      (sum, t) => ({ capacity: sum.capacity + t.capacity, available: sum.available + t.available, held: sum.held + t.held, sold: sum.sold + t.sold }),
      { capacity: 0, available: 0, held: 0, sold: 0 },
    );
    const head = await this.store.headPosition().catch(() => undefined);
    const applied = this.projections.appliedPosition;
    const lag = head === undefined || head === 'start' ? 0 : Number(head > applied ? head - applied : 0n);
    return { ...total, byTier, asOf: new Date().toISOString(), lagEvents: lag };
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
    if (!inventory) throw new ApiError(404, 'not_found', `Show ${showId} does not exist`);
    return inventory;
  }
}
