import { DomainError, invalidRequest } from '@app/domain';
import type { ShowInventory } from '../shardRegistry';
import type { HoldRequest } from './holdTypes';

/** The shards that can serve a quantity request, computed once per show, tier and section. */
export function candidateShards(inventory: ShowInventory, tier: string | undefined, section: string | undefined): number[] {
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

/**
 * Validates a request against the show before anything is written (so a bad request
 * leaves no allowance reservation behind); returns its quantity.
 */
export function checkHoldRequest(inventory: ShowInventory, request: HoldRequest): number {
  if (!('seatIds' in request)) {
    if (request.section !== undefined && inventory.definition.show.kind !== 'seated') throw invalidRequest('section', 'this show is general admission: it has no sections');
    candidateShards(inventory, request.tier, request.section);
    return request.quantity;
  }
  if (inventory.definition.show.kind !== 'seated') throw invalidRequest('seatIds', 'this show is general admission: ask for a quantity');
  if (new Set(request.seatIds).size !== request.seatIds.length) throw invalidRequest('seatIds', 'a seat is listed twice');
  const unknown = request.seatIds.filter((seatId) => !inventory.shardOfSeat.has(seatId));
  if (unknown.length > 0) throw new DomainError('invalid_seat', `No such seat in this show: ${unknown.slice(0, 10).join(', ')}`, { seatIds: unknown.slice(0, 100) });
  return request.seatIds.length;
}
