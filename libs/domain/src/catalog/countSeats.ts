import type { SeatMap, SeatRow, SeatSection } from './seatMap';

export function countRowSeats(row: SeatRow): number {
  if (typeof row.seats === 'number') return row.seats;
  let total = 0;
  for (const range of row.seats) total += range.to - range.from + 1;
  return total;
}

export function countSectionSeats(section: SeatSection): number {
  let total = 0;
  for (const row of section.rows) total += countRowSeats(row);
  return total;
}

/** O(rows), never expands the seats. */
export function countSeats(map: SeatMap): number {
  let total = 0;
  for (const section of map.sections) total += countSectionSeats(section);
  return total;
}
