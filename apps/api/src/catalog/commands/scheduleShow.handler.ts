import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DEFAULT_GENERAL_SHARD_COUNT, validateShow, withShowDefaults, type Show } from '@app/domain';
import { ProjectionsService } from '../../projections/projections.service';
import { catalogIdOrNew } from '../catalogIds';
import { CatalogRepository } from '../catalogRepository';
import { showView, type ShowView } from '@app/read-models';
import { ScheduleShowCommand } from './scheduleShow.command';

@CommandHandler(ScheduleShowCommand)
export class ScheduleShowHandler implements ICommandHandler<ScheduleShowCommand> {
  constructor(
    private readonly catalog: CatalogRepository,
    private readonly projections: ProjectionsService,
  ) {}

  async execute({ input }: ScheduleShowCommand): Promise<ShowView> {
    const [, venue] = await Promise.all([
      this.catalog.require('event', input.eventId, 'eventId'),
      this.catalog.require('venue', input.venueId, 'venueId'),
    ]);
    const requested: Show = { ...input, id: catalogIdOrNew(input.id) };
    validateShow(requested, venue);
    const show = frozen(requested);
    const { position } = await this.catalog.create('show', show.id, show);
    await this.projections.waitForPosition(position);
    return showView(show, venue);
  }
}

/**
 * The event records every default as a value: the shard plan and the hold rules of a
 * show that is on sale must not move when a default in the code changes later. The
 * start is kept in UTC so the read model can sort and compare it as text.
 */
function frozen(show: Show): Show {
  const withDefaults: Show = { ...withShowDefaults(show), startsAt: new Date(show.startsAt).toISOString() };
  if (show.kind === 'general') withDefaults.shardCount = show.shardCount ?? DEFAULT_GENERAL_SHARD_COUNT;
  return withDefaults;
}
