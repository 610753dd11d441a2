import { Injectable } from '@nestjs/common';
import type { AllowanceReleaseReason, ReleaseReason } from '@app/domain';
import { ShardRegistry } from '../shardRegistry';
import { HoldLookup } from './holdLookup';

/** The ends of a hold that is not bought: released by its customer, expired by the worker; and its allowance given back. */
@Injectable()
export class EndHold {
  constructor(
    private readonly registry: ShardRegistry,
    private readonly lookup: HoldLookup,
  ) {}

  /** `reason` 'undo' withdraws a hold made for the customer (a waiting-line offer whose entry had already ended). */
  async release(customerId: string, holdId: string, reason: ReleaseReason = 'customer'): Promise<void> {
    const location = await this.lookup.locate(customerId, holdId);
    const inventory = await this.lookup.show(location.showId);
    const now = Date.now();
    for (const shard of location.shards) {
      await inventory.shards[shard].writer.execute({ type: 'ReleaseHold', data: { holdId, customerId, now, reason } });
    }
    await this.registry
      .allowance(location.showId, customerId)
      .execute({ type: 'ReleaseAllowance', data: { holdId, now, reason: 'released' } });
  }

  /** Called by the expiry worker; a no-op unless the hold is live and due. */
  async expire(showId: string, shardIds: string[], holdId: string, customerId: string): Promise<boolean> {
    const inventory = await this.registry.show(showId);
    if (!inventory) return false;
    const now = Date.now();
    let expired = false;
    for (const shardId of shardIds) {
      const shard = inventory.shards.find((s) => s.plan.shardId === shardId);
      if (!shard) continue;
      const { events } = await shard.writer.execute({ type: 'ExpireHold', data: { holdId, now } });
      expired ||= events.length > 0;
    }
    if (!(await this.lookup.soldAnywhere(showId, holdId))) {
      await this.registry.allowance(showId, customerId).execute({ type: 'ReleaseAllowance', data: { holdId, now, reason: 'expired' } });
    }
    return expired;
  }

  /**
   * Gives a hold's tickets back to the customer's allowance: after a release or expiry
   * (a no-op when that already happened), or when a hold never got its seats because
   * the process died between the two writes.
   */
  async returnAllowance(showId: string, customerId: string, holdId: string, reason: AllowanceReleaseReason): Promise<void> {
    if (await this.lookup.soldAnywhere(showId, holdId)) return;
    await this.registry.allowance(showId, customerId).execute({ type: 'ReleaseAllowance', data: { holdId, now: Date.now(), reason } });
  }
}
