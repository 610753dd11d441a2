import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { City } from '@app/domain';
import { ProjectionsService } from '../../projections/projections.service';
import { catalogIdOrNew } from '../catalogIds';
import { CatalogRepository } from '../catalogRepository';
import { CreateCityCommand } from './createCity.command';

@CommandHandler(CreateCityCommand)
export class CreateCityHandler implements ICommandHandler<CreateCityCommand> {
  constructor(
    private readonly catalog: CatalogRepository,
    private readonly projections: ProjectionsService,
  ) {}

  async execute({ staff, input }: CreateCityCommand): Promise<City> {
    const city: City = { id: catalogIdOrNew(input.id), name: input.name, country: input.country, timeZone: input.timeZone };
    const { position } = await this.catalog.create('city', city.id, city, staff.userId);
    // Read-your-writes for the admin who lists cities next; public reads never wait.
    await this.projections.waitForPosition(position);
    return city;
  }
}
