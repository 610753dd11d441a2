import { remainingBound, type ShardReport } from './remainingBound';

const NOW = Date.parse('2027-07-01T10:00:00.000Z');
const shard = (shard: string, group: string, available: number, ageMs: number, extra: Partial<ShardReport> = {}): ShardReport => ({
  shard,
  group,
  capacity: 15_625,
  available,
  heldExpired: 0,
  asOf: NOW - ageMs,
  maxTicketsPerSecond: 125,
  ...extra,
});

describe('the global remaining count and its bound', () => {
  it('given figures of this very millisecond and no expired holds, when asked, then the answer is exact', () => {
    const answer = remainingBound([shard('s1', 'g-use', 1_000, 0), shard('s2', 'g-euw', 500, 0)], NOW);
    expect(answer).toMatchObject({ status: 'exact', estimate: 1_500, lower: 1_500, upper: 1_500, unknownTickets: 0, answeredAt: '2027-07-01T10:00:00.000Z' });
    expect(answer.byGroup.map((g) => [g.group, g.available, g.stale, g.unknown])).toEqual([['g-use', 1_000, false, false], ['g-euw', 500, false, false]]);
  });

  it("given 60 fresh shards and 4 two seconds stale at 125 tickets/s, when asked, then each stale one widens the bound by 250 below (the document's example)", () => {
    const shards = [
      ...Array.from({ length: 60 }, (_, i) => shard(`f${i}`, 'g-fresh', 3_125, 0)),
      ...Array.from({ length: 4 }, (_, i) => shard(`s${i}`, 'g-stale', 3_125, 2_000)),
    ];
    const answer = remainingBound(shards, NOW);
    expect(answer).toMatchObject({ status: 'bounded', estimate: 200_000, lower: 199_000, upper: 200_000 });
    expect(answer.byGroup.find((g) => g.group === 'g-stale')).toMatchObject({ stale: true, unknown: false, lower: 11_500, asOf: '2027-07-01T09:59:58.000Z' });
  });

  it('given held tickets whose holds have run out, when asked, then they can come back: the upper bound counts them', () => {
    const answer = remainingBound([shard('s1', 'g', 100, 0, { heldExpired: 7 })], NOW);
    expect(answer).toMatchObject({ status: 'bounded', estimate: 100, lower: 100, upper: 107 });
  });

  it('given figures a few milliseconds old, when asked, then even those are a bound: a shard may have sold since', () => {
    const answer = remainingBound([shard('s1', 'g', 1_000, 3), shard('s2', 'g', 1_000, 0)], NOW);
    expect(answer).toMatchObject({ status: 'bounded', estimate: 2_000, lower: 1_999, upper: 2_000 });
    expect(answer.byGroup[0]).toMatchObject({ stale: false, unknown: false });
  });

  it('given a stale shard nearly sold out, when asked, then the lower bound stops at zero', () => {
    expect(remainingBound([shard('s1', 'g', 50, 5_000)], NOW)).toMatchObject({ lower: 0, upper: 50 });
  });

  it('given a group not heard from within 10 s, when asked, then its share is unknown, reported apart and not guessed', () => {
    const answer = remainingBound([shard('s1', 'g-use', 1_000, 0), shard('s2', 'g-aps', 900, 12_000), shard('s3', 'g-aps', 800, 15_000)], NOW, 250);
    expect(answer).toMatchObject({ status: 'bounded', estimate: 1_000, lower: 1_000, upper: 1_000, unknownTickets: 31_250, inTransit: 250 });
    expect(answer.byGroup.find((g) => g.group === 'g-aps')).toMatchObject({ unknown: true, available: 0 });
  });

  it('given no shard heard from at all, when asked, then the answer is a failure, not a number', () => {
    expect(remainingBound([shard('s1', 'g', 10, 60_000)], NOW)).toMatchObject({ status: 'failure', estimate: 0, unknownTickets: 15_625 });
  });

  it('given capacity that may move between shards, when asked, then a shard that can give widens below and one that can take widens above, by the transfers that fit in its age', () => {
    const transfers = { tickets: 100, everyMs: 1_000 };
    const giver = shard('s1', 'g-use', 1_000, 1_500, { maxTicketsPerSecond: 0, transfers: { ...transfers, out: true, in: false } });
    const taker = shard('s2', 'g-euw', 500, 10, { maxTicketsPerSecond: 0, transfers: { ...transfers, out: true, in: true } });
    const answer = remainingBound([giver, taker], NOW);
    // 1.5 s: two transfers out could have happened; 10 ms: one out or one in.
    expect(answer.byGroup.map((g) => [g.group, g.lower, g.upper])).toEqual([['g-use', 800, 1_000], ['g-euw', 400, 600]]);
    expect(remainingBound([{ ...taker, asOf: NOW }], NOW)).toMatchObject({ status: 'exact', lower: 500, upper: 500 });
  });

  it('given tickets in transit, when asked, then they are reported apart: sold by no one until they arrive', () => {
    expect(remainingBound([shard('s1', 'g-use', 1_000, 0)], NOW, 250)).toMatchObject({ estimate: 1_000, inTransit: 250 });
  });

  it('given held tickets and figures a moment old, when asked, then every one of them may have been released since: the upper bound counts them all', () => {
    const held = shard('s1', 'g-aps', 0, 900, { held: 2, heldExpired: 0, maxTicketsPerSecond: 0 });
    expect(remainingBound([held], NOW).byGroup[0]).toMatchObject({ lower: 0, upper: 2 });
    expect(remainingBound([{ ...held, asOf: NOW }], NOW)).toMatchObject({ status: 'exact', lower: 0, upper: 0 });
  });
});
