import type { AllowanceEvent } from './allowanceEvents';
import type { AllowanceState } from './allowanceState';

/** Mutates in place, like the inventory: the state is owned by the one queue of its stream. */
export function evolveAllowance(state: AllowanceState, event: AllowanceEvent): AllowanceState {
  switch (event.type) {
    case 'AllowanceReserved': {
      if (state.reservations.has(event.data.holdId)) return state;
      state.reservations.set(event.data.holdId, { quantity: event.data.quantity, released: false });
      state.reserved += event.data.quantity;
      return state;
    }
    case 'AllowanceReleased': {
      const reservation = state.reservations.get(event.data.holdId);
      if (!reservation || reservation.released) return state;
      reservation.released = true;
      state.reserved -= reservation.quantity;
      return state;
    }
    default: {
      const _never: never = event;
      return state;
    }
  }
}
