import { decideAdmitTicket, decideRefundTickets } from './checkIn';
import { decideExpireHold } from './expireHold';
import { decideHoldSeats } from './holdSeats';
import type { InventoryCommand } from './inventoryCommands';
import type { InventoryEvent } from './inventoryEvents';
import type { InventoryState } from './inventoryState';
import { decideReleaseHold } from './releaseHold';
import { decideSellHold } from './sellHold';
import { decideTransferIn, decideTransferOut } from './transferCapacity';

/** Reads the state, never mutates it: a rejected append must leave nothing behind. */
export function decideInventory(command: InventoryCommand, state: InventoryState): InventoryEvent[] {
  switch (command.type) {
    case 'HoldSeats':
      return decideHoldSeats(command.data, state);
    case 'ReleaseHold':
      return decideReleaseHold(command.data, state);
    case 'ExpireHold':
      return decideExpireHold(command.data, state);
    case 'SellHold':
      return decideSellHold(command.data, state);
    case 'TransferCapacityOut':
      return decideTransferOut(command.data, state);
    case 'TransferCapacityIn':
      return decideTransferIn(command.data, state);
    case 'AdmitTicket':
      return decideAdmitTicket(command.data, state);
    case 'RefundTickets':
      return decideRefundTickets(command.data, state);
    default: {
      const _never: never = command;
      throw new Error(`Unknown inventory command ${String((_never as { type?: unknown }).type)}`);
    }
  }
}
