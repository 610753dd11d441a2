import { shardSize } from '@app/domain';
import type { ShardCount } from '@app/read-models';
import type { ShowInventory } from './shardRegistry';

/** One shard of a show as this region's remaining counts have it. */
export interface ShardFigures {
  shardId: string;
  group: string;
  /** General admission: the shard's tier ('' for seated shards). */
  tier: string;
  /** The tickets the show's plan gave it. */
  planned: number;
  /** Planned, plus capacity transferred in, less capacity transferred out. */
  capacity: number;
  available: number;
  /** Held tickets, and those of them whose holds are past due. */
  held: number;
  heldPastDue: number;
  sold: number;
}

/** Every shard of the show, in plan order, with its counts (zero for shards nothing has touched yet). */
export function shardFigures(inventory: ShowInventory, counts: readonly ShardCount[], groupOf: (shardId: string) => string): ShardFigures[] {
  const counted = new Map(counts.map((c) => [c.shardId, c]));
  return inventory.shards.map(({ plan }) => {
    const count = counted.get(plan.shardId);
    const planned = shardSize(plan);
    const capacity = planned + (count?.moved ?? 0);
    const held = count?.held ?? 0;
    const sold = count?.sold ?? 0;
    return {
      shardId: plan.shardId,
      group: groupOf(plan.shardId),
      tier: plan.kind === 'general' ? plan.tier : '',
      planned,
      capacity,
      available: Math.max(0, capacity - held - sold),
      held,
      heldPastDue: count?.heldPastDue ?? 0,
      sold,
    };
  });
}
