import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DEFAULT_GENERAL_SHARD_COUNT, invalidRequest, validateShow, withShowDefaults, type Show } from '@app/domain';
import { ProjectionsService } from '../../projections/projections.service';
import { catalogIdOrNew } from '../catalogIds';
import { CatalogRepository } from '../catalogRepository';
import { showView, type ShowView } from '@app/read-models';
import { ScheduleShowCommand } from './scheduleShow.command';
import { AppError } from '../../application/appError';
import { StaffScope } from '../staffScope';

@CommandHandler(ScheduleShowCommand)
export class ScheduleShowHandler implements ICommandHandler<ScheduleShowCommand> {
  constructor(
    private readonly catalog: CatalogRepository,
    private readonly projections: ProjectionsService,
    private readonly scope: StaffScope,
  ) {}

  async execute({ staff, input }: ScheduleShowCommand): Promise<ShowView> {
    const [event, venue] = await Promise.all([this.scope.event(staff, input.eventId), this.catalog.require('venue', input.venueId, 'venueId')]);
    // The venue's command checked its city, so a missing one is a damaged store.
    const city = await this.catalog.load('city', venue.cityId);
    if (!city) throw new Error(`Venue ${venue.id} is in city ${venue.cityId}, whose stream is missing`);
    // A venue is the platform's (open to all) or one organisation's, and then only for its events.
    if (venue.organisationId !== undefined && venue.organisationId !== event.organisationId) {
      if (staff.role !== 'admin') throw new AppError('not_found', `Venue ${venue.id} does not exist`, { field: 'venueId', id: venue.id });
      throw invalidRequest('venueId', `venue ${venue.id} belongs to organisation ${venue.organisationId}, event ${event.id} to ${event.organisationId ?? 'the platform'}`);
    }
    const requested: Show = { ...input, id: catalogIdOrNew(input.id) };
    validateShow(requested, venue);
    const show = frozen(requested);
    const { position } = await this.catalog.create('show', show.id, show, staff.userId);
    await this.projections.waitForPosition(position);
    return showView(show, venue, city.timeZone);
  }
}

/**
 * The event records every default as a value: the shard plan and the hold rules of a
 * show that is on sale must not move when a default in the code changes later. The
 * start is kept in UTC so the read model can sort and compare it as text.
 */
function frozen(show: Show): Show {
  const withDefaults: Show = {
    ...withShowDefaults(show),
    startsAt: new Date(show.startsAt).toISOString(),
    serviceFeePerTicket: show.serviceFeePerTicket ?? 0,
    vatBasisPoints: show.vatBasisPoints ?? 0,
  };
  if (show.kind === 'general') withDefaults.shardCount = show.shardCount ?? DEFAULT_GENERAL_SHARD_COUNT;
  return withDefaults;
}
