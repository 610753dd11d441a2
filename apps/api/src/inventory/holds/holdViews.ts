import { Injectable } from '@nestjs/common';
import { DomainError, holdView, shardCounts, type HoldView } from '@app/domain';
import { HoldLookup } from './holdLookup';
import type { HoldDetails } from './holdTypes';
import { candidateShards } from './shardRouting';

/** Holds and counts as the shards' write-side state has them (fresh, not the read models). */
@Injectable()
export class HoldViews {
  constructor(private readonly lookup: HoldLookup) {}

  /** The customer's hold, merged over its shards. */
  async view(customerId: string, holdId: string): Promise<HoldDetails> {
    const location = await this.lookup.locate(customerId, holdId);
    const inventory = await this.lookup.show(location.showId);
    const now = Date.now();
    // Fresh: another process (another region's API) may have written the hold, or bought it.
    const views = await Promise.all(location.shards.map((i) => inventory.shards[i].writer.read((state) => holdView(state, holdId, now), { fresh: true })));
    return mergeViews(holdId, location.showId, views.filter((v): v is HoldView => v !== undefined));
  }

  /**
   * Available and held units of a show for a quantity request, straight from the shards'
   * write-side state (holds past their expiry count as available, as the shards decide).
   */
  async counts(showId: string, request: { tier?: string; section?: string } = {}): Promise<{ available: number; held: number }> {
    const inventory = await this.lookup.show(showId);
    const { tier, section } = request;
    const now = Date.now();
    const perShard = await Promise.all(
      candidateShards(inventory, tier, section).map((index) =>
        inventory.shards[index].writer.read((state) => {
          const counts = shardCounts(state, now);
          const t = tier ? counts.byTier[tier] : counts;
          return { available: t?.available ?? 0, held: t?.held ?? 0 };
        }),
      ),
    );
    return perShard.reduce((sum, c) => ({ available: sum.available + c.available, held: sum.held + c.held }), { available: 0, held: 0 });
  }
}

/** One hold out of its parts on several shards: purchased once any part is sold, then released, then expired. */
export function mergeViews(holdId: string, showId: string, views: HoldView[]): HoldDetails {
  if (views.length === 0) throw new DomainError('hold_not_found', `Hold ${holdId} not found`, { holdId });
  const statuses = views.map((v) => v.status);
  const status = statuses.includes('sold') ? 'purchased' : statuses.includes('released') ? 'released' : statuses.includes('expired') ? 'expired' : 'active';
  const seatIds = views.flatMap((v) => v.seatIds ?? []);
  const ticketNumbers = views.flatMap((v) => v.ticketNumbers ?? []);
  const orderId = views.find((v) => v.orderId)?.orderId;
  return {
    holdId,
    showId,
    status,
    quantity: views.reduce((sum, v) => sum + v.quantity, 0),
    ...(seatIds.length ? { seatIds } : {}),
    ...(ticketNumbers.length ? { ticketNumbers } : {}),
    heldAt: views[0].heldAt,
    expiresAt: views.map((v) => v.expiresAt).sort()[0],
    ...(orderId ? { orderId } : {}),
  };
}
