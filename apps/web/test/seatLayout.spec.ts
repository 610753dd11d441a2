import { venueLayout } from '../src/seatmap/layout';
import type { VenueView } from '../src/api/types';

const venue = (sections: NonNullable<VenueView['seatMap']>['sections']): VenueView => ({ id: 'v', name: 'V', cityId: 'c', kind: 'theatre', capacity: 0, seatMap: { sections } });

describe('seat positions from the venue seat map', () => {
  const layout = venueLayout(
    venue([
      {
        id: 'S',
        name: 'Stalls',
        x: 0,
        y: 0,
        width: 60,
        height: 20,
        rows: [
          { row: '1', seats: 6, tier: 'regular' },
          { row: '2', seats: [{ from: 1, to: 2 }, { from: 5, to: 6 }], tier: 'vip' },
        ],
      },
      { id: 'B', name: 'Balcony', x: 100, y: 50, width: 40, height: 10, rows: [{ row: 'A', seats: 4, tier: 'regular' }] },
    ]),
  );

  it('places every seat inside its section box, front row first', () => {
    expect(layout.seatCount).toBe(14);
    for (const section of layout.sections) {
      for (const seat of section.seats) {
        expect(seat.x).toBeGreaterThan(section.x);
        expect(seat.x).toBeLessThan(section.x + section.width);
        expect(seat.y).toBeGreaterThan(section.y);
        expect(seat.y).toBeLessThan(section.y + section.height);
      }
    }
    expect(layout.byId.get('S-1-1')!.y).toBeLessThan(layout.byId.get('S-2-1')!.y);
  });

  it('keeps a gap in the numbering as a gap, seats in line with the same numbers of other rows', () => {
    expect(layout.byId.has('S-2-3')).toBe(false);
    expect(layout.byId.get('S-2-5')!.x).toBe(layout.byId.get('S-1-5')!.x);
    expect(layout.byId.get('S-2-5')!.x - layout.byId.get('S-2-2')!.x).toBe(30);
  });

  it('gives the map bounds over all sections, for drawing to scale', () => {
    expect(layout.bounds).toEqual({ x: 0, y: 0, width: 140, height: 60 });
  });

  it('lists seats by row for moving with the arrow keys', () => {
    expect(layout.sections[0].rows.map((row) => row.map((s) => s.number))).toEqual([
      [1, 2, 3, 4, 5, 6],
      [1, 2, 5, 6],
    ]);
  });
});
