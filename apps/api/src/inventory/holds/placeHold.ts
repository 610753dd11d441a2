import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '@app/config';
import type { ArrivalStamp } from '@app/domain';
import { DomainError, invalidRequest, isDomainError, shardCounts } from '@app/domain';
import { ShardRegistry, type ShowInventory } from '../shardRegistry';
import { HoldLookup } from './holdLookup';
import type { HoldCreated, HoldRequest } from './holdTypes';
import { candidateShards, checkHoldRequest } from './shardRouting';
import { RegionPreference } from './regionPreference';
import { APP_CONFIG } from '../../infrastructure/tokens';

/** The part of a hold one shard took. */
interface HeldPart {
  shard: number;
  seatIds?: string[];
  ticketNumbers?: number[];
  expiresAt: string;
}

/**
 * Places a hold: a saga over the customer's allowance stream and the show's shards. The
 * allowance is reserved first (refused over the per-customer limit), then the shards take
 * the seats, each deciding alone through its StreamWriter; when the seats cannot be had
 * the reservation is given back. A hold cut over several shards is all or nothing: when
 * one part fails, the parts that succeeded are released again ('undo').
 */
@Injectable()
export class PlaceHold {
  private readonly logger = new Logger('Holds');
  private rotation = 0;

  private readonly preference: RegionPreference;
  /** Candidate shards in bands by region, kept beside each show's cached candidate list (no key to build per hold). */
  private readonly bands = new WeakMap<readonly number[], number[][]>();

  constructor(
    private readonly registry: ShardRegistry,
    private readonly lookup: HoldLookup,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.preference = new RegionPreference(config.topology, config.region);
  }

  /** A new hold under `holdId`: reserves the allowance, then takes the seats or gives the allowance back. */
  /** `arrival`: when the request reached this region's edge (a shard's final tickets go in that order). */
  async place(customerId: string, showId: string, request: HoldRequest, holdId: string, arrival?: ArrivalStamp): Promise<HoldCreated> {
    const inventory = await this.lookup.show(showId);
    const show = inventory.definition.show;
    const quantity = checkHoldRequest(inventory, request);
    if (quantity > show.maxTicketsPerCustomer) {
      throw new DomainError('limit_exceeded', `At most ${show.maxTicketsPerCustomer} tickets per customer for this show`, {
        limit: show.maxTicketsPerCustomer,
        current: 0,
        requested: quantity,
      });
    }
    const now = Date.now();
    const expiresAt = now + show.holdSeconds * 1000;
    const allowance = this.registry.allowance(showId, customerId);
    // The reservation is only ever answered through the shards' SeatsHeld (or a refusal) that
    // follows it in the same log, and a flush that makes that durable makes the reservation
    // durable too: so it waits for its commit, not for a flush of its own.
    await allowance.execute({ type: 'ReserveAllowance', data: { holdId, quantity, limit: show.maxTicketsPerCustomer, now, expiresAt } }, { durability: 'ordered' });
    return this.takeSeatsOrGiveBack(inventory, customerId, holdId, request, arrival);
  }

  /** Takes the seats for an allowance reserved under `holdId`; when they cannot be had, gives the allowance back. */
  async takeSeatsOrGiveBack(inventory: ShowInventory, customerId: string, holdId: string, request: HoldRequest, arrival?: ArrivalStamp): Promise<HoldCreated> {
    try {
      return await this.takeSeats(inventory, customerId, holdId, request, arrival);
    } catch (error) {
      await this.giveBack(inventory.definition.show.id, customerId, holdId);
      throw error;
    }
  }

  /**
   * Takes seats for an allowance reservation made earlier under `holdId` (a waiting-line
   * entry's: the offer's hold reuses the entry id), so no second ReserveAllowance. On
   * failure the reservation is left as it is: the caller decides whether it still waits.
   * Never call it twice for one holdId: a general-admission retry could land on another shard.
   */
  async holdReserved(customerId: string, showId: string, holdId: string, request: HoldRequest): Promise<HoldCreated> {
    const inventory = await this.lookup.show(showId);
    const quantity = checkHoldRequest(inventory, request);
    if (this.lookup.tookSeats(holdId)) throw invalidRequest('holdId', `hold ${holdId} already took its seats`, { value: holdId });
    const reservation = await this.registry.allowance(showId, customerId).read((state) => state.reservations.get(holdId));
    if (!reservation || reservation.released || reservation.quantity < quantity) {
      throw invalidRequest('holdId', `no live allowance reservation of ${quantity} under ${holdId}`, { value: holdId });
    }
    return this.takeSeats(inventory, customerId, holdId, request);
  }

  private giveBack(showId: string, customerId: string, holdId: string): Promise<unknown> {
    return this.registry
      .allowance(showId, customerId)
      .execute({ type: 'ReleaseAllowance', data: { holdId, now: Date.now(), reason: 'failed' } })
      .catch((e: unknown) => this.logger.warn(`allowance of failed hold ${holdId} not returned yet: ${String(e)}`));
  }

  /** The seat-taking half of a hold, shared by `place` and `holdReserved`; each part records the show's prices now (`definition.prices`). */
  private async takeSeats(inventory: ShowInventory, customerId: string, holdId: string, request: HoldRequest, arrival?: ArrivalStamp): Promise<HoldCreated> {
    const show = inventory.definition.show;
    const parts =
      'seatIds' in request
        ? await this.holdChosenSeats(inventory, holdId, customerId, request.seatIds, show.holdSeconds, arrival)
        : await this.holdQuantity(inventory, holdId, customerId, request, show.holdSeconds, arrival);
    this.lookup.remember(holdId, { showId: show.id, customerId, shards: parts.map((p) => p.shard) });
    const seatIds = parts.flatMap((p) => p.seatIds ?? []);
    const ticketNumbers = parts.flatMap((p) => p.ticketNumbers ?? []);
    return {
      holdId,
      showId: show.id,
      ...(show.kind === 'seated' ? { seatIds } : { ticketNumbers }),
      expiresAt: parts[0].expiresAt,
    };
  }

  /** Chosen seats go to the shards that own them, all at once. */
  private async holdChosenSeats(inventory: ShowInventory, holdId: string, customerId: string, seatIds: string[], holdSeconds: number, arrival?: ArrivalStamp): Promise<HeldPart[]> {
    if (new Set(seatIds).size !== seatIds.length) throw invalidRequest('seatIds', 'a seat is listed twice');
    const byShard = new Map<number, string[]>();
    const unknown: string[] = [];
    for (const seatId of seatIds) {
      const shard = inventory.shardOfSeat.get(seatId);
      if (shard === undefined) unknown.push(seatId);
      else byShard.set(shard, [...(byShard.get(shard) ?? []), seatId]);
    }
    if (unknown.length > 0) throw new DomainError('invalid_seat', `No such seat in this show: ${unknown.slice(0, 10).join(', ')}`, { seatIds: unknown });
    const now = Date.now();
    const attempts = [...byShard].map(([shard, seats]) =>
      inventory.shards[shard].writer
        .execute({ type: 'HoldSeats', data: { holdId, customerId, now, holdSeconds, prices: inventory.definition.prices, seatIds: seats, ...(arrival ? { arrival } : {}) } })
        .then((decided) => toPart(shard, decided.events)),
    );
    return this.allOrNothing(inventory, holdId, customerId, attempts);
  }

  /**
   * A quantity goes to one shard: general admission rotates over the candidates so no one
   * shard's queue is hot, skipping shards whose counters say they are too empty. When no
   * single shard can serve it, it is cut over the shards that have tickets left.
   */
  private async holdQuantity(
    inventory: ShowInventory,
    holdId: string,
    customerId: string,
    request: { quantity: number; tier?: string; section?: string },
    holdSeconds: number,
    arrival?: ArrivalStamp,
  ): Promise<HeldPart[]> {
    const { quantity, tier, section } = request;
    const candidates = candidateShards(inventory, tier, section);
    let bands = this.bands.get(candidates);
    if (!bands) {
      bands = this.preference.bands(candidates, inventory.shards.map((s) => s.plan.shardId));
      this.bands.set(candidates, bands);
    }
    // This region's shards first, then the nearest region's (spill-over); general admission spreads
    // customers over a band's shards so no one shard's queue is the bottleneck.
    const rotation = this.rotation++;
    for (const band of bands) for (let k = 0; k < band.length; k++) {
      const index = band[((inventory.definition.show.kind === 'general' ? rotation : 0) + k) % band.length];
      const writer = inventory.shards[index].writer;
      // Counters without the holds that are past due but not yet expired: a cheap hint to skip full shards.
      const hint = writer.peek((state) => (tier ? state.tierFree[state.layout.tierNames.indexOf(tier)] : state.free));
      if (hint !== undefined && hint < quantity) continue;
      try {
        const { events } = await writer.execute({
          type: 'HoldSeats',
          data: { holdId, customerId, now: Date.now(), holdSeconds, prices: inventory.definition.prices, quantity, ...(tier ? { tier } : {}), ...(section ? { section } : {}), ...(arrival ? { arrival } : {}) },
        });
        return [toPart(index, events)];
      } catch (error) {
        if (!isDomainError(error, 'seats_unavailable')) throw error;
      }
    }
    const ordered = candidates.map((index) => ({ ...inventory.shards[index], index }));
    const free = (c: (typeof ordered)[number]) =>
      c.writer.peek((state) => {
        const counts = shardCounts(state, Date.now());
        return tier ? (counts.byTier[tier]?.available ?? 0) : counts.available;
      });
    // No single shard has enough: the last tickets of a show may sit in several.
    const available = ordered.map((c) => ({ c, free: free(c) ?? 0 })).filter((x) => x.free > 0);
    const total = available.reduce((sum, x) => sum + x.free, 0);
    if (total < quantity) throw new DomainError('seats_unavailable', `Only ${total} tickets left`, { requested: quantity, available: total });
    let remaining = quantity;
    const attempts: Array<Promise<HeldPart>> = [];
    for (const { c, free: count } of available) {
      if (remaining === 0) break;
      const take = Math.min(count, remaining);
      remaining -= take;
      attempts.push(
        c.writer
          .execute({ type: 'HoldSeats', data: { holdId, customerId, now: Date.now(), holdSeconds, prices: inventory.definition.prices, quantity: take, ...(tier ? { tier } : {}), ...(section ? { section } : {}), ...(arrival ? { arrival } : {}) } })
          .then((decided) => toPart(c.index, decided.events)),
      );
    }
    return this.allOrNothing(inventory, holdId, customerId, attempts);
  }

  /** Waits for every shard's part; if any failed, releases the parts that succeeded (compensation) and reports the failure. */
  private async allOrNothing(inventory: ShowInventory, holdId: string, customerId: string, attempts: Array<Promise<HeldPart>>): Promise<HeldPart[]> {
    const results = await Promise.allSettled(attempts);
    const held = results.filter((r): r is PromiseFulfilledResult<HeldPart> => r.status === 'fulfilled').map((r) => r.value);
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as unknown);
    if (failed.length === 0) return held;
    await Promise.all(
      held.map((part) =>
        inventory.shards[part.shard].writer
          .execute({ type: 'ReleaseHold', data: { holdId, customerId, now: Date.now(), reason: 'undo' } })
          .catch((e: unknown) => this.logger.error(`could not undo part of hold ${holdId}: ${String(e)}`)),
      ),
    );
    const unavailable = failed.filter((e) => isDomainError(e, 'seats_unavailable')) as Array<DomainError<'seats_unavailable'>>;
    if (unavailable.length === failed.length) {
      const seats = unavailable.flatMap((e) => (e.details && 'unavailable' in e.details ? e.details.unavailable : []));
      if (seats.length > 0) throw new DomainError('seats_unavailable', `Not available: ${seats.slice(0, 20).join(', ')}`, { unavailable: seats });
    }
    throw failed[0];
  }
}

function toPart(shard: number, events: ReadonlyArray<{ type: string; data: unknown }>): HeldPart {
  const held = events.find((e) => e.type === 'SeatsHeld')!.data as { seatIds?: string[]; ticketNumbers?: number[]; expiresAt: string };
  return { shard, seatIds: held.seatIds, ticketNumbers: held.ticketNumbers, expiresAt: held.expiresAt };
}
