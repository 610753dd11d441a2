import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ShowMessagesPage } from '@app/contracts';
import { MessageQueries } from '@app/read-models';
import { StaffScope } from '../../catalog/staffScope';
import { ProjectionsService } from '../../projections/projections.service';
import { showMessageView } from '../holderMessageViews';
import { ListShowMessagesQuery } from './listShowMessages.query';

/** A show's messages for its staff, newest first, with how far each one's email has got. */
@QueryHandler(ListShowMessagesQuery)
export class ListShowMessagesHandler implements IQueryHandler<ListShowMessagesQuery> {
  constructor(
    private readonly scope: StaffScope,
    private readonly projections: ProjectionsService,
    private readonly messages: MessageQueries,
  ) {}

  async execute({ staff, showId }: ListShowMessagesQuery): Promise<ShowMessagesPage> {
    await this.scope.show(staff, showId);
    await this.projections.catchUp();
    return { items: this.messages.forShow(showId).map(showMessageView) };
  }
}
