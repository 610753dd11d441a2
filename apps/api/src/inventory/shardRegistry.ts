import { Inject, Injectable, Optional } from '@nestjs/common';
import type { AppConfig } from '@app/config';
import {
  allowanceDecider,
  allowanceStream,
  compareStamps,
  inventoryDecider,
  inventoryStream,
  type AllowanceCommand,
  type AllowanceEvent,
  type AllowanceState,
  type InventoryCommand,
  type InventoryEvent,
  type InventoryState,
  type ShardPlan,
} from '@app/domain';
import type { EventStore } from '@app/event-store';
import { APP_CONFIG, EVENT_STORE } from '../infrastructure/tokens';
import { StreamWriter } from '../infrastructure/streamWriter';
import { ShowCatalog, type ShowDefinition } from '../catalog/showCatalog';

export type ShardWriter = StreamWriter<InventoryCommand, InventoryEvent, InventoryState>;
export type AllowanceWriter = StreamWriter<AllowanceCommand, AllowanceEvent, AllowanceState>;

export interface ShowInventory {
  definition: ShowDefinition;
  shards: Array<{ plan: ShardPlan; writer: ShardWriter }>;
  /** Seated shows: which shard holds a seat. */
  shardOfSeat: Map<string, number>;
  /** Shards that can serve a quantity request, by `${tier}|${section}` (filled by `candidateShards`). */
  candidates: Map<string, number[]>;
}

/**
 * Allowance streams kept in memory at most; the least recently used are dropped beyond
 * it. A customer's stream is a handful of events, read again in one query when they come
 * back, while a sell-out meets a new customer per order: 200,000 writers took hundreds of MB.
 */
const MAX_ALLOWANCE_WRITERS = 20_000;

/**
 * One in-memory writer per inventory shard and per customer allowance stream, made
 * on first use. A shard's state is loaded from its stream once and then advanced by
 * our own appends.
 */
@Injectable()
export class ShardRegistry {
  private readonly shows = new Map<string, Promise<ShowInventory | undefined>>();
  private readonly allowances = new Map<string, AllowanceWriter>();

  /** A shard with this many tickets left or fewer serves its requests in arrival order (when a window is set). */
  static readonly FINAL_TICKETS = 100;
  private readonly fairnessWindowMs: number;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly catalog: ShowCatalog,
    @Optional() @Inject(APP_CONFIG) config?: AppConfig,
  ) {
    this.fairnessWindowMs = config?.fairnessWindowMs ?? 0;
  }

  show(showId: string): Promise<ShowInventory | undefined> {
    let inventory = this.shows.get(showId);
    if (!inventory) {
      inventory = this.build(showId);
      this.shows.set(showId, inventory);
      // A show that does not exist yet may be scheduled later: don't cache the miss.
      void inventory.then((found) => found ?? this.shows.delete(showId));
    }
    return inventory;
  }

  /** The shows this process has loaded (the ones it sells or sold lately). */
  async loaded(): Promise<ShowInventory[]> {
    const shows = await Promise.all([...this.shows.values()].map((p) => p.catch(() => undefined)));
    return shows.filter((s): s is ShowInventory => s !== undefined);
  }

  allowance(showId: string, customerId: string): AllowanceWriter {
    const streamId = allowanceStream(showId, customerId);
    let writer = this.allowances.get(streamId);
    if (writer) {
      this.allowances.delete(streamId);
    } else {
      // Most customers are new to the show: their first reservation skips reading a stream that is not there.
      writer = new StreamWriter({ store: this.store, streamId, decider: allowanceDecider, metadata: { showId, customerId }, assumeNew: true });
      if (this.allowances.size >= MAX_ALLOWANCE_WRITERS) this.allowances.delete(this.allowances.keys().next().value!);
    }
    // Re-inserting keeps the Map in least-recently-used order.
    this.allowances.set(streamId, writer);
    return writer;
  }

  private async build(showId: string): Promise<ShowInventory | undefined> {
    const definition = await this.catalog.get(showId);
    if (!definition) return undefined;
    const shards = definition.shards.map((plan) => ({
      plan,
      writer: new StreamWriter({
        store: this.store,
        streamId: inventoryStream(plan.showId, plan.shardId),
        decider: inventoryDecider(plan),
        metadata: { showId: plan.showId, shardId: plan.shardId },
        // The final tickets go in arrival order: requests from far regions get the window to arrive.
        ...(this.fairnessWindowMs > 0
          ? { sequencing: { windowMs: this.fairnessWindowMs, applies: (state: InventoryState) => state.free <= ShardRegistry.FINAL_TICKETS, compare: byArrival } }
          : {}),
      }),
    }));
    const shardOfSeat = new Map<string, number>();
    shards.forEach(({ plan }, index) => {
      if (plan.kind === 'seated') for (const unit of plan.units) shardOfSeat.set(unit.seatId, index);
    });
    return { definition, shards, shardOfSeat, candidates: new Map() };
  }
}

/** Unstamped commands first (releases, expiries and sales free or settle tickets), then holds by their arrival stamps. */
function byArrival(a: InventoryCommand, b: InventoryCommand): number {
  const first = a.type === 'HoldSeats' ? a.data.arrival : undefined;
  const second = b.type === 'HoldSeats' ? b.data.arrival : undefined;
  if (!first || !second) return (first ? 1 : 0) - (second ? 1 : 0);
  return compareStamps(first, second);
}
