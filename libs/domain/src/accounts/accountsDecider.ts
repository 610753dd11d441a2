import type { Decider } from '../decider';
import type { AccountEvent } from './accountEvents';
import { evolveOrganisation, initialOrganisationState, type OrganisationState } from './accountState';
import { decideAccounts, type AccountCommand } from './decideAccounts';

/** One organisation's stream: the organisation, its users and their tokens. */
export function accountsDecider(organisationId: string): Decider<AccountCommand, AccountEvent, OrganisationState> {
  return {
    decide: decideAccounts,
    evolve: evolveOrganisation,
    initialState: () => initialOrganisationState(organisationId),
  };
}
