import { Injectable } from '@nestjs/common';
import type { ArrivalStamp } from '@app/domain';
import { AppError } from '../../application/appError';
import { stableUuid } from '../../infrastructure/ids';
import { ProjectionsService } from '../../projections/projections.service';
import { ShardRegistry } from '../shardRegistry';
import { HoldLookup } from './holdLookup';
import { HoldViews } from './holdViews';
import type { HoldCreated, HoldRequest } from './holdTypes';
import { PlaceHold } from './placeHold';
import { checkHoldRequest } from './shardRouting';

/**
 * Holds with an Idempotency-Key. The hold id derives from customer, show and key, so a
 * retry finds the first attempt (in flight, done, or cut short by a crash) instead of
 * holding again: the allowance reservation and the shards' holds are keyed by that id.
 */
@Injectable()
export class KeyedHolds {
  /** Keyed holds in flight: a parallel retry waits for the first attempt rather than racing it. */
  private readonly inFlight = new Map<string, Promise<HoldCreated>>();

  constructor(
    private readonly registry: ShardRegistry,
    private readonly projections: ProjectionsService,
    private readonly lookup: HoldLookup,
    private readonly views: HoldViews,
    private readonly placeHold: PlaceHold,
  ) {}

  hold(customerId: string, showId: string, request: HoldRequest, idempotencyKey: string, arrival?: ArrivalStamp): Promise<HoldCreated> {
    const holdId = stableUuid(`hold:${customerId}:${showId}:${idempotencyKey}`);
    const running = this.inFlight.get(holdId);
    if (running) return running.then((created) => sameRequest(created, request));
    const attempt = this.firstOrRetry(customerId, showId, request, holdId, arrival).finally(() => this.inFlight.delete(holdId));
    this.inFlight.set(holdId, attempt);
    return attempt;
  }

  private async firstOrRetry(customerId: string, showId: string, request: HoldRequest, holdId: string, arrival?: ArrivalStamp): Promise<HoldCreated> {
    const inventory = await this.lookup.show(showId);
    const quantity = checkHoldRequest(inventory, request);
    // After a restart the first attempt is known from the read model only.
    if (!this.lookup.knows(holdId)) await this.projections.catchUp();
    if (this.lookup.tookSeats(holdId)) {
      const first = await this.views.view(customerId, holdId);
      return sameRequest({ holdId, showId: first.showId, seatIds: first.seatIds, ticketNumbers: first.ticketNumbers, expiresAt: first.expiresAt }, request);
    }
    const reservation = await this.registry.allowance(showId, customerId).read((state) => state.reservations.get(holdId));
    if (!reservation) return this.placeHold.place(customerId, showId, request, holdId, arrival);
    if (reservation.released) {
      throw new AppError('idempotency_key_reused', 'The hold made with this Idempotency-Key did not go through; send a new key to try again', { field: 'Idempotency-Key' });
    }
    if (reservation.quantity !== quantity) throw keyMismatch();
    // The first attempt reserved the tickets and stopped before taking seats (the process died): finish it.
    return this.placeHold.takeSeatsOrGiveBack(inventory, customerId, holdId, request);
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
