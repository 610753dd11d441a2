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
  /** Across the section in seat widths from its left edge (rows are centred, so it may end in .5): the section view's grid. */
  column: number;
  /** A seat for a wheelchair user's companion. */
  companion: boolean;
}

/** A wheelchair space: a place in a row with no seat, drawn and labelled on the map. */
export interface WheelchairSpace {
  row: string;
  number: number;
  rowIndex: number;
  column: number;
  x: number;
  y: number;
}

export interface StageMark {
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
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
  /** Row labels, front first (a row of only wheelchair spaces has no seats to name it). */
  rowLabels: string[];
  /** Width of the widest row, in seats: the section view's grid is this many columns. */
  columns: number;
  spaces: WheelchairSpace[];
}

export interface VenueLayout {
  sections: SectionLayout[];
  bounds: { x: number; y: number; width: number; height: number };
  seatCount: number;
  byId: Map<string, SeatSpot>;
  stage?: StageMark;
}

/**
 * Seat positions from the venue's compact seat map: each section's box is the one the
 * venue drew, its rows evenly spaced front to back and its seat numbers across, so
 * gaps in the numbering (aisles, wheelchair spaces) stay gaps. Rows shorter than the
 * widest are centred, as in a bowl.
 */
export function venueLayout(venue: VenueView): VenueLayout {
  const sections = (venue.seatMap?.sections ?? []).map(sectionLayout);
  const stage = venue.seatMap?.stage;
  const byId = new Map<string, SeatSpot>();
  for (const section of sections) for (const seat of section.seats) byId.set(seat.id, seat);
  const boxes = [...sections, ...(stage ? [stage] : [])];
  const minX = Math.min(...boxes.map((s) => s.x));
  const minY = Math.min(...boxes.map((s) => s.y));
  const maxX = Math.max(...boxes.map((s) => s.x + s.width));
  const maxY = Math.max(...boxes.map((s) => s.y + s.height));
  return { sections, bounds: { x: minX, y: minY, width: maxX - minX, height: maxY - minY }, seatCount: byId.size, byId, ...(stage ? { stage: { ...stage } } : {}) };
}

function sectionLayout(section: SeatSection): SectionLayout {
  const numbered = section.rows.map((row) => {
    const numbers = seatNumbers(row.seats);
    const spaces = row.wheelchair ? seatNumbers(row.wheelchair) : [];
    const all = [...numbers, ...spaces];
    return { ...row, numbers, spaces, companions: new Set(row.companion ? seatNumbers(row.companion) : []), first: Math.min(...all), last: Math.max(...all) };
  });
  const span = Math.max(...numbered.map((row) => row.last - row.first + 1));
  const across = section.width / span;
  const down = section.height / numbered.length;
  const pitch = Math.min(across, down);
  const seats: SeatSpot[] = [];
  const rows: SeatSpot[][] = [];
  const spaces: WheelchairSpace[] = [];
  numbered.forEach((row, rowIndex) => {
    const indent = (span - (row.last - row.first + 1)) / 2;
    const y = section.y + (rowIndex + 0.5) * down;
    const place = (number: number) => {
      const column = indent + number - row.first;
      return { column, x: section.x + (column + 0.5) * across, y, rowIndex, row: row.row, number };
    };
    const line = row.numbers.map((number) => ({ ...place(number), id: `${section.id}-${row.row}-${number}`, section: section.id, tier: row.tier, companion: row.companions.has(number) }));
    rows.push(line);
    seats.push(...line);
    spaces.push(...row.spaces.map(place));
  });
  return {
    id: section.id,
    name: section.name,
    x: section.x,
    y: section.y,
    width: section.width,
    height: section.height,
    pitch,
    seats,
    rows,
    rowLabels: section.rows.map((row) => row.row),
    columns: span,
    spaces,
  };
}

function seatNumbers(seats: SeatRow['seats']): number[] {
  if (typeof seats === 'number') return Array.from({ length: seats }, (_, i) => i + 1);
  return seats.flatMap(({ from, to }) => Array.from({ length: to - from + 1 }, (_, i) => from + i));
}

/** How a seat is named wherever the buyer reads it: as the map names its section ("Floor 2, row 1, seat 4"). */
export function seatLabel(seat: Pick<SeatSpot, 'row' | 'number'>, section: Pick<SectionLayout, 'name'> | undefined): string {
  return `${section ? `${section.name}, ` : ''}row ${seat.row}, seat ${seat.number}`;
}
