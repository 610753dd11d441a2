import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { toIsoTimestamp } from '@app/domain';
import { ReadDatabase, WaitlistQueries } from '@app/read-models';
import { ProjectionsService } from '../../projections/projections.service';
import { entryNotFound } from '../waitlistEndings';
import type { WaitlistEntryView } from '../waitlistTypes';
import { GetWaitlistEntryQuery } from './getWaitlistEntry.query';

/**
 * The customer's entry from the waiting line's read model, after catching up with the log:
 * its status, and its position = 1 + the entries of the show still waiting that joined earlier.
 */
@QueryHandler(GetWaitlistEntryQuery)
export class GetWaitlistEntryHandler implements IQueryHandler<GetWaitlistEntryQuery> {
  private readonly queries: WaitlistQueries;

  constructor(
    private readonly projections: ProjectionsService,
    readDb: ReadDatabase,
  ) {
    this.queries = new WaitlistQueries(readDb.reader);
  }

  async execute({ customerId, entryId }: GetWaitlistEntryQuery): Promise<WaitlistEntryView> {
    await this.projections.catchUp();
    const row = this.queries.get(entryId);
    // Someone else's entry answers exactly like a missing one.
    if (!row || row.customer_id !== customerId) throw entryNotFound(entryId);
    const nowIso = toIsoTimestamp(Date.now());
    const status = row.status === 'waiting' && row.waits_until <= nowIso ? 'expired' : row.status;
    return {
      entryId,
      showId: row.show_id,
      status,
      position: status === 'waiting' ? 1 + this.queries.countAhead(row.show_id, row.seq, nowIso) : null,
      quantity: row.quantity,
      ...(row.tier !== null ? { tier: row.tier } : {}),
      ...(row.section !== null ? { section: row.section } : {}),
      joinedAt: row.joined_at,
      waitsUntil: row.waits_until,
      ...(row.hold_id !== null ? { holdId: row.hold_id } : {}),
    };
  }
}
