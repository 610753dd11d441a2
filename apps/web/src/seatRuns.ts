/** A held seat as the hold's lines name it. */
export interface PlacedSeat {
  section: string;
  row: string;
  seat: number;
}

/** Seats side by side in one row: `from`..`to`. */
export interface SeatRun {
  section: string;
  row: string;
  from: number;
  to: number;
}

/**
 * The held seats as runs of neighbours (same section and row, consecutive numbers), in the
 * order first held. One run: the seats are together. A numbering gap (an aisle) splits a run.
 */
export function seatRuns(seats: readonly PlacedSeat[]): SeatRun[] {
  const byRow = new Map<string, PlacedSeat[]>();
  for (const s of seats) {
    const key = `${s.section}\u0000${s.row}`;
    byRow.set(key, [...(byRow.get(key) ?? []), s]);
  }
  const runs: SeatRun[] = [];
  for (const row of byRow.values()) {
    const numbers = [...new Set(row.map((s) => s.seat))].sort((a, b) => a - b);
    let from = numbers[0];
    for (let i = 1; i <= numbers.length; i++) {
      if (i < numbers.length && numbers[i] === numbers[i - 1] + 1) continue;
      runs.push({ section: row[0].section, row: row[0].row, from, to: numbers[i - 1] });
      from = numbers[i];
    }
  }
  return runs;
}

/** "row A, seats 1–5 and row A, seats 8–12"; the section is named when the runs are in several. */
export function describeRuns(runs: readonly SeatRun[]): string {
  const severalSections = new Set(runs.map((r) => r.section)).size > 1;
  const parts = runs.map((r) => `${severalSections ? `${r.section} ` : ''}row ${r.row}, ${r.from === r.to ? `seat ${r.from}` : `seats ${r.from}–${r.to}`}`);
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join('; ')} and ${parts[parts.length - 1]}`;
}
