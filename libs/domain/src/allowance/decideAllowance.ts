import { DomainError, invalidRequest } from '../errors';
import { requireEpochMs, requireText } from '../inputGuards';
import { toIsoTimestamp } from '../timestamps';
import type { AllowanceCommand, ReleaseAllowance, ReserveAllowance } from './allowanceCommands';
import type { AllowanceEvent, AllowanceReleaseReason } from './allowanceEvents';
import type { AllowanceState } from './allowanceState';

const REASONS: readonly AllowanceReleaseReason[] = ['released', 'expired', 'failed'];

export function decideAllowance(command: AllowanceCommand, state: AllowanceState): AllowanceEvent[] {
  switch (command.type) {
    case 'ReserveAllowance':
      return reserve(command.data, state);
    case 'ReleaseAllowance':
      return release(command.data, state);
    default: {
      const _never: never = command;
      throw new Error(`Unknown allowance command ${String((_never as { type?: unknown }).type)}`);
    }
  }
}

/**
 * Reserved before the seats are held, so two concurrent holds on different shards cannot
 * both squeeze under the limit. No lazy expiry here: a hold past its expiry may also have
 * been bought (sales are not recorded in this stream), so only an explicit release frees it.
 */
function reserve(data: ReserveAllowance['data'], state: AllowanceState): AllowanceEvent[] {
  requireText(data.holdId, 'holdId');
  requireEpochMs(data.now, 'now');
  requireEpochMs(data.expiresAt, 'expiresAt');
  if (!Number.isInteger(data.quantity) || data.quantity < 1) throw invalidRequest('quantity', 'must be a positive integer', { value: data.quantity });
  if (!Number.isInteger(data.limit) || data.limit < 1) throw invalidRequest('limit', 'must be a positive integer', { value: data.limit });
  if (state.reservations.has(data.holdId)) return [];
  if (state.reserved + data.quantity > data.limit) {
    throw new DomainError(
      'limit_exceeded',
      `At most ${data.limit} tickets per customer: ${state.reserved} already held or bought, ${data.quantity} more requested`,
      { limit: data.limit, current: state.reserved, requested: data.quantity },
    );
  }
  return [
    {
      type: 'AllowanceReserved',
      data: { holdId: data.holdId, quantity: data.quantity, expiresAt: toIsoTimestamp(data.expiresAt), at: toIsoTimestamp(data.now) },
    },
  ];
}

/** Releasing what is unknown or already released is a no-op: releases come from retried compensations. */
function release(data: ReleaseAllowance['data'], state: AllowanceState): AllowanceEvent[] {
  requireText(data.holdId, 'holdId');
  requireEpochMs(data.now, 'now');
  if (!REASONS.includes(data.reason)) throw invalidRequest('reason', `must be one of ${REASONS.join(', ')}`, { value: data.reason });
  const reservation = state.reservations.get(data.holdId);
  if (!reservation || reservation.released) return [];
  return [{ type: 'AllowanceReleased', data: { holdId: data.holdId, at: toIsoTimestamp(data.now), reason: data.reason } }];
}
