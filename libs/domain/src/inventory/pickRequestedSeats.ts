import { DomainError } from '../errors';
import { isAvailableAt, type InventoryState, type SeatedLayout } from './inventoryState';

/** All requested seats or none: every unknown seat, then every taken seat, is reported at once. */
export function pickRequestedSeats(state: InventoryState, layout: SeatedLayout, seatIds: string[], now: number): number[] {
  const units: number[] = [];
  const unknown: string[] = [];
  for (const seatId of seatIds) {
    const unit = layout.seatIndex.get(seatId);
    if (unit === undefined) unknown.push(seatId);
    else units.push(unit);
  }
  if (unknown.length > 0) {
    throw new DomainError('invalid_seat', `No such seat in shard ${layout.shardId}: ${unknown.join(', ')}`, { seatIds: unknown });
  }
  const unavailable = units.filter((unit) => !isAvailableAt(state, unit, now)).map((unit) => layout.seatIds[unit]);
  if (unavailable.length > 0) {
    throw new DomainError('seats_unavailable', `Seats not available: ${unavailable.join(', ')}`, { unavailable });
  }
  return units;
}
