import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import { showPricesDecider, type PriceChanged } from '@app/domain';
import type { PriceChange } from '@app/contracts';
import type { EventStore } from '@app/event-store';
import { madeBy } from '../../auth/staff';
import { ProjectionsService } from '../../projections/projections.service';
import { decideAndAppend } from '../../infrastructure/decideAndAppend';
import { EVENT_STORE } from '../../infrastructure/tokens';
import { catalogStream } from '../catalogStreams';
import { ShowCatalog } from '../showCatalog';
import { StaffScope } from '../staffScope';
import { ChangePriceCommand } from './changePrice.command';

/**
 * Changes a tier's price: decides against the show's stream as read and appends `PriceChanged`
 * with the expected revision (`decideAndAppend`, which decides again after a conflict). Once it
 * is durable, this process's kept definition takes the new price before the answer goes out, so
 * the next hold here records it; other processes take it from the log.
 */
@CommandHandler(ChangePriceCommand)
export class ChangePriceHandler implements ICommandHandler<ChangePriceCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly shows: ShowCatalog,
    private readonly scope: StaffScope,
    private readonly projections: ProjectionsService,
  ) {}

  async execute({ staff, input }: ChangePriceCommand): Promise<PriceChange> {
    // Another organisation's show answers like a missing one.
    await this.scope.show(staff, input.showId);
    const { events, position, revision } = await decideAndAppend(
      this.store,
      catalogStream('show', input.showId),
      showPricesDecider,
      { type: 'ChangePrice', data: { tier: input.tier, price: input.price, ...(input.currency !== undefined ? { currency: input.currency } : {}), now: Date.now() } },
      { ...madeBy(staff), showId: input.showId },
    );
    // The decider answers a change with exactly one PriceChanged, or refuses it.
    const [event] = events as PriceChanged[];
    await this.shows.priceChanged({ data: event.data, streamRevision: revision! });
    // Read-your-writes for the manager who opens the show page next.
    await this.projections.waitForPosition(position!);
    const { showId: _, ...change } = event.data;
    return { ...change, ...madeBy(staff) };
  }
}
