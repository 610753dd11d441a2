import { Injectable } from '@nestjs/common';
import { DomainError, holdView, parseSeatId, priceHold, shardCounts, showCharges, type HoldView, type Venue } from '@app/domain';
import { ReadDatabase, WaitlistQueries } from '@app/read-models';
import { HoldLookup } from './holdLookup';
import type { HoldDetails, HoldLine, HoldState } from './holdTypes';
import { candidateShards } from './shardRouting';

/** Holds and counts as the shards' write-side state has them (fresh, not the read models). */
@Injectable()
export class HoldViews {
  private readonly waitlist: WaitlistQueries;

  constructor(
    private readonly lookup: HoldLookup,
    readDb: ReadDatabase,
  ) {
    this.waitlist = new WaitlistQueries(readDb.reader);
  }

  /**
   * The customer's hold, merged over its shards, with each ticket's line at the price the
   * hold recorded and the itemised total the purchase will charge (`priceHold`, as
   * `PurchaseHold` prices it): any tab or device shows the same figures.
   */
  async view(customerId: string, holdId: string): Promise<HoldDetails> {
    const location = await this.lookup.locate(customerId, holdId);
    const inventory = await this.lookup.show(location.showId);
    const now = Date.now();
    // Fresh: another process (another region's API) may have written the hold, or bought it.
    const views = (await Promise.all(location.shards.map((i) => inventory.shards[i].writer.read((state) => holdView(state, holdId, now), { fresh: true })))).filter(
      (v): v is HoldView => v !== undefined,
    );
    const hold = mergeViews(holdId, location.showId, views);
    const { show, venue } = inventory.definition;
    const { unitPrices, charges } = priceHold(show.tiers, views, showCharges(show));
    const lines = holdLines(views, unitPrices, venue);
    // A waiting-line offer's hold has the entry's id (docs/event-catalogue.md: WaitlistOffered).
    const entry = this.waitlist.get(holdId);
    const waitlistOffer = entry !== undefined && entry.customer_id === customerId && entry.hold_id === holdId;
    return { ...hold, lines, ...charges, waitlistOffer };
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

/** One line per held unit, in the parts' order (the order `priceHold` priced them in). */
function holdLines(views: readonly HoldView[], unitPrices: readonly number[], venue: Venue): HoldLine[] {
  const sectionNames = new Map((venue.seatMap?.sections ?? []).map((s) => [s.id, s.name]));
  let i = 0;
  return views.flatMap((view) =>
    view.tiers.map((tier, unit): HoldLine => {
      const price = unitPrices[i++];
      const seatId = view.seatIds?.[unit];
      if (seatId === undefined) return { ticketNumber: view.ticketNumbers![unit], tier, price };
      const { section, row, number } = parseSeatId(seatId);
      return { seatId, section: sectionNames.get(section) ?? section, row, seat: number, tier, price };
    }),
  );
}

/** One hold out of its parts on several shards: purchased once any part is sold, then released, then expired. */
export function mergeViews(holdId: string, showId: string, views: HoldView[]): HoldState {
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
