import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { currentShow } from '@app/domain';
import type { ShowPrices } from '@app/contracts';
import { CatalogRepository } from '../catalogRepository';
import { StaffScope } from '../staffScope';
import { GetShowPricesQuery } from './getShowPrices.query';

/** A show's price history, straight from its stream (a handful of events): exact, and with who changed what. */
@QueryHandler(GetShowPricesQuery)
export class GetShowPricesHandler implements IQueryHandler<GetShowPricesQuery> {
  constructor(
    private readonly catalog: CatalogRepository,
    private readonly scope: StaffScope,
  ) {}

  async execute({ staff, showId }: GetShowPricesQuery): Promise<ShowPrices> {
    await this.scope.show(staff, showId);
    const stream = await this.catalog.loadShow(showId);
    if (!stream) throw new Error(`Show ${showId} vanished from the store`);
    const tiers = (show: { tiers: ShowPrices['tiers'] }) => show.tiers.map(({ tier, price, currency }) => ({ tier, price, currency }));
    return {
      showId,
      tiers: tiers(currentShow(stream.scheduled, stream.changes.map((c) => c.data))),
      scheduledTiers: tiers(stream.scheduled),
      changes: stream.changes.map(({ data, metadata }) => ({
        tier: data.tier,
        price: data.price,
        currency: data.currency,
        previousPrice: data.previousPrice,
        changedAt: data.changedAt,
        by: typeof metadata.by === 'string' ? metadata.by : 'unknown',
      })),
    };
  }
}
