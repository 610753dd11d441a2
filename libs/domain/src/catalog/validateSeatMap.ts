import { invalidRequest } from '../errors';
import { countRowSeats } from './countSeats';
import { MAX_SEAT_NUMBER, MAX_SEATS_PER_MAP, MAX_SEATS_PER_ROW, type SeatMap, type SeatMapStage, type SeatRow } from './seatMap';

/** '-' is the seat id separator, so it may not appear in section ids or row labels. */
const LABEL = /^[A-Za-z0-9_]{1,32}$/;

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isSeatNumber = (value: unknown): value is number =>
  Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_SEAT_NUMBER;

/**
 * Checks a seat map, typically straight from an admin's JSON, and returns its seat
 * count. Throws 'invalid_request' whose `field` is the path of the first problem.
 */
export function validateSeatMap(map: SeatMap): number {
  if (!map || typeof map !== 'object' || !Array.isArray(map.sections)) {
    throw invalidRequest('seatMap.sections', 'must be an array of sections');
  }
  if (map.sections.length === 0) throw invalidRequest('seatMap.sections', 'a seat map needs at least one section');

  const sectionIds = new Set<string>();
  let total = 0;
  map.sections.forEach((section, s) => {
    const at = `seatMap.sections[${s}]`;
    if (!section || typeof section !== 'object') throw invalidRequest(at, 'must be an object');
    if (typeof section.id !== 'string' || !LABEL.test(section.id)) {
      throw invalidRequest(`${at}.id`, "must be 1-32 letters, digits or '_'", { value: section.id });
    }
    if (sectionIds.has(section.id)) throw invalidRequest(`${at}.id`, `duplicate section ${section.id}`, { value: section.id });
    sectionIds.add(section.id);
    if (typeof section.name !== 'string' || section.name.trim() === '') throw invalidRequest(`${at}.name`, 'must be a non-empty string');
    for (const key of ['x', 'y'] as const) {
      if (!isFiniteNumber(section[key])) throw invalidRequest(`${at}.${key}`, 'must be a finite number');
    }
    for (const key of ['width', 'height'] as const) {
      if (!isFiniteNumber(section[key]) || section[key] <= 0) throw invalidRequest(`${at}.${key}`, 'must be a positive number');
    }
    if (!Array.isArray(section.rows) || section.rows.length === 0) {
      throw invalidRequest(`${at}.rows`, `section ${section.id} needs at least one row`);
    }

    const rowLabels = new Set<string>();
    section.rows.forEach((row, r) => {
      const rowAt = `${at}.rows[${r}]`;
      if (!row || typeof row !== 'object') throw invalidRequest(rowAt, 'must be an object');
      if (typeof row.row !== 'string' || !LABEL.test(row.row)) {
        throw invalidRequest(`${rowAt}.row`, "must be 1-32 letters, digits or '_'", { value: row.row });
      }
      if (rowLabels.has(row.row)) throw invalidRequest(`${rowAt}.row`, `duplicate row ${row.row} in section ${section.id}`, { value: row.row });
      rowLabels.add(row.row);
      if (typeof row.tier !== 'string' || row.tier.trim() === '') throw invalidRequest(`${rowAt}.tier`, 'must be a non-empty string');
      validateRowSeats(row.seats, `${rowAt}.seats`);
      validateMarkedSpaces(row, rowAt);
      const seats = countRowSeats(row);
      if (seats > MAX_SEATS_PER_ROW) {
        throw invalidRequest(`${rowAt}.seats`, `a row may hold at most ${MAX_SEATS_PER_ROW} seats`, { seats });
      }
      total += seats;
    });
  });

  if (map.stage !== undefined) validateStage(map.stage);
  if (total > MAX_SEATS_PER_MAP) {
    throw invalidRequest('seatMap.sections', `a seat map may hold at most ${MAX_SEATS_PER_MAP} seats`, { seats: total });
  }
  return total;
}

function validateRowSeats(seats: unknown, at: string): void {
  if (typeof seats === 'number') {
    if (!Number.isInteger(seats) || seats < 1) throw invalidRequest(at, 'an empty row: the seat count must be a positive integer', { value: seats });
    return;
  }
  if (!Array.isArray(seats) || seats.length === 0) throw invalidRequest(at, 'an empty row: give a seat count or a non-empty list of ranges');
  let previousTo = 0;
  seats.forEach((range: { from?: unknown; to?: unknown } | null, i) => {
    const { from, to } = range ?? {};
    if (!isSeatNumber(from) || !isSeatNumber(to) || to < from) {
      throw invalidRequest(`${at}[${i}]`, `a range needs integers 1 <= from <= to <= ${MAX_SEAT_NUMBER}`, { value: range });
    }
    // Ascending, non-overlapping ranges keep left-to-right order equal to list order.
    if (from <= previousTo) throw invalidRequest(`${at}[${i}]`, 'ranges must be ascending and must not overlap', { value: range });
    previousTo = to;
  });
}

const hasNumber = (seats: SeatRow['seats'], n: number): boolean =>
  typeof seats === 'number' ? n >= 1 && n <= seats : seats.some((r) => n >= r.from && n <= r.to);

/** A wheelchair space is a gap in the numbering (no seat is sold there); a companion seat is a seat of the row. */
function validateMarkedSpaces(row: SeatRow, at: string): void {
  if (row.wheelchair !== undefined) {
    validateRowSeats(row.wheelchair, `${at}.wheelchair`);
    for (const range of row.wheelchair) {
      for (let n = range.from; n <= range.to; n++) {
        if (hasNumber(row.seats, n)) throw invalidRequest(`${at}.wheelchair`, `wheelchair space ${n} is a seat of row ${row.row}: leave it out of the seats`, { value: n });
      }
    }
  }
  if (row.companion !== undefined) {
    validateRowSeats(row.companion, `${at}.companion`);
    for (const range of row.companion) {
      for (let n = range.from; n <= range.to; n++) {
        if (!hasNumber(row.seats, n)) throw invalidRequest(`${at}.companion`, `companion seat ${n} is not a seat of row ${row.row}`, { value: n });
      }
    }
  }
}

function validateStage(stage: SeatMapStage): void {
  if (!stage || typeof stage !== 'object') throw invalidRequest('seatMap.stage', 'must be an object');
  if (typeof stage.label !== 'string' || stage.label.trim() === '') throw invalidRequest('seatMap.stage.label', 'must be a non-empty string');
  for (const key of ['x', 'y'] as const) {
    if (!isFiniteNumber(stage[key])) throw invalidRequest(`seatMap.stage.${key}`, 'must be a finite number');
  }
  for (const key of ['width', 'height'] as const) {
    if (!isFiniteNumber(stage[key]) || stage[key] <= 0) throw invalidRequest(`seatMap.stage.${key}`, 'must be a positive number');
  }
}
