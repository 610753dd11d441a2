import { givenWhenThen } from '../testing';
import { HOT_ONSALES_STREAM, type ShowMarkedHot } from './hotOnSaleEvents';
import { hotOnSaleDecider, type HotOnSaleCommand } from './hotOnSale';
import { admissionTick, waitingRoomDecider, type WaitingRoomCommand } from './waitingRoom';
import { waitingRoomStream, type WaitingRoomEvent, type WaitingRoomJoined } from './waitingRoomEvents';

const T0 = Date.parse('2027-01-10T09:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

describe('hot on-sales', () => {
  const spec = givenWhenThen(hotOnSaleDecider);
  const mark = (showId: string, extra: Partial<Extract<HotOnSaleCommand, { type: 'MarkShowHot' }>['data']> = {}): HotOnSaleCommand => ({
    type: 'MarkShowHot',
    data: { showId, opensAt: T0, admissionsPerMinute: 600, passSeconds: 600, now: T0 - 60_000, ...extra },
  });
  const marked = (showId: string, extra: Partial<ShowMarkedHot['data']> = {}): ShowMarkedHot => ({
    type: 'ShowMarkedHot',
    data: { showId, opensAt: iso(T0), admissionsPerMinute: 600, passSeconds: 600, markedAt: iso(T0 - 60_000), ...extra },
  });

  it('live in one stream for every show', () => {
    expect(HOT_ONSALES_STREAM).toBe('hot-onsales');
  });

  it('an admin marks a show hot with its opening, admission rate and pass lifetime', () => {
    spec.given([]).when(mark('s1')).then([marked('s1')]);
  });

  it('marking again with the same settings is a retry and writes nothing; other settings are a change', () => {
    spec.given([marked('s1')]).when(mark('s1')).then([]);
    spec.given([marked('s1')]).when(mark('s1', { admissionsPerMinute: 1200 })).then([marked('s1', { admissionsPerMinute: 1200 })]);
  });

  it('refuses a rate or pass lifetime out of range, naming the field', () => {
    spec.given([]).when(mark('s1', { admissionsPerMinute: 0 })).thenThrows('invalid_request', (d) => d.field === 'admissionsPerMinute');
    spec.given([]).when(mark('s1', { admissionsPerMinute: 1.5 })).thenThrows('invalid_request', (d) => d.field === 'admissionsPerMinute');
    spec.given([]).when(mark('s1', { passSeconds: 10 })).thenThrows('invalid_request', (d) => d.field === 'passSeconds');
  });

  it('ends a hot on-sale once; ending one that is not hot writes nothing', () => {
    spec.given([marked('s1')]).when({ type: 'EndHotOnSale', data: { showId: 's1', now: T0 } }).then([{ type: 'HotOnSaleEnded', data: { showId: 's1', endedAt: iso(T0) } }]);
    spec.given([]).when({ type: 'EndHotOnSale', data: { showId: 's1', now: T0 } }).then([]);
    const state = spec.given([marked('s1'), { type: 'HotOnSaleEnded', data: { showId: 's1', endedAt: iso(T0) } }]).when(mark('s2')).state();
    expect([...state.shows.keys()]).toEqual([]);
  });
});

describe('a hot show\'s waiting room', () => {
  const spec = givenWhenThen(waitingRoomDecider);
  const join = (customerId: string, now: number, admissionsPerMinute = 120, opensAt = T0, addressKey = `addr-${customerId}`): WaitingRoomCommand => ({
    type: 'JoinWaitingRoom',
    data: { customerId, now, opensAt, admissionsPerMinute, passSeconds: 600, addressKey, maxPlacesPerAddress: 2 },
  });
  /** The events of `customers` joining one after another, each at `at(i)`. */
  const history = (customers: string[], at: (i: number) => number, rate = 120): WaitingRoomEvent[] => {
    const events: WaitingRoomEvent[] = [];
    for (const [i, c] of customers.entries()) events.push(...spec.given(events).when(join(c, at(i), rate)).events());
    return events;
  };
  const admitAt = (events: WaitingRoomEvent[], customerId: string) => (events.find((e) => e.data.customerId === customerId) as WaitingRoomJoined).data.admitAt;

  it('is one stream per show', () => {
    expect(waitingRoomStream('s1')).toBe('waiting-room-s1');
  });

  it('before the sale opens, puts the first to join first, admitted when it opens', () => {
    spec.given([]).when(join('alice', T0 - 5_000)).then([
      { type: 'WaitingRoomJoined', data: { customerId: 'alice', position: 0, joinedAt: iso(T0 - 5_000), admitAt: iso(T0), slot: iso(T0), addressKey: 'addr-alice' } },
    ]);
  });

  it('admits in arrival order at the show\'s rate: 120 a minute is two per one-second tick', () => {
    expect(admissionTick(120)).toEqual({ slotMs: 1_000, perSlot: 2 });
    expect(admissionTick(30)).toEqual({ slotMs: 2_000, perSlot: 1 });
    const events = history(['a', 'b', 'c', 'd', 'e'], (i) => T0 - 10_000 + i);
    expect(events.map((e) => [e.data.customerId, e.data.position, e.data.admitAt])).toEqual([
      ['a', 0, iso(T0)],
      ['b', 1, iso(T0)],
      ['c', 2, iso(T0 + 1_000)],
      ['d', 3, iso(T0 + 1_000)],
      ['e', 4, iso(T0 + 2_000)],
    ]);
  });

  it('lets a customer straight through when nobody is ahead (demand below the rate)', () => {
    const events = history(['a', 'b'], (i) => T0 + 60_000 * (i + 1));
    expect(admitAt(events, 'a')).toBe(iso(T0 + 60_000));
    expect(admitAt(events, 'b')).toBe(iso(T0 + 120_000));
  });

  it('keeps a customer\'s place when they join again', () => {
    const events = history(['a', 'b'], () => T0 - 1_000);
    spec.given(events).when(join('a', T0 + 5_000)).then([]);
  });

  it('sends a customer whose pass ran out to the back', () => {
    const events = history(['a', 'b'], () => T0 - 1_000);
    const [again] = spec.given(events).when(join('a', T0 + 601_000)).events() as WaitingRoomJoined[];
    expect(again.data).toMatchObject({ customerId: 'a', position: 2, admitAt: iso(T0 + 601_000) });
  });

  it('takes at most the cap of customers from one address; one already in may join again', () => {
    const events: WaitingRoomEvent[] = [];
    for (const c of ['bot1', 'bot2']) events.push(...spec.given(events).when(join(c, T0 - 1_000, 120, T0, 'bot-address')).events());
    spec.given(events).when(join('bot3', T0 - 900, 120, T0, 'bot-address')).thenThrows('too_many_places', (d) => d.limit === 2);
    spec.given(events).when(join('bot1', T0 - 900, 120, T0, 'bot-address')).then([]);
    expect(spec.given(events).when(join('human', T0 - 900)).events()).toHaveLength(1);
  });

  it('gives the same schedule when its events are replayed (what a restart does)', () => {
    const events = history(Array.from({ length: 50 }, (_, i) => `c${i}`), (i) => T0 - 30_000 + i * 7, 90);
    const replayed = events.reduce(waitingRoomDecider.evolve, waitingRoomDecider.initialState());
    const next = spec.given(events).when(join('late', T0 - 1)).events();
    expect(waitingRoomDecider.decide(join('late', T0 - 1, 90), replayed)).toEqual(spec.given(events).when(join('late', T0 - 1, 90)).events());
    expect(next).toHaveLength(1);
    // 90 a minute: one-second ticks of one; fifty before it are fifty ticks.
    expect(admitAt(events, 'c49')).toBe(iso(T0 + 49_000));
  });
});
