import { hash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import {
  DomainError,
  holdView,
  invalidRequest,
  isDomainError,
  shardCounts,
  toIsoTimestamp,
  type AllowanceReleaseReason,
  type HoldView,
  type ReleaseReason,
  type TicketsSold,
} from '@app/domain';
import { HoldsQueries, ReadDatabase, type Order } from '@app/read-models';
import { AppError } from '../application/appError';
import { ProjectionsService } from '../projections/projections.service';
import { timeOrderedUuid } from '../infrastructure/ids';
import { ShardRegistry, type ShowInventory } from './shardRegistry';
import { PaymentProvider } from './payments/paymentProvider';

export type HoldRequest = { seatIds: string[] } | { quantity: number; tier?: string; section?: string };

export interface HoldCreated {
  holdId: string;
  showId: string;
  seatIds?: string[];
  ticketNumbers?: number[];
  expiresAt: string;
}

export interface HoldDetails {
  holdId: string;
  showId: string;
  status: 'active' | 'purchased' | 'released' | 'expired';
  quantity: number;
  seatIds?: string[];
  ticketNumbers?: number[];
  heldAt: string;
  expiresAt: string;
  orderId?: string;
}

/** Orders are read from the sales read model, which declares them. */
export type { Order, OrderTicket } from '@app/read-models';

interface HoldLocation {
  showId: string;
  customerId: string;
  shards: number[];
}

/**
 * Hold locations kept in memory at most; older ones are found again through the holds
 * read model. A sell-out makes a hold per order, so an unbounded map grew with the show.
 */
const MAX_DIRECTORY = 100_000;

/** A purchase this close to the hold's expiry is refused rather than risk expiring half-way. */
const PURCHASE_MARGIN_MS = 1_000;

/**
 * Holds, releases and purchases across a show's shards. Each shard decides alone
 * (through its StreamWriter); this service routes, and keeps multi-shard holds all
 * or nothing by undoing the shards that succeeded when one fails.
 */
@Injectable()
export class HoldService {
  private readonly logger = new Logger('Holds');
  private readonly directory = new Map<string, HoldLocation>();
  /** Keyed holds in flight: a parallel retry waits for the first attempt rather than racing it. */
  private readonly keyedHolds = new Map<string, Promise<HoldCreated>>();
  private readonly holds: HoldsQueries;
  private rotation = 0;

  constructor(
    private readonly registry: ShardRegistry,
    private readonly projections: ProjectionsService,
    readDb: ReadDatabase,
    private readonly payments: PaymentProvider,
  ) {
    this.holds = new HoldsQueries(readDb.reader);
  }

  /**
   * With an idempotency key the hold id derives from customer, show and key, so a retry
   * finds the first attempt (in flight, done, or cut short by a crash) instead of holding
   * again: the allowance reservation and the shards' holds are keyed by that id.
   */
  async hold(customerId: string, showId: string, request: HoldRequest, idempotencyKey?: string): Promise<HoldCreated> {
    if (idempotencyKey === undefined) return this.newHold(customerId, showId, request, timeOrderedUuid());
    const holdId = stableUuid(`hold:${customerId}:${showId}:${idempotencyKey}`);
    const running = this.keyedHolds.get(holdId);
    if (running) return running.then((created) => sameRequest(created, request));
    const attempt = this.keyedHold(customerId, showId, request, holdId).finally(() => this.keyedHolds.delete(holdId));
    this.keyedHolds.set(holdId, attempt);
    return attempt;
  }

  private async keyedHold(customerId: string, showId: string, request: HoldRequest, holdId: string): Promise<HoldCreated> {
    const inventory = await this.showOrThrow(showId);
    const quantity = this.checkRequest(inventory, request);
    // After a restart the first attempt is known from the read model only.
    if (!this.directory.has(holdId)) await this.projections.catchUp();
    if (this.tookSeats(holdId)) {
      const first = await this.view(customerId, holdId);
      return sameRequest({ holdId, showId: first.showId, seatIds: first.seatIds, ticketNumbers: first.ticketNumbers, expiresAt: first.expiresAt }, request);
    }
    const reservation = await this.registry.allowance(showId, customerId).read((state) => state.reservations.get(holdId));
    if (!reservation) return this.newHold(customerId, showId, request, holdId);
    if (reservation.released) {
      throw new AppError('idempotency_key_reused', 'The hold made with this Idempotency-Key did not go through; send a new key to try again', { field: 'Idempotency-Key' });
    }
    if (reservation.quantity !== quantity) throw keyMismatch();
    // The first attempt reserved the tickets and stopped before taking seats (the process died): finish it.
    return this.takeSeatsOrGiveBack(inventory, customerId, holdId, request);
  }

  private async newHold(customerId: string, showId: string, request: HoldRequest, holdId: string): Promise<HoldCreated> {
    const inventory = await this.showOrThrow(showId);
    const show = inventory.definition.show;
    const quantity = this.checkRequest(inventory, request);
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
    return this.takeSeatsOrGiveBack(inventory, customerId, holdId, request);
  }

  private async takeSeatsOrGiveBack(inventory: ShowInventory, customerId: string, holdId: string, request: HoldRequest): Promise<HoldCreated> {
    const allowance = this.registry.allowance(inventory.definition.show.id, customerId);
    try {
      return (await this.takeSeats(inventory, customerId, holdId, request)).created;
    } catch (error) {
      await this.giveBack(inventory.definition.show.id, customerId, holdId);
      throw error;
    }
  }

  private giveBack(showId: string, customerId: string, holdId: string): Promise<unknown> {
    return this.registry
      .allowance(showId, customerId)
      .execute({ type: 'ReleaseAllowance', data: { holdId, now: Date.now(), reason: 'failed' } })
      .catch((e: unknown) => this.logger.warn(`allowance of failed hold ${holdId} not returned yet: ${String(e)}`));
  }

  /**
   * Takes seats for an allowance reservation made earlier under `holdId` (a waiting-line
   * entry's: the offer's hold reuses the entry id), so no second ReserveAllowance. On
   * failure the reservation is left as it is: the caller decides whether it still waits.
   * Never call it twice for one holdId: a general-admission retry could land on another shard.
   */
  async holdReserved(customerId: string, showId: string, holdId: string, request: HoldRequest): Promise<HoldCreated> {
    const inventory = await this.showOrThrow(showId);
    const quantity = this.checkRequest(inventory, request);
    if (this.tookSeats(holdId)) throw invalidRequest('holdId', `hold ${holdId} already took its seats`, { value: holdId });
    const reservation = await this.registry.allowance(showId, customerId).read((state) => state.reservations.get(holdId));
    if (!reservation || reservation.released || reservation.quantity < quantity) {
      throw invalidRequest('holdId', `no live allowance reservation of ${quantity} under ${holdId}`, { value: holdId });
    }
    return (await this.takeSeats(inventory, customerId, holdId, request)).created;
  }

  /** Whether a hold with this id ever got seats (in this process, or as far as the holds read model has seen). */
  tookSeats(holdId: string): boolean {
    if (this.directory.has(holdId)) return true;
    const status = this.holds.get(holdId)?.status;
    return status !== undefined && status !== 'reserving' && status !== 'abandoned';
  }

  /**
   * Available and held units of a show for a quantity request, straight from the shards'
   * write-side state (holds past their expiry count as available, as the shards decide).
   */
  async counts(showId: string, request: { tier?: string; section?: string } = {}): Promise<{ available: number; held: number }> {
    const inventory = await this.showOrThrow(showId);
    const { tier, section } = request;
    const now = Date.now();
    const perShard = await Promise.all(
      this.candidates(inventory, tier, section).map((index) =>
        inventory.shards[index].writer.read((state) => {
          const counts = shardCounts(state, now);
          const t = tier ? counts.byTier[tier] : counts;
          return { available: t?.available ?? 0, held: t?.held ?? 0 };
        }),
      ),
    );
    return perShard.reduce((sum, c) => ({ available: sum.available + c.available, held: sum.held + c.held }), { available: 0, held: 0 });
  }

  /**
   * Validates a request against the show before anything is written (so a bad request
   * leaves no allowance reservation behind); returns its quantity.
   */
  private checkRequest(inventory: ShowInventory, request: HoldRequest): number {
    if (!('seatIds' in request)) {
      if (request.section !== undefined && inventory.definition.show.kind !== 'seated') throw invalidRequest('section', 'this show is general admission: it has no sections');
      this.candidates(inventory, request.tier, request.section);
      return request.quantity;
    }
    if (inventory.definition.show.kind !== 'seated') throw invalidRequest('seatIds', 'this show is general admission: ask for a quantity');
    if (new Set(request.seatIds).size !== request.seatIds.length) throw invalidRequest('seatIds', 'a seat is listed twice');
    const unknown = request.seatIds.filter((seatId) => !inventory.shardOfSeat.has(seatId));
    if (unknown.length > 0) throw new DomainError('invalid_seat', `No such seat in this show: ${unknown.slice(0, 10).join(', ')}`, { seatIds: unknown.slice(0, 100) });
    return request.seatIds.length;
  }

  /** The seat-taking half of a hold, shared by `hold` and `holdReserved`. */
  private async takeSeats(inventory: ShowInventory, customerId: string, holdId: string, request: HoldRequest): Promise<{ created: HoldCreated; parts: HeldPart[] }> {
    const show = inventory.definition.show;
    const parts =
      'seatIds' in request
        ? await this.holdChosenSeats(inventory, holdId, customerId, request.seatIds, show.holdSeconds)
        : await this.holdQuantity(inventory, holdId, customerId, request, show.holdSeconds);
    this.remember(holdId, { showId: show.id, customerId, shards: parts.map((p) => p.shard) });
    const seatIds = parts.flatMap((p) => p.seatIds ?? []);
    const ticketNumbers = parts.flatMap((p) => p.ticketNumbers ?? []);
    const created = {
      holdId,
      showId: show.id,
      ...(show.kind === 'seated' ? { seatIds } : { ticketNumbers }),
      expiresAt: parts[0].expiresAt,
    };
    return { created, parts };
  }

  async view(customerId: string, holdId: string): Promise<HoldDetails> {
    const location = await this.locate(customerId, holdId);
    const inventory = await this.showOrThrow(location.showId);
    const now = Date.now();
    // Fresh: another process (another region's API) may have written the hold, or bought it.
    const views = await Promise.all(location.shards.map((i) => inventory.shards[i].writer.read((state) => holdView(state, holdId, now), { fresh: true })));
    return mergeViews(holdId, location.showId, views.filter((v): v is HoldView => v !== undefined));
  }

  /** `reason` 'undo' withdraws a hold made for the customer (a waiting-line offer whose entry had already ended). */
  async release(customerId: string, holdId: string, reason: ReleaseReason = 'customer'): Promise<void> {
    const location = await this.locate(customerId, holdId);
    const inventory = await this.showOrThrow(location.showId);
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
    if (!(await this.soldAnywhere(showId, holdId))) {
      await this.registry.allowance(showId, customerId).execute({ type: 'ReleaseAllowance', data: { holdId, now, reason: 'expired' } });
    }
    return expired;
  }

  /**
   * Whether any part of a hold was sold. A hold whose purchase was cut short between shards
   * (a crash) has a sold part and an expiring one; its tickets stay counted against the limit.
   */
  private async soldAnywhere(showId: string, holdId: string): Promise<boolean> {
    const inventory = await this.registry.show(showId);
    if (!inventory) return false;
    const location = this.directory.get(holdId);
    const shards = location ? location.shards.map((i) => inventory.shards[i]) : inventory.shards;
    const now = Date.now();
    const views = await Promise.all(shards.map((s) => s.writer.read((state) => holdView(state, holdId, now))));
    return views.some((v) => v?.status === 'sold');
  }

  /**
   * Gives a hold's tickets back to the customer's allowance: after a release or expiry
   * (a no-op when that already happened), or when a hold never got its seats because
   * the process died between the two writes.
   */
  async returnAllowance(showId: string, customerId: string, holdId: string, reason: AllowanceReleaseReason): Promise<void> {
    if (await this.soldAnywhere(showId, holdId)) return;
    await this.registry.allowance(showId, customerId).execute({ type: 'ReleaseAllowance', data: { holdId, now: Date.now(), reason } });
  }

  async purchase(customerId: string, holdId: string, token: string, idempotencyKey: string): Promise<Order> {
    const location = await this.locate(customerId, holdId);
    const inventory = await this.showOrThrow(location.showId);
    const orderId = stableUuid(`order:${customerId}:${idempotencyKey}`);
    const now = Date.now();
    const views = (await Promise.all(location.shards.map((i) => inventory.shards[i].writer.read((state) => holdView(state, holdId, now))))).filter(
      (v): v is HoldView => v !== undefined,
    );
    const bought = views.find((v) => v.status === 'sold');
    if (bought && bought.orderId !== orderId) {
      throw new DomainError('hold_already_purchased', `Hold ${holdId} was already purchased`, { holdId, orderId: bought.orderId });
    }
    // A retry of this very order: the first attempt may have died between shards, so the
    // parts still held are sold now (SellHold answers a part already sold to it with no event).
    const unsold = views.filter((v) => v.status !== 'sold');
    if (bought && unsold.every((v) => v.status !== 'active')) return this.existingOrder(customerId, orderId);
    const merged = mergeViews(holdId, location.showId, bought ? unsold : views);
    if (!bought && merged.status === 'released') throw new DomainError('hold_released', `Hold ${holdId} was released`, { holdId });
    if (!bought && (merged.status === 'expired' || Date.parse(merged.expiresAt) - now < PURCHASE_MARGIN_MS)) {
      throw new DomainError('hold_expired', `Hold ${holdId} expired at ${merged.expiresAt}`, { holdId, expiresAt: merged.expiresAt });
    }
    const prices = Object.fromEntries(inventory.definition.show.tiers.map((t) => [t.tier, { price: t.price, currency: t.currency }]));
    const total = views.reduce((sum, v) => sum + v.tiers.reduce((s, tier) => s + (prices[tier]?.price ?? 0), 0), 0);
    const currency = inventory.definition.show.tiers[0]?.currency ?? 'EUR';
    const charge = await this.payments.charge({ token, amount: total, currency, idempotencyKey: orderId });
    if (charge.status === 'invalid_token') throw new AppError('invalid_request', 'payment.token is not a card we accept (test cards: tok_visa, tok_declined)', { field: 'payment.token' });
    if (charge.status === 'declined') throw new AppError('payment_declined', 'The card was declined; the hold stays yours until it expires', { reason: charge.reason });
    const sold: TicketsSold[] = [];
    try {
      for (const view of views) {
        const shard = inventory.shards.find((s) => s.plan.shardId === view.shardId)!;
        const ticketIds = view.tiers.map((_, i) => stableUuid(`ticket:${orderId}:${view.shardId}:${i}`));
        const { events } = await shard.writer.execute({
          type: 'SellHold',
          data: { holdId, orderId, customerId, now: Date.now(), prices, ticketIds },
        });
        sold.push(...(events.filter((e) => e.type === 'TicketsSold') as TicketsSold[]));
      }
    } catch (error) {
      if (sold.length === 0) await this.payments.refund(charge.chargeId);
      else this.logger.error(`hold ${holdId} sold on ${sold.length} of ${views.length} shards: ${String(error)}`);
      throw error;
    }
    // Some part was sold to this order before (a retry, or two requests with one key at once): the whole order is in the read model.
    if (sold.length < views.length) return this.existingOrder(customerId, orderId);
    const tickets = sold.flatMap((e) => e.data.tickets);
    return { orderId, holdId, showId: location.showId, customerId, tickets, total, currency, purchasedAt: sold[0]?.data.soldAt ?? toIsoTimestamp(now) };
  }

  private async existingOrder(customerId: string, orderId: string): Promise<Order> {
    await this.projections.catchUp();
    const order = this.findOrder(customerId, orderId);
    if (!order) throw new AppError('not_ready', 'The order is being recorded; retry', undefined, 1);
    return order;
  }

  /** An order from the sales read model (set by OrdersQueries). */
  findOrder: (customerId: string, orderId: string) => Order | undefined = () => undefined;

  private async showOrThrow(showId: string): Promise<ShowInventory> {
    const inventory = await this.registry.show(showId);
    if (!inventory) throw new AppError('not_found', `Show ${showId} does not exist`);
    return inventory;
  }

  private remember(holdId: string, location: HoldLocation): void {
    if (this.directory.size >= MAX_DIRECTORY) this.directory.delete(this.directory.keys().next().value!);
    this.directory.set(holdId, location);
  }

  private async locate(customerId: string, holdId: string): Promise<HoldLocation> {
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

  private async holdChosenSeats(inventory: ShowInventory, holdId: string, customerId: string, seatIds: string[], holdSeconds: number): Promise<HeldPart[]> {
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
        .execute({ type: 'HoldSeats', data: { holdId, customerId, now, holdSeconds, seatIds: seats } })
        .then((decided) => toPart(shard, decided.events)),
    );
    return this.allOrNothing(inventory, holdId, customerId, attempts);
  }

  private async holdQuantity(
    inventory: ShowInventory,
    holdId: string,
    customerId: string,
    request: { quantity: number; tier?: string; section?: string },
    holdSeconds: number,
  ): Promise<HeldPart[]> {
    const { quantity, tier, section } = request;
    const candidates = this.candidates(inventory, tier, section);
    // General admission spreads customers over the shards so no one shard's queue is the bottleneck.
    const start = inventory.definition.show.kind === 'general' ? this.rotation++ % candidates.length : 0;
    for (let k = 0; k < candidates.length; k++) {
      const index = candidates[(start + k) % candidates.length];
      const writer = inventory.shards[index].writer;
      // Counters without the holds that are past due but not yet expired: a cheap hint to skip full shards.
      const hint = writer.peek((state) => (tier ? state.tierFree[state.layout.tierNames.indexOf(tier)] : state.free));
      if (hint !== undefined && hint < quantity) continue;
      try {
        const { events } = await writer.execute({
          type: 'HoldSeats',
          data: { holdId, customerId, now: Date.now(), holdSeconds, quantity, ...(tier ? { tier } : {}), ...(section ? { section } : {}) },
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
          .execute({ type: 'HoldSeats', data: { holdId, customerId, now: Date.now(), holdSeconds, quantity: take, ...(tier ? { tier } : {}), ...(section ? { section } : {}) } })
          .then((decided) => toPart(c.index, decided.events)),
      );
    }
    return this.allOrNothing(inventory, holdId, customerId, attempts);
  }

  /** The shards that can serve a quantity request, computed once per show, tier and section. */
  private candidates(inventory: ShowInventory, tier: string | undefined, section: string | undefined): number[] {
    const key = `${tier ?? ''}|${section ?? ''}`;
    let found = inventory.candidates.get(key);
    if (!found) {
      found = inventory.shards
        .map(({ plan }, index) => ({ plan, index }))
        .filter(({ plan }) => (plan.kind === 'general' ? !tier || plan.tier === tier : (!tier || plan.tiers.includes(tier)) && (!section || plan.sectionId === section)))
        .map(({ index }) => index);
      if (found.length === 0) {
        throw invalidRequest(tier && section ? 'tier/section' : tier ? 'tier' : 'section', `no ${tier ?? ''} ${section ?? ''} tickets in this show`.replace(/\s+/g, ' '));
      }
      inventory.candidates.set(key, found);
    }
    return found;
  }

  /** Waits for every shard's part; if any failed, releases the parts that succeeded and reports the failure. */
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

function keyMismatch(): AppError {
  return new AppError('idempotency_key_mismatch', 'This Idempotency-Key was used for a different hold request', { field: 'Idempotency-Key' });
}

/** A retry must ask for what the first attempt asked for; the answer is then the first hold. */
function sameRequest(created: HoldCreated, request: HoldRequest): HoldCreated {
  if ('seatIds' in request) {
    const held = created.seatIds ?? [];
    if (held.length !== request.seatIds.length || !request.seatIds.every((s) => held.includes(s))) throw keyMismatch();
  } else if ((created.seatIds?.length ?? created.ticketNumbers?.length ?? 0) !== request.quantity) {
    throw keyMismatch();
  }
  return created;
}

interface HeldPart {
  shard: number;
  seatIds?: string[];
  ticketNumbers?: number[];
  expiresAt: string;
}

function toPart(shard: number, events: ReadonlyArray<{ type: string; data: unknown }>): HeldPart {
  const held = events.find((e) => e.type === 'SeatsHeld')!.data as { seatIds?: string[]; ticketNumbers?: number[]; expiresAt: string };
  return { shard, seatIds: held.seatIds, ticketNumbers: held.ticketNumbers, expiresAt: held.expiresAt };
}

function mergeViews(holdId: string, showId: string, views: HoldView[]): HoldDetails {
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


/** A uuid derived from a name: the same purchase retried gets the same order and ticket ids. */
export function stableUuid(name: string): string {
  const h = hash('sha256', name, 'hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
