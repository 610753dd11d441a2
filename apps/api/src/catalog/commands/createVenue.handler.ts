import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { validateSeatMap, type Venue } from '@app/domain';
import { ProjectionsService } from '../../projections/projections.service';
import { catalogIdOrNew } from '../catalogIds';
import { CatalogRepository } from '../catalogRepository';
import { venueView, type VenueView } from '@app/read-models';
import { CreateVenueCommand } from './createVenue.command';
import { ownedBy } from './ownedBy';
import { StaffDirectory } from '../../accounts/staffDirectory';

@CommandHandler(CreateVenueCommand)
export class CreateVenueHandler implements ICommandHandler<CreateVenueCommand> {
  constructor(
    private readonly catalog: CatalogRepository,
    private readonly projections: ProjectionsService,
    private readonly directory: StaffDirectory,
  ) {}

  async execute({ staff, input }: CreateVenueCommand): Promise<VenueView> {
    // The DTO checked the shape; the domain checks what makes a map sellable (labels, ranges, size limits).
    if (input.seatMap) validateSeatMap(input.seatMap);
    await this.catalog.require('city', input.cityId, 'cityId');
    const venue: Venue = {
      id: catalogIdOrNew(input.id),
      cityId: input.cityId,
      name: input.name,
      kind: input.kind,
      ...(await ownedBy(staff, input.organisationId, this.directory)),
      ...(input.seatMap ? { seatMap: input.seatMap } : {}),
    };
    const { position } = await this.catalog.create('venue', venue.id, venue, staff.userId);
    await this.projections.waitForPosition(position);
    return venueView(venue);
  }
}
