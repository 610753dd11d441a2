import type { Decider } from '../decider';
import { invalidRequest } from '../errors';
import type { HotOnSaleEvent } from './hotOnSaleEvents';

export type HotOnSaleCommand =
  | { type: 'MarkShowHot'; data: { showId: string; opensAt: number; admissionsPerMinute: number; passSeconds: number; now: number } }
  | { type: 'EndHotOnSale'; data: { showId: string; now: number } };

export interface HotOnSaleSettings {
  opensAt: number;
  admissionsPerMinute: number;
  passSeconds: number;
}

/** The shows that are hot on-sales now, with their settings. */
export interface HotOnSaleState {
  shows: Map<string, HotOnSaleSettings>;
}

export const MAX_ADMISSIONS_PER_MINUTE = 1_000_000;
export const MIN_PASS_SECONDS = 60;
export const MAX_PASS_SECONDS = 24 * 3600;

export function decideHotOnSale(command: HotOnSaleCommand, state: HotOnSaleState): HotOnSaleEvent[] {
  switch (command.type) {
    case 'MarkShowHot': {
      const { showId, opensAt, admissionsPerMinute, passSeconds, now } = command.data;
      if (!Number.isInteger(admissionsPerMinute) || admissionsPerMinute < 1 || admissionsPerMinute > MAX_ADMISSIONS_PER_MINUTE) {
        throw invalidRequest('admissionsPerMinute', `must be an integer from 1 to ${MAX_ADMISSIONS_PER_MINUTE}`, { value: admissionsPerMinute });
      }
      if (!Number.isInteger(passSeconds) || passSeconds < MIN_PASS_SECONDS || passSeconds > MAX_PASS_SECONDS) {
        throw invalidRequest('passSeconds', `must be an integer from ${MIN_PASS_SECONDS} to ${MAX_PASS_SECONDS}`, { value: passSeconds });
      }
      if (!Number.isFinite(opensAt)) throw invalidRequest('opensAt', 'must be a moment (ISO 8601)');
      const current = state.shows.get(showId);
      // Marking again with the same settings is a retry, not a change.
      if (current && current.opensAt === opensAt && current.admissionsPerMinute === admissionsPerMinute && current.passSeconds === passSeconds) return [];
      return [{ type: 'ShowMarkedHot', data: { showId, opensAt: iso(opensAt), admissionsPerMinute, passSeconds, markedAt: iso(now) } }];
    }
    case 'EndHotOnSale': {
      const { showId, now } = command.data;
      if (!state.shows.has(showId)) return [];
      return [{ type: 'HotOnSaleEnded', data: { showId, endedAt: iso(now) } }];
    }
    default: {
      const _never: never = command;
      return _never;
    }
  }
}

export function evolveHotOnSale(state: HotOnSaleState, event: HotOnSaleEvent): HotOnSaleState {
  switch (event.type) {
    case 'ShowMarkedHot': {
      const { showId, opensAt, admissionsPerMinute, passSeconds } = event.data;
      state.shows.set(showId, { opensAt: Date.parse(opensAt), admissionsPerMinute, passSeconds });
      return state;
    }
    case 'HotOnSaleEnded':
      state.shows.delete(event.data.showId);
      return state;
    default: {
      const _never: never = event;
      return _never;
    }
  }
}

/** The decider of `HOT_ONSALES_STREAM`. Evolve mutates the map in place (the StreamWriter's contract allows it). */
export const hotOnSaleDecider: Decider<HotOnSaleCommand, HotOnSaleEvent, HotOnSaleState> = {
  decide: decideHotOnSale,
  evolve: evolveHotOnSale,
  initialState: () => ({ shows: new Map() }),
};

const iso = (ms: number): string => new Date(ms).toISOString();
