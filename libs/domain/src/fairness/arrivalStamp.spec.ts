import { HybridLogicalClock, compareStamps, formatStamp, parseStamp, unfairPairs, type ArrivalStamp } from './arrivalStamp';

describe('arrival stamps (a hybrid logical clock at the edge)', () => {
  it('given arrivals within one millisecond, when stamped, then each comes after the one before', () => {
    const clock = new HybridLogicalClock('eu-west', () => 1_000);
    const stamps = [clock.stamp(), clock.stamp(), clock.stamp()];
    expect(stamps.map((s) => s.logical)).toEqual([0, 1, 2]);
    expect(compareStamps(stamps[0], stamps[1])).toBeLessThan(0);
  });

  it('given a wall clock that steps back, when stamped, then stamps still only grow', () => {
    let now = 5_000;
    const clock = new HybridLogicalClock('us-east', () => now);
    const first = clock.stamp();
    now = 4_990;
    const second = clock.stamp();
    expect(compareStamps(first, second)).toBeLessThan(0);
    expect(second).toEqual({ wallMs: 5_000, logical: 1, node: 'us-east' });
  });

  it('given a stamp from another region ahead of this clock, when observed, then the next stamp is after it', () => {
    const clock = new HybridLogicalClock('ap-southeast', () => 100);
    clock.observe({ wallMs: 250, logical: 3, node: 'eu-west' });
    expect(clock.stamp()).toEqual({ wallMs: 250, logical: 4, node: 'ap-southeast' });
  });

  it('given equal wall time and counter, when compared, then the node name breaks the tie', () => {
    const a: ArrivalStamp = { wallMs: 1, logical: 0, node: 'eu-west' };
    const b: ArrivalStamp = { wallMs: 1, logical: 0, node: 'us-east' };
    expect(compareStamps(a, b)).toBeLessThan(0);
    expect(parseStamp(formatStamp(b))).toEqual(b);
    expect(parseStamp('1.2@bad node')).toBeUndefined();
  });

  it('counts, of the pairs where one request got a ticket, those that went to the later one', () => {
    const at = (wallMs: number, served: boolean) => ({ stamp: { wallMs, logical: 0, node: 'r' }, served });
    expect(unfairPairs([at(1, true), at(2, true), at(3, false), at(4, false)])).toEqual({ unfair: 0, pairs: 4 });
    expect(unfairPairs([at(1, false), at(2, true)])).toEqual({ unfair: 1, pairs: 1 });
    expect(unfairPairs([at(3, true), at(1, false), at(2, true), at(4, false)])).toEqual({ unfair: 2, pairs: 4 });
  });
});
