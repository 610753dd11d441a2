import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EventInfo } from '@app/domain';
import { ProjectionsService } from '../../projections/projections.service';
import { catalogIdOrNew } from '../catalogIds';
import { CatalogRepository } from '../catalogRepository';
import { CreateEventCommand } from './createEvent.command';
import { ownedBy } from './ownedBy';
import { StaffDirectory } from '../../accounts/staffDirectory';

@CommandHandler(CreateEventCommand)
export class CreateEventHandler implements ICommandHandler<CreateEventCommand> {
  constructor(
    private readonly catalog: CatalogRepository,
    private readonly projections: ProjectionsService,
    private readonly directory: StaffDirectory,
  ) {}

  async execute({ staff, input }: CreateEventCommand): Promise<EventInfo> {
    await this.catalog.require('performer', input.performerId, 'performerId');
    const event: EventInfo = {
      id: catalogIdOrNew(input.id),
      name: input.name,
      description: input.description,
      category: input.category,
      performerId: input.performerId,
      ...(await ownedBy(staff, input.organisationId, this.directory)),
    };
    const { position } = await this.catalog.create('event', event.id, event, staff.userId);
    await this.projections.waitForPosition(position);
    return event;
  }
}
