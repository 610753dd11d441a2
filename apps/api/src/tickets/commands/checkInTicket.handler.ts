import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { isDomainError, MAX_GATE_NAME, type DomainError, type TicketAdmitted } from '@app/domain';
import type { CheckIn } from '@app/contracts';
import { AppError } from '../../application/appError';
import { madeBy } from '../../auth/staff';
import { StaffScope } from '../../catalog/staffScope';
import { ShardRegistry, type ShardWriter } from '../../inventory/shardRegistry';
import { TicketPasses } from '../ticketPasses';
import { CheckInTicketCommand } from './checkInTicket.command';

/** A decided outcome, and whether a check-in was written (201) or not (200). */
export interface CheckInResult {
  written: boolean;
  answer: CheckIn;
}

/**
 * A gate scanned a ticket. The signature is checked here, against the show's key, without
 * touching any stream; a ticket signed for this show is then decided on the shard stream
 * that sold it (`AdmitTicket`), in turn with that shard's holds and sales, so one ticket is
 * admitted once whichever gates, processes or regions scan it at the same moment.
 */
@CommandHandler(CheckInTicketCommand)
export class CheckInTicketHandler implements ICommandHandler<CheckInTicketCommand, CheckInResult> {
  constructor(
    private readonly scope: StaffScope,
    private readonly registry: ShardRegistry,
    private readonly passes: TicketPasses,
  ) {}

  async execute({ staff, showId, payload, gate }: CheckInTicketCommand): Promise<CheckInResult> {
    await this.scope.show(staff, showId);
    if (gate.trim().length === 0 || gate.length > MAX_GATE_NAME) {
      throw new AppError('invalid_request', `gate must name the gate in 1 to ${MAX_GATE_NAME} characters`, { field: 'gate' });
    }
    const pass = this.passes.read(payload);
    if (pass.kind === 'malformed') throw new AppError('invalid_request', `payload is ${pass.reason}`, { field: 'payload' });
    if (pass.kind === 'invalid_signature') {
      return { written: false, answer: { outcome: 'invalid_signature', message: 'Not a genuine ticket: its signature does not match' } };
    }
    if (pass.showId !== showId) {
      return { written: false, answer: { outcome: 'wrong_show', ticketId: pass.ticketId, message: 'This ticket is for another show' } };
    }
    const inventory = await this.registry.show(showId);
    const shard = inventory?.shards.find((s) => s.plan.shardId === pass.shardId);
    if (!shard) throw new AppError('not_found', `Ticket ${pass.ticketId} does not exist`, { ticketId: pass.ticketId });
    try {
      const admitted = await this.admit(shard.writer, pass.ticketId, gate, staff);
      return { written: true, answer: { outcome: 'admitted', ticketId: pass.ticketId, admittedAt: admitted.admittedAt, gate: admitted.gate, message: 'Admitted' } };
    } catch (error) {
      if (isDomainError(error, 'ticket_already_admitted')) {
        const { admittedAt, gate: first } = (error as DomainError<'ticket_already_admitted'>).details!;
        return { written: false, answer: { outcome: 'already_admitted', ticketId: pass.ticketId, admittedAt, gate: first, message: `Already admitted at ${first}` } };
      }
      if (isDomainError(error, 'ticket_refunded')) {
        const { refundedAt } = (error as DomainError<'ticket_refunded'>).details!;
        return { written: false, answer: { outcome: 'refunded', ticketId: pass.ticketId, refundedAt, message: 'This ticket was refunded' } };
      }
      if (isDomainError(error, 'ticket_not_found')) throw new AppError('not_found', `Ticket ${pass.ticketId} does not exist`, { ticketId: pass.ticketId });
      throw error;
    }
  }

  /**
   * A ticket another process sold may be newer than this process's copy of the shard, and
   * deciding "unknown" writes nothing, so no expected revision would catch it: the shard is
   * read fresh from the store once before a ticket is called unknown. (A ticket known here
   * needs no such care: admitting it appends at the revision this copy saw.)
   */
  private async admit(writer: ShardWriter, ticketId: string, gate: string, staff: CheckInTicketCommand['staff']): Promise<TicketAdmitted['data']> {
    const command = { type: 'AdmitTicket' as const, data: { ticketId, gate, now: Date.now() } };
    const metadata = madeBy(staff);
    try {
      return admittedOf(await writer.execute(command, { metadata }));
    } catch (error) {
      if (!isDomainError(error, 'ticket_not_found')) throw error;
      await writer.read(() => undefined, { fresh: true });
      return admittedOf(await writer.execute({ ...command, data: { ...command.data, now: Date.now() } }, { metadata }));
    }
  }
}

function admittedOf(decided: { events: ReadonlyArray<{ type: string; data: unknown }> }): TicketAdmitted['data'] {
  return decided.events.find((e) => e.type === 'TicketAdmitted')!.data as TicketAdmitted['data'];
}
