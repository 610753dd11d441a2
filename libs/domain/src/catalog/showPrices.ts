import { DomainError, invalidRequest } from '../errors';
import { requireEpochMs } from '../inputGuards';
import { toIsoTimestamp } from '../timestamps';
import type { Decider } from '../decider';
import type { PriceTier, Show } from './catalogEntities';
import type { PriceChanged, ShowScheduled } from './catalogEvents';

/**
 * The highest price a change may set, in minor units (a million in major units). A
 * typo of three zeros is the mistake worth stopping; creation keeps its looser rule so
 * shows already scheduled stay valid.
 */
export const MAX_TIER_PRICE = 100_000_000;

/** A tier's price from now on; holds made before keep theirs. `currency`, when given, must be the tier's. */
export type ChangePrice = {
  type: 'ChangePrice';
  data: { tier: string; price: number; currency?: string; now: number };
};

export type ShowPricesCommand = ChangePrice;
export type ShowPricesEvent = ShowScheduled | PriceChanged;

/** A show's stream as far as prices go: its current tiers, in the order the show listed them. */
export type ShowPricesState = { status: 'unscheduled' } | { status: 'scheduled'; showId: string; tiers: PriceTier[] };

export function initialShowPricesState(): ShowPricesState {
  return { status: 'unscheduled' };
}

export function evolveShowPrices(state: ShowPricesState, event: ShowPricesEvent): ShowPricesState {
  switch (event.type) {
    case 'ShowScheduled':
      return { status: 'scheduled', showId: event.data.id, tiers: event.data.tiers.map(({ tier, price, currency }) => ({ tier, price, currency })) };
    case 'PriceChanged':
      if (state.status !== 'scheduled') return state;
      return { ...state, tiers: withPrice(state.tiers, event.data) };
    default: {
      const _never: never = event;
      return state;
    }
  }
}

export function decideShowPrices(command: ShowPricesCommand, state: ShowPricesState): ShowPricesEvent[] {
  switch (command.type) {
    case 'ChangePrice':
      return decideChangePrice(command.data, state);
    default: {
      const _never: never = command.type;
      return _never;
    }
  }
}

function decideChangePrice(data: ChangePrice['data'], state: ShowPricesState): PriceChanged[] {
  requireEpochMs(data.now, 'now');
  // The caller found the show before asking; a stream without ShowScheduled is not a user's mistake.
  if (state.status !== 'scheduled') throw new Error('ChangePrice on a show stream without ShowScheduled');
  const current = state.tiers.find((t) => t.tier === data.tier);
  if (!current) {
    throw invalidRequest('tier', `show ${state.showId} has no tier ${String(data.tier)}; its tiers are ${state.tiers.map((t) => t.tier).join(', ')}`, {
      value: data.tier,
      tiers: state.tiers.map((t) => t.tier),
    });
  }
  if (!Number.isSafeInteger(data.price) || data.price < 0 || data.price > MAX_TIER_PRICE) {
    throw invalidRequest('price', `must be an integer from 0 to ${MAX_TIER_PRICE} in minor units (cents)`, { value: data.price });
  }
  if (data.currency !== undefined && data.currency !== current.currency) {
    throw invalidRequest('currency', `tier ${current.tier} is priced in ${current.currency}; a show is priced in one currency`, {
      value: data.currency,
      expected: current.currency,
    });
  }
  if (data.price === current.price) {
    throw new DomainError('price_unchanged', `Tier ${current.tier} already costs ${current.price} ${current.currency}`, {
      field: 'price',
      tier: current.tier,
      price: current.price,
    });
  }
  return [
    {
      type: 'PriceChanged',
      data: { showId: state.showId, tier: current.tier, price: data.price, currency: current.currency, previousPrice: current.price, changedAt: toIsoTimestamp(data.now) },
    },
  ];
}

/** The tiers with one tier's price replaced. */
function withPrice(tiers: readonly PriceTier[], change: PriceChanged['data']): PriceTier[] {
  return tiers.map((t) => (t.tier === change.tier ? { tier: t.tier, price: change.price, currency: change.currency } : t));
}

/** The show as it stands now: as scheduled, with every later price change applied in order. */
export function currentShow(scheduled: Show, changes: ReadonlyArray<PriceChanged['data']>): Show {
  if (changes.length === 0) return scheduled;
  return { ...scheduled, tiers: changes.reduce<PriceTier[]>((tiers, change) => withPrice(tiers, change), scheduled.tiers) };
}

export const showPricesDecider: Decider<ShowPricesCommand, ShowPricesEvent, ShowPricesState> = {
  decide: decideShowPrices,
  evolve: evolveShowPrices,
  initialState: initialShowPricesState,
};
