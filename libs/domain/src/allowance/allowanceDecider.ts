import type { Decider } from '../decider';
import type { AllowanceCommand } from './allowanceCommands';
import type { AllowanceEvent } from './allowanceEvents';
import { initialAllowanceState, type AllowanceState } from './allowanceState';
import { decideAllowance } from './decideAllowance';
import { evolveAllowance } from './evolveAllowance';

/** The decider of one `allowanceStream(showId, customerId)`. */
export const allowanceDecider: Decider<AllowanceCommand, AllowanceEvent, AllowanceState> = {
  decide: decideAllowance,
  evolve: evolveAllowance,
  initialState: initialAllowanceState,
};
