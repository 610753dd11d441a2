import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ReadDatabase, WaitlistQueries } from '@app/read-models';
import { ProjectionsService } from '../../projections/projections.service';
import { entryNotFound, WaitlistEndings } from '../waitlistEndings';
import { WaitlistLines } from '../waitlistLines';
import { LeaveWaitlistCommand } from './leaveWaitlist.command';

/** The customer leaves the line (`WaitlistLeft`), and the entry's allowance comes back. */
@CommandHandler(LeaveWaitlistCommand)
export class LeaveWaitlistHandler implements ICommandHandler<LeaveWaitlistCommand> {
  private readonly queries: WaitlistQueries;

  constructor(
    private readonly lines: WaitlistLines,
    private readonly endings: WaitlistEndings,
    private readonly projections: ProjectionsService,
    readDb: ReadDatabase,
  ) {
    this.queries = new WaitlistQueries(readDb.reader);
  }

  async execute({ customerId, entryId }: LeaveWaitlistCommand): Promise<void> {
    await this.projections.catchUp();
    const row = this.queries.get(entryId);
    if (!row || row.customer_id !== customerId) throw entryNotFound(entryId);
    await this.lines.line(row.show_id).execute({ type: 'LeaveWaitlist', data: { entryId, customerId, now: Date.now() } });
    // Also after a repeated leave: the first one may have died before giving the allowance back.
    await this.endings.returnAllowance(row.show_id, customerId, entryId, 'released');
  }
}
