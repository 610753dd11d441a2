import { DomainError, type DomainErrorDetails } from '../errors';
import type { SeatMap, SeatRow, SeatSection } from './seatMap';
import { validateSeatMap } from './validateSeatMap';

const section = (id: string, rows: SeatRow[], extra: Partial<SeatSection> = {}): SeatSection => ({
  id,
  name: `Section ${id}`,
  x: 0,
  y: 0,
  width: 10,
  height: 10,
  rows,
  ...extra,
});
const row = (label: string, seats: SeatRow['seats'], tier = 'regular'): SeatRow => ({ row: label, seats, tier });

function problem(map: SeatMap): DomainErrorDetails['invalid_request'] {
  try {
    validateSeatMap(map);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'invalid_request') return error.details as DomainErrorDetails['invalid_request'];
    throw error;
  }
  throw new Error('expected the map to be rejected');
}

describe('validateSeatMap', () => {
  it('accepts a well-formed map and returns its seat count', () => {
    expect(validateSeatMap({ sections: [section('A', [row('1', 10), row('2', [{ from: 1, to: 4 }, { from: 7, to: 9 }])]), section('B', [row('1', 5)])] })).toBe(22);
  });

  it('accepts wheelchair spaces in a gap, companion seats beside them and a stage; the spaces are not seats', () => {
    const accessible: SeatRow = { ...row('J', [{ from: 1, to: 4 }, { from: 7, to: 9 }]), wheelchair: [{ from: 5, to: 6 }], companion: [{ from: 4, to: 4 }, { from: 7, to: 7 }] };
    expect(validateSeatMap({ sections: [section('A', [accessible])], stage: { label: 'Screen', x: 0, y: -3, width: 10, height: 2 } })).toBe(7);
  });

  it.each<[string, SeatMap, string, RegExp]>([
    ['no sections', { sections: [] }, 'seatMap.sections', /at least one section/],
    ['duplicate sections', { sections: [section('A', [row('1', 1)]), section('A', [row('1', 1)])] }, 'seatMap.sections[1].id', /duplicate section A/],
    ['a section id with the seat id separator', { sections: [section('A-1', [row('1', 1)])] }, 'seatMap.sections[0].id', /letters, digits/],
    ['a section without rows', { sections: [section('A', [])] }, 'seatMap.sections[0].rows', /at least one row/],
    ['duplicate rows', { sections: [section('A', [row('1', 1), row('1', 2)])] }, 'seatMap.sections[0].rows[1].row', /duplicate row 1/],
    ['an empty row (count)', { sections: [section('A', [row('1', 0)])] }, 'seatMap.sections[0].rows[0].seats', /empty row/],
    ['an empty row (ranges)', { sections: [section('A', [row('1', [])])] }, 'seatMap.sections[0].rows[0].seats', /empty row/],
    ['a fractional seat count', { sections: [section('A', [row('1', 2.5)])] }, 'seatMap.sections[0].rows[0].seats', /positive integer/],
    ['a reversed range', { sections: [section('A', [row('1', [{ from: 5, to: 3 }])])] }, 'seatMap.sections[0].rows[0].seats[0]', /from <= to/],
    ['a range from seat 0', { sections: [section('A', [row('1', [{ from: 0, to: 3 }])])] }, 'seatMap.sections[0].rows[0].seats[0]', /1 <= from/],
    [
      'overlapping ranges',
      { sections: [section('A', [row('1', [{ from: 1, to: 5 }, { from: 5, to: 8 }])])] },
      'seatMap.sections[0].rows[0].seats[1]',
      /must not overlap/,
    ],
    [
      'descending ranges',
      { sections: [section('A', [row('1', [{ from: 10, to: 12 }, { from: 1, to: 2 }])])] },
      'seatMap.sections[0].rows[0].seats[1]',
      /ascending/,
    ],
    ['a row without a tier', { sections: [section('A', [row('1', 3, '')])] }, 'seatMap.sections[0].rows[0].tier', /non-empty/],
    ['a row longer than a shard', { sections: [section('A', [row('1', 5_001)])] }, 'seatMap.sections[0].rows[0].seats', /at most 5000/],
    ['a zero-width section', { sections: [section('A', [row('1', 1)], { width: 0 })] }, 'seatMap.sections[0].width', /positive/],
    ['a section without a position', { sections: [section('A', [row('1', 1)], { x: Number.NaN })] }, 'seatMap.sections[0].x', /finite/],
    ['a wheelchair space on a seat', { sections: [section('A', [{ ...row('J', [{ from: 1, to: 4 }, { from: 7, to: 9 }]), wheelchair: [{ from: 4, to: 5 }] }])] }, 'seatMap.sections[0].rows[0].wheelchair', /space 4 is a seat/],
    ['a companion seat that is no seat', { sections: [section('A', [{ ...row('J', [{ from: 1, to: 4 }, { from: 7, to: 9 }]), companion: [{ from: 5, to: 5 }] }])] }, 'seatMap.sections[0].rows[0].companion', /seat 5 is not a seat/],
    ['a stage of no size', { sections: [section('A', [row('1', 1)])], stage: { label: 'Stage', x: 0, y: -5, width: 0, height: 2 } }, 'seatMap.stage.width', /positive/],
  ])('rejects %s, naming the field', (_, map, field, reason) => {
    const details = problem(map);
    expect(details.field).toBe(field);
    expect(details.reason).toMatch(reason);
  });

  it('rejects a map above 250,000 seats', () => {
    // 51 sections x 50 rows x 100 seats = 255,000.
    const sections = Array.from({ length: 51 }, (_, s) => section(`S${s}`, Array.from({ length: 50 }, (_, r) => row(String(r + 1), 100))));
    expect(problem({ sections })).toMatchObject({ field: 'seatMap.sections', seats: 255_000 });
  });

  it('rejects something that is not a map at all', () => {
    expect(problem({} as SeatMap).field).toBe('seatMap.sections');
  });
});
