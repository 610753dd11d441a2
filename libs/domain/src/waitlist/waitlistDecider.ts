import type { Decider } from '../decider';
import { decideWaitlist } from './decideWaitlist';
import { evolveWaitlist } from './evolveWaitlist';
import type { WaitlistCommand } from './waitlistCommands';
import type { WaitlistEvent } from './waitlistEvents';
import { initialWaitlistState, type WaitlistState } from './waitlistState';

/** The decider of one `waitlistStream(showId)`. */
export const waitlistDecider: Decider<WaitlistCommand, WaitlistEvent, WaitlistState> = {
  decide: decideWaitlist,
  evolve: evolveWaitlist,
  initialState: initialWaitlistState,
};
