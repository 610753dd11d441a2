import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { HolderMessagesPage } from '@app/contracts';
import { MessageQueries } from '@app/read-models';
import { ProjectionsService } from '../../projections/projections.service';
import { holderMessageView } from '../holderMessageViews';
import { ListMyMessagesQuery } from './listMyMessages.query';

/** The messages meant for a customer: of the shows (and tiers) it holds tickets for, newest first. */
@QueryHandler(ListMyMessagesQuery)
export class ListMyMessagesHandler implements IQueryHandler<ListMyMessagesQuery> {
  constructor(
    private readonly projections: ProjectionsService,
    private readonly messages: MessageQueries,
  ) {}

  async execute({ customerId }: ListMyMessagesQuery): Promise<HolderMessagesPage> {
    await this.projections.catchUp();
    return { items: this.messages.forCustomer(customerId).map(holderMessageView) };
  }
}
