import { formatSeatId } from './seatId';
import type { SeatSection, SeatUnit } from './seatMap';

/** The section's seats, front row first, left to right within a row. Assumes a validated map. */
export function expandSection(section: SeatSection): SeatUnit[] {
  const seats: SeatUnit[] = [];
  section.rows.forEach((row, rowIndex) => {
    let indexInRow = 0;
    const ranges = typeof row.seats === 'number' ? [{ from: 1, to: row.seats }] : row.seats;
    for (const range of ranges) {
      for (let number = range.from; number <= range.to; number++) {
        seats.push({
          seatId: formatSeatId(section.id, row.row, number),
          section: section.id,
          row: row.row,
          number,
          tier: row.tier,
          rowIndex,
          indexInRow: indexInRow++,
        });
      }
    }
  });
  return seats;
}
