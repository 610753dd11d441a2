import { countRowSeats, countSeats, countSectionSeats } from './countSeats';
import { expandSection } from './expandSection';
import type { SeatSection } from './seatMap';

const section: SeatSection = {
  id: 'B',
  name: 'Balcony',
  x: 0,
  y: 0,
  width: 10,
  height: 5,
  rows: [
    { row: '1', seats: 3, tier: 'vip' },
    { row: '2', seats: [{ from: 2, to: 3 }, { from: 10, to: 11 }], tier: 'regular' },
  ],
};

describe('countSeats', () => {
  it('counts rows given as a count or as ranges, without expanding them', () => {
    expect(countRowSeats(section.rows[1])).toBe(4);
    expect(countSectionSeats(section)).toBe(7);
    expect(countSeats({ sections: [section, { ...section, id: 'C' }] })).toBe(14);
  });
});

describe('expandSection', () => {
  it('lists the seats front row first, left to right, with their row and in-row positions', () => {
    expect(expandSection(section)).toEqual([
      { seatId: 'B-1-1', section: 'B', row: '1', number: 1, tier: 'vip', rowIndex: 0, indexInRow: 0 },
      { seatId: 'B-1-2', section: 'B', row: '1', number: 2, tier: 'vip', rowIndex: 0, indexInRow: 1 },
      { seatId: 'B-1-3', section: 'B', row: '1', number: 3, tier: 'vip', rowIndex: 0, indexInRow: 2 },
      { seatId: 'B-2-2', section: 'B', row: '2', number: 2, tier: 'regular', rowIndex: 1, indexInRow: 0 },
      { seatId: 'B-2-3', section: 'B', row: '2', number: 3, tier: 'regular', rowIndex: 1, indexInRow: 1 },
      { seatId: 'B-2-10', section: 'B', row: '2', number: 10, tier: 'regular', rowIndex: 1, indexInRow: 2 },
      { seatId: 'B-2-11', section: 'B', row: '2', number: 11, tier: 'regular', rowIndex: 1, indexInRow: 3 },
    ]);
  });
});
