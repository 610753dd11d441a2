/**
 * A customer joined a hot show's waiting room. The stream's order is the arrival order:
 * `position` is the count of joins before it, and `admitAt` when it may hold, worked out
 * when it joined from the rate then in force (see decideWaitingRoom).
 */
export type WaitingRoomJoined = {
  type: 'WaitingRoomJoined';
  data: {
    customerId: string;
    /** 0 for the first to join. */
    position: number;
    joinedAt: string;
    /** When the customer is let through: a pass is issued from this moment on. */
    admitAt: string;
    /** The admission slot (a tick of the rate) it was given a place in; the next join fills it or opens the next. */
    slot: string;
    /** A keyed hash of the address it joined from (never the address): places per address are capped. */
    addressKey: string;
  };
};

export type WaitingRoomEvent = WaitingRoomJoined;

export const WAITING_ROOM_EVENT_TYPES: readonly WaitingRoomEvent['type'][] = ['WaitingRoomJoined'];

/** One stream per show: its order is the waiting room's order. */
export function waitingRoomStream(showId: string): string {
  return `waiting-room-${showId}`;
}
