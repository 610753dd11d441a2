import type { SseConnection } from '../sse/sseConnection';
import { seatUpdates, type SeatSegment } from './seatUpdates';
import { ShowSubscriber } from './showSubscriber';

function fakeConnection(): { connection: SseConnection; sent: string[]; reloads: string[] } {
  const sent: string[] = [];
  const reloads: string[] = [];
  const connection = { send: (text: string) => sent.push(text), reload: (reason: string) => reloads.push(reason) } as unknown as SseConnection;
  return { connection, sent, reloads };
}

const segment = (position: number, seatId: string): SeatSegment => ({ position: BigInt(position), changes: [{ seatId, status: 'held' }] });
const ids = (sent: string[]) => sent.map((text) => /^id: (\d+)/.exec(text)?.[1]);
const seats = (sent: string[]) => sent.flatMap((text) => (JSON.parse(/data: (.*)/.exec(text)![1]) as { seats: Array<{ seatId: string }> }).seats.map((s) => s.seatId));

describe('seat updates', () => {
  it('groups events into messages of bounded size without splitting one, each with the id of its last event', () => {
    const updates = seatUpdates([segment(1, 'a'), segment(2, 'b'), segment(3, 'c'), { position: 4n, changes: [] }], 2);
    expect(updates.map((u) => [u.first, u.last])).toEqual([
      [1n, 2n],
      [3n, 4n],
    ]);
    expect(updates[1].text).toBe('id: 4\nevent: seats\ndata: {"seats":[{"seatId":"c","status":"held"}]}\n\n');
  });

  it('formats nothing for events that change no seat (general admission)', () => {
    expect(seatUpdates([{ position: 5n, changes: [] }], 10)[0].text).toBe('');
  });
});

describe('ShowSubscriber', () => {
  it('sends live updates above its position only, trimming one that straddles it', () => {
    const { connection, sent } = fakeConnection();
    const subscriber = new ShowSubscriber(connection, 2n, false, 10);
    for (const update of seatUpdates([segment(1, 'a'), segment(2, 'b'), segment(3, 'c')], 10)) subscriber.deliver(update);
    for (const update of seatUpdates([segment(4, 'd')], 10)) subscriber.deliver(update);
    expect(seats(sent)).toEqual(['c', 'd']);
    expect(ids(sent)).toEqual(['3', '4']);
    expect(subscriber.cursor).toBe(4n);
  });

  it('parks live updates while replaying and lets through only those above where the replay ended', () => {
    const { connection, sent } = fakeConnection();
    const subscriber = new ShowSubscriber(connection, 0n, true, 10);
    subscriber.deliver(seatUpdates([segment(5, 'e'), segment(6, 'f')], 10)[0]);
    subscriber.deliver(seatUpdates([segment(8, 'h')], 10)[0]);
    expect(sent).toEqual([]);
    subscriber.replayed('id: 5\nevent: seats\ndata: {"seats":[{"seatId":"e","status":"held"}]}\n\n', 5n);
    // The replay read the store up to 5; the projections had already passed on 5, 6 and 8.
    subscriber.goLive(5n);
    expect(seats(sent)).toEqual(['e', 'f', 'h']);
    subscriber.deliver(seatUpdates([segment(8, 'h')], 10)[0]);
    expect(seats(sent)).toEqual(['e', 'f', 'h']);
    expect(subscriber.replaying).toBe(false);
  });

  it('tells a client whose replay falls too far behind the live updates to reload', () => {
    const { connection, reloads } = fakeConnection();
    const subscriber = new ShowSubscriber(connection, 0n, true, 2);
    for (let i = 1; i <= 3; i++) subscriber.deliver(seatUpdates([segment(i, `s${i}`)], 10)[0]);
    expect(reloads).toEqual(['too_far_behind']);
  });
});
