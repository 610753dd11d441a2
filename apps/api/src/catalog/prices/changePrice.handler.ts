import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideShowPrices, evolveShowPrices, initialShowPricesState, type PriceChanged } from '@app/domain';
import type { PriceChange } from '@app/contracts';
import { WrongExpectedVersionError } from '@app/event-store';
import { madeBy } from '../../auth/staff';
import { ProjectionsService } from '../../projections/projections.service';
import { CatalogRepository } from '../catalogRepository';
import { ShowCatalog } from '../showCatalog';
import { StaffScope } from '../staffScope';
import { ChangePriceCommand } from './changePrice.command';

/** Two staff changing one show's prices at the same moment is rare: a few re-decisions settle it. */
const ATTEMPTS = 5;

/**
 * Changes a tier's price: loads the show's stream, decides against its current prices and
 * appends `PriceChanged` with the expected revision. Once it is durable, this process's
 * kept definition takes the new price before the answer goes out, so the next hold here
 * records it; other processes take it from the log.
 */
@CommandHandler(ChangePriceCommand)
export class ChangePriceHandler implements ICommandHandler<ChangePriceCommand> {
  constructor(
    private readonly catalog: CatalogRepository,
    private readonly shows: ShowCatalog,
    private readonly scope: StaffScope,
    private readonly projections: ProjectionsService,
  ) {}

  async execute({ staff, input }: ChangePriceCommand): Promise<PriceChange> {
    // Another organisation's show answers like a missing one.
    await this.scope.show(staff, input.showId);
    for (let attempt = 1; ; attempt++) {
      const stream = await this.catalog.loadShow(input.showId);
      // StaffScope found the show, so its stream exists.
      if (!stream) throw new Error(`Show ${input.showId} vanished from the store`);
      const state = [{ type: 'ShowScheduled' as const, data: stream.scheduled }, ...stream.changes].reduce(evolveShowPrices, initialShowPricesState());
      const [event] = decideShowPrices(
        { type: 'ChangePrice', data: { tier: input.tier, price: input.price, ...(input.currency !== undefined ? { currency: input.currency } : {}), now: Date.now() } },
        state,
      ) as PriceChanged[];
      try {
        const result = await this.catalog.appendToShow(input.showId, [{ ...event, metadata: { ...madeBy(staff), showId: input.showId } }], stream.revision);
        await this.shows.priceChanged({ data: event.data, streamRevision: result.nextExpectedRevision });
        // Read-your-writes for the manager who opens the show page next.
        await this.projections.waitForPosition(result.position);
        const { showId: _, ...change } = event.data;
        return { ...change, ...madeBy(staff) };
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError) || attempt >= ATTEMPTS) throw error;
      }
    }
  }
}
