import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { validateSeatMap, type Venue } from '@app/domain';
import { ProjectionsService } from '../../projections/projections.service';
import { catalogIdOrNew } from '../catalogIds';
import { CatalogRepository } from '../catalogRepository';
import { venueView, type VenueView } from '@app/read-models';
import { CreateVenueCommand } from './createVenue.command';

@CommandHandler(CreateVenueCommand)
export class CreateVenueHandler implements ICommandHandler<CreateVenueCommand> {
  constructor(
    private readonly catalog: CatalogRepository,
    private readonly projections: ProjectionsService,
  ) {}

  async execute({ input }: CreateVenueCommand): Promise<VenueView> {
    // The DTO checked the shape; the domain checks what makes a map sellable (labels, ranges, size limits).
    if (input.seatMap) validateSeatMap(input.seatMap);
    await this.catalog.require('city', input.cityId, 'cityId');
    const venue: Venue = {
      id: catalogIdOrNew(input.id),
      cityId: input.cityId,
      name: input.name,
      kind: input.kind,
      ...(input.seatMap ? { seatMap: input.seatMap } : {}),
    };
    const { position } = await this.catalog.create('venue', venue.id, venue);
    await this.projections.waitForPosition(position);
    return venueView(venue);
  }
}
