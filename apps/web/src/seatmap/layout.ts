import type { SeatRow, SeatSection, VenueView } from '../api/types';

export interface SeatSpot {
  id: string;
  section: string;
  row: string;
  number: number;
  tier: string;
  /** Centre, in the venue's map units. */
  x: number;
  y: number;
  rowIndex: number;
}

export interface SectionLayout {
  id: string;
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Distance between neighbouring seats, in map units: seats are drawn a little smaller. */
  pitch: number;
  seats: SeatSpot[];
  /** Seats by row index, left to right: for arrow-key moves. */
  rows: SeatSpot[][];
}

export interface VenueLayout {
  sections: SectionLayout[];
  bounds: { x: number; y: number; width: number; height: number };
  seatCount: number;
  byId: Map<string, SeatSpot>;
}

/**
 * Seat positions from the venue's compact seat map: each section's box is the one the
 * venue drew, its rows evenly spaced front to back and its seat numbers across, so
 * gaps in the numbering (aisles, wheelchair spaces) stay gaps. Rows shorter than the
 * widest are centred, as in a bowl.
 */
export function venueLayout(venue: VenueView): VenueLayout {
  const sections = (venue.seatMap?.sections ?? []).map(sectionLayout);
  const byId = new Map<string, SeatSpot>();
  for (const section of sections) for (const seat of section.seats) byId.set(seat.id, seat);
  const minX = Math.min(...sections.map((s) => s.x));
  const minY = Math.min(...sections.map((s) => s.y));
  const maxX = Math.max(...sections.map((s) => s.x + s.width));
  const maxY = Math.max(...sections.map((s) => s.y + s.height));
  return { sections, bounds: { x: minX, y: minY, width: maxX - minX, height: maxY - minY }, seatCount: byId.size, byId };
}

function sectionLayout(section: SeatSection): SectionLayout {
  const numbered = section.rows.map((row) => ({ ...row, numbers: seatNumbers(row.seats) }));
  const span = Math.max(...numbered.map((row) => row.numbers[row.numbers.length - 1] - row.numbers[0] + 1));
  const across = section.width / span;
  const down = section.height / numbered.length;
  const pitch = Math.min(across, down);
  const seats: SeatSpot[] = [];
  const rows: SeatSpot[][] = [];
  numbered.forEach((row, rowIndex) => {
    const first = row.numbers[0];
    const rowSpan = row.numbers[row.numbers.length - 1] - first + 1;
    const left = section.x + ((span - rowSpan) / 2) * across;
    const y = section.y + (rowIndex + 0.5) * down;
    const line = row.numbers.map((number) => ({
      id: `${section.id}-${row.row}-${number}`,
      section: section.id,
      row: row.row,
      number,
      tier: row.tier,
      x: left + (number - first + 0.5) * across,
      y,
      rowIndex,
    }));
    rows.push(line);
    seats.push(...line);
  });
  return { id: section.id, name: section.name, x: section.x, y: section.y, width: section.width, height: section.height, pitch, seats, rows };
}

function seatNumbers(seats: SeatRow['seats']): number[] {
  if (typeof seats === 'number') return Array.from({ length: seats }, (_, i) => i + 1);
  return seats.flatMap(({ from, to }) => Array.from({ length: to - from + 1 }, (_, i) => from + i));
}

/** Tier colours, chosen to stay apart for common colour-vision deficiencies; status never relies on them. */
const TIER_COLOURS = ['#2563eb', '#d97706', '#7c3aed', '#0d9488', '#db2777', '#65a30d'];

export function tierColour(tiers: string[], tier: string): string {
  const index = tiers.indexOf(tier);
  return TIER_COLOURS[(index < 0 ? tiers.length : index) % TIER_COLOURS.length];
}
