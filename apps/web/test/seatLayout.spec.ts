import { seatLabel, venueLayout } from '../src/seatmap/layout';
import { tierColour } from '../src/seatmap/tierColour';
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

  it('puts every seat on a grid column, shorter rows centred, for the section view', () => {
    expect(layout.sections[0].columns).toBe(6);
    expect(layout.sections[0].rows[1].map((s) => s.column)).toEqual([0, 1, 4, 5]);
    expect(layout.sections[1].rows[0].map((s) => s.column)).toEqual([0, 1, 2, 3]);
  });
});

describe('wheelchair spaces, companion seats and the stage', () => {
  const layout = venueLayout({
    ...venue([]),
    seatMap: {
      sections: [
        {
          id: 'HALL',
          name: 'Hall 2',
          x: 0,
          y: 0,
          width: 60,
          height: 20,
          rows: [
            { row: 'A', seats: 6, tier: 'regular' },
            { row: 'J', seats: [{ from: 1, to: 2 }, { from: 5, to: 6 }], tier: 'vip', wheelchair: [{ from: 3, to: 4 }], companion: [{ from: 2, to: 2 }, { from: 5, to: 5 }] },
          ],
        },
      ],
      stage: { label: 'Screen', x: 10, y: -10, width: 40, height: 4 },
    },
  });
  const hall = layout.sections[0];

  it('draws a wheelchair space where its number falls in the row, and it is not a seat', () => {
    expect(hall.spaces.map((s) => `${s.row}-${s.number}@${s.column}`)).toEqual(['J-3@2', 'J-4@3']);
    expect(layout.seatCount).toBe(10);
    expect(layout.byId.has('HALL-J-3')).toBe(false);
  });

  it('marks the companion seats beside them, and only them', () => {
    expect(hall.seats.filter((s) => s.companion).map((s) => s.id)).toEqual(['HALL-J-2', 'HALL-J-5']);
  });

  it('keeps the stage, and the map bounds take it in', () => {
    expect(layout.stage).toEqual({ label: 'Screen', x: 10, y: -10, width: 40, height: 4 });
    expect(layout.bounds).toEqual({ x: 0, y: -10, width: 60, height: 30 });
  });
});

describe('naming seats and tiers the same everywhere', () => {
  it('names a seat by its section as the map does', () => {
    expect(seatLabel({ row: '1', number: 4 }, { name: 'Floor 2' })).toBe('Floor 2, row 1, seat 4');
  });

  it('gives a tier name one colour whatever else the show sells, whatever its case', () => {
    expect(tierColour('vip')).toBe(tierColour('VIP'));
    expect(new Set(['vip', 'regular', 'economy'].map(tierColour)).size).toBe(3);
    expect(tierColour('balcony')).toBe(tierColour('balcony'));
  });
});
