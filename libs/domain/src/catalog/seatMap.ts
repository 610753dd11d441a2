/**
 * A seat map is stored compactly (rows carry a seat count or number ranges, not seat
 * objects) so a 200,000-seat stadium stays a few thousand small row entries; the seats
 * themselves are only materialised per section, when a shard needs them.
 */

/** Seat numbers `from`..`to`, both inclusive. Gaps between ranges are aisles or missing seats. */
export interface SeatRange {
  from: number;
  to: number;
}

export interface SeatRow {
  /** Row label, e.g. '1' or 'AA'; letters, digits and '_' only, since '-' separates seat id parts. */
  row: string;
  /** A count means seats 1..count; ranges allow gaps in the numbering. */
  seats: number | SeatRange[];
  /** Price category, e.g. 'vip' | 'regular' | 'economy'; any name the show prices. */
  tier: string;
  /** Wheelchair spaces: numbers in the row's numbering with no seat (a gap in `seats`), drawn and labelled on the map. */
  wheelchair?: SeatRange[];
  /** Companion seats: ordinary seats of the row, beside a wheelchair space, marked on the map. */
  companion?: SeatRange[];
}

export interface SeatSection {
  /** Letters, digits and '_' only, since '-' separates seat id parts. */
  id: string;
  name: string;
  /** Layout for drawing, in arbitrary units shared by all sections of the map. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Front row first: best-available prefers lower row indexes. */
  rows: SeatRow[];
}

/** Where the performance is (stage, screen, pitch), in the sections' units: drawn on the map for orientation. */
export interface SeatMapStage {
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SeatMap {
  sections: SeatSection[];
  stage?: SeatMapStage;
}

/** One seat as the inventory sees it. */
export interface SeatUnit {
  /** `${section}-${row}-${number}`, e.g. 'A-12-7'. */
  seatId: string;
  section: string;
  row: string;
  number: number;
  tier: string;
  /** Position of the row within its section, 0 = front. */
  rowIndex: number;
  /** Position of the seat within its row, 0-based, left to right. */
  indexInRow: number;
}

/** A whole map may not exceed this: larger venues would be split into several maps. */
export const MAX_SEATS_PER_MAP = 250_000;

/** One row must fit in one inventory shard, because shards are cut at row boundaries. */
export const MAX_SEATS_PER_ROW = 5_000;

/** Highest seat number accepted in a range; keeps seat ids short and typos visible. */
export const MAX_SEAT_NUMBER = 99_999;
