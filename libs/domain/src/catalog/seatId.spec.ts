import { isDomainError } from '../errors';
import { formatSeatId, parseSeatId } from './seatId';

describe('seat ids', () => {
  it('are section-row-number', () => {
    expect(formatSeatId('A', '12', 7)).toBe('A-12-7');
  });

  it('parse back into their parts', () => {
    expect(parseSeatId('W1_03-AA-117')).toEqual({ section: 'W1_03', row: 'AA', number: 117 });
  });

  it.each(['A-12', 'A-12-7-1', 'A--7', 'A-1-0', 'A-1-07', 'A-1-x', '', 'A 1-1-1'])('reject the malformed %j', (seatId) => {
    let error: unknown;
    try {
      parseSeatId(seatId);
    } catch (caught) {
      error = caught;
    }
    expect(isDomainError(error, 'invalid_seat') && error.details?.seatIds).toEqual([seatId]);
  });
});
