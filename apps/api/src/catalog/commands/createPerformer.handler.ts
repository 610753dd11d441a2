import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Performer } from '@app/domain';
import { ProjectionsService } from '../../projections/projections.service';
import { catalogIdOrNew } from '../catalogIds';
import { CatalogRepository } from '../catalogRepository';
import { CreatePerformerCommand } from './createPerformer.command';

@CommandHandler(CreatePerformerCommand)
export class CreatePerformerHandler implements ICommandHandler<CreatePerformerCommand> {
  constructor(
    private readonly catalog: CatalogRepository,
    private readonly projections: ProjectionsService,
  ) {}

  async execute({ staff, input }: CreatePerformerCommand): Promise<Performer> {
    const performer: Performer = { id: catalogIdOrNew(input.id), name: input.name };
    const { position } = await this.catalog.create('performer', performer.id, performer, staff.userId);
    await this.projections.waitForPosition(position);
    return performer;
  }
}
