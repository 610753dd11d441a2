import { givenWhenThen } from '../testing';
import { waitlistDecider } from './waitlistDecider';
import type { WaitlistCommand } from './waitlistCommands';
import type { WaitlistEnded, WaitlistEvent, WaitlistJoined, WaitlistLeft, WaitlistOffered } from './waitlistEvents';
import { waitlistStream } from './waitlistStream';
import { dueWaitlistEntries, waitingEntries, waitlistEntryStatus, waitlistPosition } from './waitlistViews';

const spec = givenWhenThen(waitlistDecider);
const T0 = Date.parse('2026-06-01T18:00:00.000Z');
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

const joined = (entryId: string, customerId: string, quantity = 2, at = T0, extra: Partial<WaitlistJoined['data']> = {}): WaitlistJoined => ({
  type: 'WaitlistJoined',
  data: { entryId, customerId, quantity, ...extra, joinedAt: iso(at), waitsUntil: iso(at + HOUR) },
});
const offered = (entryId: string, at = T0 + 60_000): WaitlistOffered => ({ type: 'WaitlistOffered', data: { entryId, holdId: entryId, offeredAt: iso(at) } });
const left = (entryId: string, at = T0 + 60_000): WaitlistLeft => ({ type: 'WaitlistLeft', data: { entryId, at: iso(at) } });
const ended = (entryId: string, reason: WaitlistEnded['data']['reason'], at = T0 + 60_000): WaitlistEnded => ({ type: 'WaitlistEnded', data: { entryId, reason, at: iso(at) } });

const join = (entryId: string, customerId: string, quantity = 2, now = T0, extra: { tier?: string; section?: string; maxQuantity?: number } = {}): WaitlistCommand => ({
  type: 'JoinWaitlist',
  data: { entryId, customerId, quantity, maxQuantity: 10, now, waitsUntil: now + HOUR, ...extra },
});
const leave = (entryId: string, customerId: string, now = T0 + 60_000): WaitlistCommand => ({ type: 'LeaveWaitlist', data: { entryId, customerId, now } });
const offer = (entryId: string, now = T0 + 60_000): WaitlistCommand => ({ type: 'OfferWaitlistEntry', data: { entryId, holdId: entryId, now } });
const expire = (entryId: string, now: number): WaitlistCommand => ({ type: 'ExpireWaitlistEntry', data: { entryId, now } });
const stateAfter = (events: WaitlistEvent[]) => events.reduce(waitlistDecider.evolve, waitlistDecider.initialState());
const soldOut = (entryId: string, now = T0 + 60_000): WaitlistCommand => ({ type: 'EndWaitlistSoldOut', data: { entryId, now } });

describe('waiting line', () => {
  it('lives in one stream per show', () => {
    expect(waitlistStream('show-1')).toBe('waitlist-show-1');
  });

  describe('JoinWaitlist', () => {
    it('adds the customer at the end of the line, waiting until the maximum wait', () => {
      spec.given([joined('e1', 'alice')]).when(join('e2', 'bob', 3)).then([joined('e2', 'bob', 3)]);
    });

    it('keeps the tier and section asked for', () => {
      spec.given([]).when(join('e1', 'alice', 2, T0, { tier: 'vip', section: 'A' })).then([joined('e1', 'alice', 2, T0, { tier: 'vip', section: 'A' })]);
    });

    it('refuses more than the show allows one customer', () => {
      spec
        .given([])
        .when(join('e1', 'alice', 11))
        .thenThrows('limit_exceeded', (d) => d.limit === 10 && d.requested === 11);
    });

    it.each([
      ['quantity', { quantity: 0 }],
      ['quantity', { quantity: 1.5 }],
      ['maxQuantity', { maxQuantity: 0 }],
      ['entryId', { entryId: '' }],
      ['customerId', { customerId: '' }],
      ['now', { now: Number.NaN }],
      ['waitsUntil', { waitsUntil: T0 }],
      ['tier', { tier: '' }],
    ])('rejects a bad %s', (field, patch) => {
      const command = join('e1', 'alice');
      spec
        .given([])
        .when({ ...command, data: { ...command.data, ...patch } } as WaitlistCommand)
        .thenThrows('invalid_request', (d) => d.field === field);
    });

    it('allows one waiting entry per customer, naming it', () => {
      spec
        .given([joined('e1', 'alice')])
        .when(join('e2', 'alice', 1, T0 + 1000))
        .thenThrows('already_waiting', (d) => d.entryId === 'e1');
    });

    it('lets a customer join again once the entry is no longer waiting', () => {
      spec.given([joined('e1', 'alice'), left('e1')]).when(join('e2', 'alice', 1, T0 + 120_000)).then([joined('e2', 'alice', 1, T0 + 120_000)]);
      spec.given([joined('e1', 'alice'), offered('e1')]).when(join('e2', 'alice', 1, T0 + 120_000)).then([joined('e2', 'alice', 1, T0 + 120_000)]);
    });

    it('ends a previous entry past its wait first, in the same decision', () => {
      const later = T0 + HOUR + 1;
      spec.given([joined('e1', 'alice')]).when(join('e2', 'alice', 1, later)).then([ended('e1', 'expired', later), joined('e2', 'alice', 1, later)]);
    });

    it('is a no-op when the same join is retried, and refuses an id reused for something else', () => {
      spec.given([joined('e1', 'alice')]).when(join('e1', 'alice')).then([]);
      spec.given([joined('e1', 'alice')]).when(join('e1', 'bob')).thenThrows('invalid_request', (d) => d.field === 'entryId');
    });
  });

  describe('LeaveWaitlist', () => {
    it('takes a waiting entry out of the line', () => {
      spec.given([joined('e1', 'alice')]).when(leave('e1', 'alice')).then([left('e1')]);
    });

    it("answers someone else's entry like a missing one", () => {
      spec.given([joined('e1', 'alice')]).when(leave('e1', 'bob')).thenThrows('waitlist_entry_not_found', (d) => d.entryId === 'e1');
      spec.given([]).when(leave('e1', 'alice')).thenThrows('waitlist_entry_not_found');
    });

    it('is a no-op when already left', () => {
      spec.given([joined('e1', 'alice'), left('e1')]).when(leave('e1', 'alice')).then([]);
    });

    it('refuses an entry that was offered, ended, or ran out of time', () => {
      spec.given([joined('e1', 'alice'), offered('e1')]).when(leave('e1', 'alice')).thenThrows('waitlist_entry_not_waiting', (d) => d.status === 'offered');
      spec.given([joined('e1', 'alice'), ended('e1', 'sold_out')]).when(leave('e1', 'alice')).thenThrows('waitlist_entry_not_waiting', (d) => d.status === 'sold_out');
      spec
        .given([joined('e1', 'alice')])
        .when(leave('e1', 'alice', T0 + HOUR))
        .thenThrows('waitlist_entry_not_waiting', (d) => d.status === 'expired');
    });
  });

  describe('OfferWaitlistEntry', () => {
    it('records the hold made for a waiting entry', () => {
      spec.given([joined('e1', 'alice')]).when(offer('e1')).then([offered('e1')]);
    });

    it('offers an entry once: a retry is a no-op', () => {
      spec.given([joined('e1', 'alice'), offered('e1')]).when(offer('e1', T0 + 90_000)).then([]);
    });

    it('refuses an entry that left, ended, or is past its wait even before that is written', () => {
      spec.given([joined('e1', 'alice'), left('e1')]).when(offer('e1')).thenThrows('waitlist_entry_not_waiting', (d) => d.status === 'left');
      spec.given([joined('e1', 'alice'), ended('e1', 'expired')]).when(offer('e1')).thenThrows('waitlist_entry_not_waiting', (d) => d.status === 'expired');
      spec.given([joined('e1', 'alice')]).when(offer('e1', T0 + HOUR)).thenThrows('waitlist_entry_not_waiting', (d) => d.status === 'expired');
    });

    it('refuses an unknown entry', () => {
      spec.given([]).when(offer('e1')).thenThrows('waitlist_entry_not_found');
    });
  });

  describe('ExpireWaitlistEntry', () => {
    it('ends a waiting entry once its wait is over', () => {
      spec.given([joined('e1', 'alice')]).when(expire('e1', T0 + HOUR)).then([ended('e1', 'expired', T0 + HOUR)]);
    });

    it('is a no-op before the wait is over, and for entries no longer waiting', () => {
      spec.given([joined('e1', 'alice')]).when(expire('e1', T0 + HOUR - 1)).then([]);
      spec.given([joined('e1', 'alice'), offered('e1')]).when(expire('e1', T0 + HOUR)).then([]);
      spec.given([joined('e1', 'alice'), ended('e1', 'expired')]).when(expire('e1', T0 + HOUR)).then([]);
      spec.given([]).when(expire('e1', T0 + HOUR)).then([]);
    });
  });

  describe('EndWaitlistSoldOut', () => {
    it('ends a waiting entry as sold out', () => {
      spec.given([joined('e1', 'alice')]).when(soldOut('e1')).then([ended('e1', 'sold_out')]);
    });

    it('ends an entry already past its wait as what it is: expired', () => {
      spec.given([joined('e1', 'alice')]).when(soldOut('e1', T0 + HOUR)).then([ended('e1', 'expired', T0 + HOUR)]);
    });

    it('is a no-op for entries no longer waiting', () => {
      spec.given([joined('e1', 'alice'), left('e1')]).when(soldOut('e1')).then([]);
      spec.given([joined('e1', 'alice'), offered('e1')]).when(soldOut('e1')).then([]);
    });
  });

  describe('the line', () => {
    const history: WaitlistEvent[] = [
      joined('e1', 'alice', 2, T0),
      joined('e2', 'bob', 4, T0 + 1000),
      joined('e3', 'carol', 1, T0 + 2000),
      joined('e4', 'dave', 1, T0 + 3000),
      left('e2'),
    ];

    it('is in join order; a position counts the entries still waiting ahead', () => {
      const state = stateAfter([...history, offered('e1')]);
      const now = T0 + 90_000;
      expect(waitingEntries(state, now).map((e) => e.entryId)).toEqual(['e3', 'e4']);
      expect(waitlistPosition(state, 'e3', now)).toBe(1);
      expect(waitlistPosition(state, 'e4', now)).toBe(2);
      expect(waitlistPosition(state, 'e1', now)).toBeUndefined();
      expect(state.entries.get('e1')).toMatchObject({ status: 'offered', holdId: 'e1' });
    });

    it('drops entries past their wait from positions before their end is written', () => {
      const state = stateAfter(history);
      const now = T0 + HOUR + 500; // e1 (joined at T0) is due; e3 and e4 are not
      expect(waitlistPosition(state, 'e3', now)).toBe(1);
      expect(waitlistEntryStatus(state.entries.get('e1')!, now)).toBe('expired');
      expect(dueWaitlistEntries(state, now).map((e) => e.entryId)).toEqual(['e1']);
    });

    it('counts the events it has seen, so a reader can tell a stale copy', () => {
      expect(stateAfter(history).version).toBe(history.length);
    });
  });
});
