import { DomainError, invalidRequest } from '../errors';
import { requireEpochMs, requireText } from '../inputGuards';
import { toIsoTimestamp } from '../timestamps';
import { MAX_TRANSFER_TICKETS, TRANSFER_SPACING_MS, type TransferCapacityIn, type TransferCapacityOut } from './inventoryCommands';
import type { CapacityTransferredIn, CapacityTransferredOut, TicketRange } from './inventoryEvents';
import { FREE, type GeneralLayout, type InventoryState, type TicketRun } from './inventoryState';

/**
 * Capacity moves between general-admission shards as escrow (docs/datacenters.md §2): the
 * source gives up tickets nobody ever held — the top of its never-used range, so its picking
 * stays a cursor and a heap — and the target takes them in as fresh units. Each side is decided
 * by its own shard's single writer; the transfer id makes both idempotent, so a transfer cut
 * short (a crash, a partition) is finished by writing the In again, never by a second Out.
 */
export function decideTransferOut(data: TransferCapacityOut['data'], state: InventoryState): CapacityTransferredOut[] {
  const layout = requireTransfer(data, 'toShard', state);
  if (data.toShard === layout.shardId) throw invalidRequest('toShard', 'a shard cannot transfer to itself', { value: data.toShard });
  if (!Number.isInteger(data.count) || data.count < 1 || data.count > MAX_TRANSFER_TICKETS) {
    throw invalidRequest('count', `must be an integer from 1 to ${MAX_TRANSFER_TICKETS}`, { value: data.count });
  }
  const done = state.transfersOut.get(data.transferId);
  if (done) {
    if (done.shard === data.toShard && done.count === data.count) return [];
    throw invalidRequest('transferId', `transfer ${data.transferId} already moved ${done.count} tickets to ${done.shard}`, { value: data.transferId });
  }
  if (data.now - state.lastTransferOutAt < TRANSFER_SPACING_MS) {
    throw new DomainError('transfer_refused', `shard ${layout.shardId} transferred capacity out less than ${TRANSFER_SPACING_MS} ms ago`, { reason: 'too_soon', shardId: layout.shardId });
  }
  const fresh = state.size - state.cursor;
  if (fresh < data.count) {
    throw new DomainError('transfer_refused', `shard ${layout.shardId} has ${fresh} never-held tickets, ${data.count} asked`, {
      reason: 'not_enough_fresh_tickets',
      shardId: layout.shardId,
      fresh,
    });
  }
  return [
    {
      type: 'CapacityTransferredOut',
      data: {
        transferId: data.transferId,
        showId: layout.showId,
        shardId: layout.shardId,
        toShard: data.toShard,
        tier: layout.tierNames[0],
        tickets: ticketsOfTop(state.runs, state.size, data.count),
        count: data.count,
        at: toIsoTimestamp(data.now),
      },
    },
  ];
}

export function decideTransferIn(data: TransferCapacityIn['data'], state: InventoryState): CapacityTransferredIn[] {
  const layout = requireTransfer(data, 'fromShard', state);
  const count = countTickets(data.tickets);
  const done = state.transfersIn.get(data.transferId);
  if (done) {
    if (done.shard === data.fromShard && done.count === count) return [];
    throw invalidRequest('transferId', `transfer ${data.transferId} already brought ${done.count} tickets from ${done.shard}`, { value: data.transferId });
  }
  if (data.tier !== layout.tierNames[0]) {
    throw new DomainError('transfer_refused', `shard ${layout.shardId} sells ${layout.tierNames[0]}, not ${data.tier}`, { reason: 'other_tier', shardId: layout.shardId });
  }
  if (data.now - state.lastTransferInAt < TRANSFER_SPACING_MS) {
    throw new DomainError('transfer_refused', `shard ${layout.shardId} took capacity in less than ${TRANSFER_SPACING_MS} ms ago`, { reason: 'too_soon', shardId: layout.shardId });
  }
  for (const range of data.tickets) {
    for (const run of state.runs) {
      if (range.first < run.first + run.count && run.first < range.first + range.count) {
        throw invalidRequest('tickets', `tickets ${range.first}-${range.first + range.count - 1} overlap this shard's own`, { value: range });
      }
    }
  }
  return [
    {
      type: 'CapacityTransferredIn',
      data: {
        transferId: data.transferId,
        showId: layout.showId,
        shardId: layout.shardId,
        fromShard: data.fromShard,
        tier: data.tier,
        tickets: data.tickets.map(({ first, count: n }) => ({ first, count: n })),
        count,
        at: toIsoTimestamp(data.now),
      },
    },
  ];
}

/** The fields both sides of a transfer need, on a general-admission shard; answers its layout. */
function requireTransfer<D extends { transferId: string; now: number }>(data: D, other: keyof D & string, state: InventoryState): GeneralLayout {
  requireText(data.transferId, 'transferId');
  requireText(data[other], other);
  requireEpochMs(data.now, 'now');
  const { layout } = state;
  if (layout.kind !== 'general') throw invalidRequest('shardId', `shard ${layout.shardId} has seats; capacity transfers move general-admission tickets`);
  return layout;
}

/** Evolve: the top `count` units leave (they were never held, so only the counters and runs change). */
export function applyTransferOut(state: InventoryState, data: CapacityTransferredOut['data']): void {
  if (state.transfersOut.has(data.transferId)) return;
  if (state.size - state.cursor < data.count) corrupt(`transfer ${data.transferId} takes ${data.count} tickets, only ${state.size - state.cursor} were never held`);
  state.size -= data.count;
  state.free -= data.count;
  state.tierFree[0] -= data.count;
  let left = data.count;
  while (left > 0) {
    const last = state.runs[state.runs.length - 1];
    const taken = Math.min(left, last.count);
    last.count -= taken;
    left -= taken;
    if (last.count === 0 && state.runs.length > 1) state.runs.pop();
  }
  state.transfersOut.set(data.transferId, { transferId: data.transferId, shard: data.toShard, tickets: data.tickets, count: data.count });
  state.lastTransferOutAt = Math.max(state.lastTransferOutAt, Date.parse(data.at));
}

/** Evolve: the transferred tickets become fresh units after the last, the arrays grown when they are full. */
export function applyTransferIn(state: InventoryState, data: CapacityTransferredIn['data']): void {
  if (state.transfersIn.has(data.transferId)) return;
  const needed = state.size + data.count;
  if (needed > state.status.length) grow(state, Math.max(needed, Math.ceil(state.status.length * 1.5)));
  // The units past `size` were never held (a transfer out only gives up never-held units), so they are free as they stand.
  let unit = state.size;
  const last = state.runs[state.runs.length - 1];
  if (last.count === 0) state.runs.pop();
  for (const range of [...data.tickets].sort((a, b) => a.first - b.first)) {
    const tail = state.runs[state.runs.length - 1];
    if (tail && tail.unit + tail.count === unit && tail.first + tail.count === range.first) tail.count += range.count;
    else state.runs.push({ unit, first: range.first, count: range.count });
    unit += range.count;
  }
  for (let u = state.size; u < needed; u++) if (state.status[u] !== FREE) corrupt(`unit ${u} past the end of shard ${state.layout.shardId} is not free`);
  state.size = needed;
  state.free += data.count;
  state.tierFree[0] += data.count;
  state.transfersIn.set(data.transferId, { transferId: data.transferId, shard: data.fromShard, tickets: data.tickets, count: data.count });
  state.lastTransferInAt = Math.max(state.lastTransferInAt, Date.parse(data.at));
}

/** The ticket numbers of units `size - count` .. `size - 1`, ascending, as ranges. */
function ticketsOfTop(runs: readonly TicketRun[], size: number, count: number): TicketRange[] {
  const ranges: TicketRange[] = [];
  let from = size - count;
  for (const run of runs) {
    const start = Math.max(from, run.unit);
    const end = Math.min(size, run.unit + run.count);
    if (start >= end) continue;
    ranges.push({ first: run.first + (start - run.unit), count: end - start });
    from = end;
  }
  return ranges;
}

function countTickets(tickets: unknown): number {
  if (!Array.isArray(tickets) || tickets.length === 0) throw invalidRequest('tickets', 'must list the ranges of tickets that came');
  let count = 0;
  for (const range of tickets as TicketRange[]) {
    if (!range || !Number.isSafeInteger(range.first) || range.first < 1 || !Number.isInteger(range.count) || range.count < 1) {
      throw invalidRequest('tickets', 'each range needs a positive integer first and count', { value: range });
    }
    count += range.count;
  }
  if (count > MAX_TRANSFER_TICKETS) throw invalidRequest('tickets', `at most ${MAX_TRANSFER_TICKETS} tickets per transfer`, { value: count });
  return count;
}

function grow(state: InventoryState, capacity: number): void {
  const status = new Uint8Array(capacity);
  status.set(state.status);
  const holderSlot = new Int32Array(capacity).fill(-1);
  holderSlot.set(state.holderSlot);
  // General admission has one tier, index 0: the new entries are already right.
  const unitTier = new Uint16Array(capacity);
  unitTier.set(state.layout.unitTier);
  state.status = status;
  state.holderSlot = holderSlot;
  state.layout.unitTier = unitTier;
  state.returned = state.returned.grown(capacity);
}

function corrupt(message: string): never {
  throw new Error(`Inventory stream is inconsistent: ${message}`);
}
