import { DomainError } from '../errors';

export interface SeatAddress {
  section: string;
  row: string;
  number: number;
}

export function formatSeatId(section: string, row: string, number: number): string {
  return `${section}-${row}-${number}`;
}

const SEAT_ID = /^([A-Za-z0-9_]+)-([A-Za-z0-9_]+)-([1-9][0-9]*)$/;

/** Inverse of formatSeatId; rejects anything formatSeatId could not have produced. */
export function parseSeatId(seatId: string): SeatAddress {
  const match = typeof seatId === 'string' ? SEAT_ID.exec(seatId) : null;
  if (!match) {
    throw new DomainError('invalid_seat', `Malformed seat id ${JSON.stringify(seatId)}: expected section-row-number`, {
      seatIds: [String(seatId)],
    });
  }
  return { section: match[1], row: match[2], number: Number(match[3]) };
}
