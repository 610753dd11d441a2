import { givenWhenThen } from '../testing';
import type { AllowanceCommand } from './allowanceCommands';
import { allowanceDecider } from './allowanceDecider';
import type { AllowanceReleased, AllowanceReserved } from './allowanceEvents';
import { allowanceStream } from './allowanceStream';

const spec = givenWhenThen(allowanceDecider);
const T0 = Date.parse('2026-06-01T18:00:00.000Z');
const EXPIRES = T0 + 600_000;
const iso = (ms: number) => new Date(ms).toISOString();

const reserve = (holdId: string, quantity: number, limit = 10): AllowanceCommand => ({
  type: 'ReserveAllowance',
  data: { holdId, quantity, limit, now: T0, expiresAt: EXPIRES },
});
const release = (holdId: string, reason: AllowanceReleased['data']['reason'] = 'released'): AllowanceCommand => ({
  type: 'ReleaseAllowance',
  data: { holdId, now: T0 + 1000, reason },
});
const reserved = (holdId: string, quantity: number): AllowanceReserved => ({
  type: 'AllowanceReserved',
  data: { holdId, quantity, expiresAt: iso(EXPIRES), at: iso(T0) },
});
const released = (holdId: string, reason: AllowanceReleased['data']['reason'] = 'released'): AllowanceReleased => ({
  type: 'AllowanceReleased',
  data: { holdId, at: iso(T0 + 1000), reason },
});

describe('customer allowance', () => {
  it('lives in one stream per show and customer', () => {
    expect(allowanceStream('show-1', 'cust-9')).toBe('customer-show-1-cust-9');
  });

  describe('ReserveAllowance', () => {
    it('reserves within the limit', () => {
      spec.given([reserved('h1', 6)]).when(reserve('h2', 4)).then([reserved('h2', 4)]);
    });

    it('refuses to go over the limit, saying how far', () => {
      spec
        .given([reserved('h1', 6)])
        .when(reserve('h2', 5))
        .thenThrows('limit_exceeded', (details) => details.limit === 10 && details.current === 6 && details.requested === 5);
    });

    it('refuses a first request larger than the limit', () => {
      spec.given([]).when(reserve('h1', 11)).thenThrows('limit_exceeded', (details) => details.current === 0);
    });

    it('is a no-op for a holdId already reserved (a retry), even at the limit', () => {
      spec.given([reserved('h1', 10)]).when(reserve('h1', 10)).then([]);
    });

    it('does not reserve again for a holdId that was released', () => {
      spec.given([reserved('h1', 4), released('h1')]).when(reserve('h1', 4)).then([]);
    });

    it('counts released reservations no longer', () => {
      spec.given([reserved('h1', 8), released('h1', 'expired')]).when(reserve('h2', 10)).then([reserved('h2', 10)]);
    });

    it('keeps counting a bought hold forever: its allowance is never released', () => {
      // h1 was sold: nothing releases it, so tickets owned count like tickets held.
      spec.given([reserved('h1', 7), reserved('h2', 2), released('h2', 'failed')]).when(reserve('h3', 4)).thenThrows('limit_exceeded', (d) => d.current === 7);
    });

    it.each([
      ['quantity', { quantity: 0 }],
      ['quantity', { quantity: 1.5 }],
      ['limit', { limit: 0 }],
      ['holdId', { holdId: '' }],
      ['now', { now: Number.NaN }],
      ['expiresAt', { expiresAt: undefined }],
    ])('rejects a bad %s', (field, patch) => {
      const command = reserve('h1', 1);
      spec
        .given([])
        .when({ ...command, data: { ...command.data, ...patch } } as AllowanceCommand)
        .thenThrows('invalid_request', (details) => details.field === field);
    });
  });

  describe('ReleaseAllowance', () => {
    it('releases a reservation, saying why', () => {
      spec.given([reserved('h1', 2)]).when(release('h1', 'expired')).then([released('h1', 'expired')]);
    });

    it('is a no-op when already released', () => {
      spec.given([reserved('h1', 2), released('h1')]).when(release('h1')).then([]);
    });

    it('is a no-op for an unknown hold', () => {
      spec.given([]).when(release('h1')).then([]);
    });

    it('rejects an unknown reason', () => {
      spec
        .given([reserved('h1', 2)])
        .when(release('h1', 'whim' as never))
        .thenThrows('invalid_request', (details) => details.field === 'reason');
    });
  });

  it('keeps the running total in the state', () => {
    const state = spec.given([reserved('h1', 3), reserved('h2', 4), released('h1'), released('h1')]).when(release('h2')).state();
    expect(state.reserved).toBe(4);
  });
});
