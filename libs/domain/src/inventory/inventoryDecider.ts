import type { ShardPlan } from '../catalog/planShards';
import type { Decider } from '../decider';
import { decideInventory } from './decideInventory';
import { evolveInventory } from './evolveInventory';
import type { InventoryCommand } from './inventoryCommands';
import type { InventoryEvent } from './inventoryEvents';
import { initialInventoryState, type InventoryState } from './inventoryState';

/** The decider of one shard stream (`inventoryStream(plan.showId, plan.shardId)`). */
export function inventoryDecider(plan: ShardPlan): Decider<InventoryCommand, InventoryEvent, InventoryState> {
  return {
    decide: decideInventory,
    evolve: evolveInventory,
    initialState: () => initialInventoryState(plan),
  };
}
