import { DomainError, invalidRequest, isDomainError } from './errors';

describe('DomainError', () => {
  it('carries a code the HTTP layer maps, a message people read, and typed details', () => {
    const error = new DomainError('limit_exceeded', 'At most 10 tickets', { limit: 10, current: 8, requested: 3 });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'DomainError', code: 'limit_exceeded', message: 'At most 10 tickets', details: { limit: 10, current: 8, requested: 3 } });
  });

  it('is recognised, optionally by code', () => {
    const error = new DomainError('hold_not_found', 'No hold h1', { holdId: 'h1' });
    expect(isDomainError(error)).toBe(true);
    expect(isDomainError(error, 'hold_not_found')).toBe(true);
    expect(isDomainError(error, 'hold_expired')).toBe(false);
    expect(isDomainError(new Error('boom'))).toBe(false);
  });

  it('names the offending field of an invalid request', () => {
    const error = invalidRequest('quantity', 'must be an integer from 1 to 100', { value: 0 });
    expect(error).toMatchObject({ code: 'invalid_request', message: 'Invalid quantity: must be an integer from 1 to 100' });
    expect(error.details).toEqual({ field: 'quantity', reason: 'must be an integer from 1 to 100', value: 0 });
  });
});
