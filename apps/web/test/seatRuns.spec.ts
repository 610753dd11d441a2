import { describeRuns, seatRuns } from '../src/seatRuns';

const row = (section: string, r: string, ...numbers: number[]) => numbers.map((seat) => ({ section, row: r, seat }));

describe('seatRuns', () => {
  it('finds seats side by side as one run, in any order held', () => {
    expect(seatRuns(row('Stalls', 'A', 3, 1, 2))).toEqual([{ section: 'Stalls', row: 'A', from: 1, to: 3 }]);
  });

  it('splits a group of 10 at a gap: A1–5 and A8–12', () => {
    const runs = seatRuns(row('Stalls', 'A', 1, 2, 3, 4, 5, 8, 9, 10, 11, 12));
    expect(runs).toEqual([
      { section: 'Stalls', row: 'A', from: 1, to: 5 },
      { section: 'Stalls', row: 'A', from: 8, to: 12 },
    ]);
    expect(describeRuns(runs)).toBe('row A, seats 1–5 and row A, seats 8–12');
  });

  it('keeps rows and sections apart, and names the sections when there are several', () => {
    const runs = seatRuns([...row('Stalls', 'A', 1, 2), ...row('Stalls', 'B', 3), ...row('Balcony', 'A', 3)]);
    expect(runs).toHaveLength(3);
    expect(describeRuns(runs)).toBe('Stalls row A, seats 1–2; Stalls row B, seat 3 and Balcony row A, seat 3');
  });
});
