import type { Decider } from '../decider';
import { DomainError } from '../errors';
import type { WaitingRoomEvent } from './waitingRoomEvents';

export type WaitingRoomCommand = {
  type: 'JoinWaitingRoom';
  /** The show's settings at the time of the join (from its ShowMarkedHot). */
  data: { customerId: string; now: number; opensAt: number; admissionsPerMinute: number; passSeconds: number; addressKey: string; maxPlacesPerAddress: number };
};

export interface WaitingRoomPlace {
  position: number;
  joinedAt: number;
  admitAt: number;
}

/** Compact on purpose: 100,000 joins are 100,000 small records, never the events themselves. */
export interface WaitingRoomState {
  /** Each customer's latest place. */
  places: Map<string, WaitingRoomPlace>;
  joins: number;
  /** The admission slot being filled, and how many it has. */
  slotStart: number;
  slotUsed: number;
  /** Customers who joined from each address (by its key): one address cannot fill the room with identities. */
  customersByAddress: Map<string, number>;
}

/**
 * Admission ticks: at least one second apart, each letting through the share of the rate
 * that falls in it (60/min: one a second; 6,000/min: 100 a second; 30/min: one every 2 s).
 * Whole milliseconds and whole people, so replaying the events gives the same schedule.
 */
export function admissionTick(admissionsPerMinute: number): { slotMs: number; perSlot: number } {
  const slotMs = Math.max(1_000, Math.ceil(60_000 / admissionsPerMinute));
  return { slotMs, perSlot: Math.max(1, Math.floor((admissionsPerMinute * slotMs) / 60_000)) };
}

export function decideWaitingRoom(command: WaitingRoomCommand, state: WaitingRoomState): WaitingRoomEvent[] {
  switch (command.type) {
    case 'JoinWaitingRoom': {
      const { customerId, now, opensAt, admissionsPerMinute, passSeconds, addressKey, maxPlacesPerAddress } = command.data;
      const place = state.places.get(customerId);
      // Joining again keeps one's place, unless the pass it led to ran out: then to the back.
      if (place && now < place.admitAt + passSeconds * 1000) return [];
      const fromAddress = state.customersByAddress.get(addressKey) ?? 0;
      if (!place && fromAddress >= maxPlacesPerAddress) {
        throw new DomainError('too_many_places', `This address already has ${fromAddress} customers in this waiting room`, { limit: maxPlacesPerAddress });
      }
      const { slotMs, perSlot } = admissionTick(admissionsPerMinute);
      const earliest = Math.max(now, opensAt);
      let slot = state.slotStart;
      if (state.joins === 0 || earliest >= slot + slotMs) slot = earliest;
      else if (state.slotUsed >= perSlot) slot += slotMs;
      return [
        {
          type: 'WaitingRoomJoined',
          data: { customerId, position: state.joins, joinedAt: iso(now), admitAt: iso(Math.max(slot, earliest)), slot: iso(slot), addressKey },
        },
      ];
    }
    default: {
      const _never: never = command.type;
      return _never;
    }
  }
}

export function evolveWaitingRoom(state: WaitingRoomState, event: WaitingRoomEvent): WaitingRoomState {
  switch (event.type) {
    case 'WaitingRoomJoined': {
      const { customerId, position, joinedAt, admitAt, slot, addressKey } = event.data;
      const slotStart = Date.parse(slot);
      if (!state.places.has(customerId)) state.customersByAddress.set(addressKey, (state.customersByAddress.get(addressKey) ?? 0) + 1);
      state.places.set(customerId, { position, joinedAt: Date.parse(joinedAt), admitAt: Date.parse(admitAt) });
      state.slotUsed = state.joins > 0 && slotStart === state.slotStart ? state.slotUsed + 1 : 1;
      state.slotStart = slotStart;
      state.joins = position + 1;
      return state;
    }
    default: {
      const _never: never = event.type;
      return _never;
    }
  }
}

/** The decider of `waitingRoomStream(showId)`. Evolve mutates the state in place. */
export const waitingRoomDecider: Decider<WaitingRoomCommand, WaitingRoomEvent, WaitingRoomState> = {
  decide: decideWaitingRoom,
  evolve: evolveWaitingRoom,
  initialState: () => ({ places: new Map(), joins: 0, slotStart: 0, slotUsed: 0, customersByAddress: new Map() }),
};

const iso = (ms: number): string => new Date(ms).toISOString();
