import { Injectable } from '@nestjs/common';
import { DomainError, holdView } from '@app/domain';
import { HoldsQueries, ReadDatabase } from '@app/read-models';
import { AppError } from '../../application/appError';
import { ProjectionsService } from '../../projections/projections.service';
import { ShardRegistry, type ShowInventory } from '../shardRegistry';
import type { HoldLocation } from './holdTypes';

/**
 * Hold locations kept in memory at most; older ones are found again through the holds
 * read model. A sell-out makes a hold per order, so an unbounded map grew with the show.
 */
const MAX_DIRECTORY = 100_000;

/**
 * Where a hold is: its show's inventory, and which of the show's shards hold its parts.
 * Holds made by this process are remembered when they take their seats; any other is
 * found in the holds read model (after catching up with the log) and remembered then.
 */
@Injectable()
export class HoldLookup {
  private readonly directory = new Map<string, HoldLocation>();
  private readonly holds: HoldsQueries;

  constructor(
    private readonly registry: ShardRegistry,
    private readonly projections: ProjectionsService,
    readDb: ReadDatabase,
  ) {
    this.holds = new HoldsQueries(readDb.reader);
  }

  /** The show's inventory, or not_found. */
  async show(showId: string): Promise<ShowInventory> {
    const inventory = await this.registry.show(showId);
    if (!inventory) throw new AppError('not_found', `Show ${showId} does not exist`);
    return inventory;
  }

  remember(holdId: string, location: HoldLocation): void {
    if (this.directory.size >= MAX_DIRECTORY) this.directory.delete(this.directory.keys().next().value!);
    this.directory.set(holdId, location);
  }

  /** Whether this process remembers where the hold is (it took its seats here, or was looked up since). */
  knows(holdId: string): boolean {
    return this.directory.has(holdId);
  }

  /** Whether a hold with this id ever got seats (in this process, or as far as the holds read model has seen). */
  tookSeats(holdId: string): boolean {
    if (this.directory.has(holdId)) return true;
    const status = this.holds.get(holdId)?.status;
    return status !== undefined && status !== 'reserving' && status !== 'abandoned';
  }

  /** The customer's hold, or hold_not_found (also when it is someone else's). */
  async locate(customerId: string, holdId: string): Promise<HoldLocation> {
    let location = this.directory.get(holdId);
    if (!location) {
      await this.projections.catchUp();
      const row = this.holds.get(holdId);
      const inventory = row && row.shard_ids ? await this.registry.show(row.show_id) : undefined;
      if (row && inventory) {
        const ids = row.shard_ids.split(',');
        location = {
          showId: row.show_id,
          customerId: row.customer_id,
          shards: inventory.shards.map((s, i) => (ids.includes(s.plan.shardId) ? i : -1)).filter((i) => i >= 0),
        };
        this.remember(holdId, location);
      }
    }
    // Someone else's hold answers exactly like a missing one.
    if (!location || location.customerId !== customerId) {
      throw new DomainError('hold_not_found', `Hold ${holdId} not found`, { holdId });
    }
    return location;
  }

  /**
   * Whether any part of a hold was sold. A hold whose purchase was cut short between shards
   * (a crash) has a sold part and an expiring one; its tickets stay counted against the limit.
   */
  async soldAnywhere(showId: string, holdId: string): Promise<boolean> {
    const inventory = await this.registry.show(showId);
    if (!inventory) return false;
    const location = this.directory.get(holdId);
    const shards = location ? location.shards.map((i) => inventory.shards[i]) : inventory.shards;
    const now = Date.now();
    const views = await Promise.all(shards.map((s) => s.writer.read((state) => holdView(state, holdId, now))));
    return views.some((v) => v?.status === 'sold');
  }
}
