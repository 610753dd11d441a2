import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InventoryReadService } from '../inventoryReadService';
import { GetAvailabilityQuery } from './getAvailability.query';

@QueryHandler(GetAvailabilityQuery)
export class GetAvailabilityHandler implements IQueryHandler<GetAvailabilityQuery> {
  constructor(private readonly reads: InventoryReadService) {}

  execute({ showId }: GetAvailabilityQuery): Promise<string> {
    return this.reads.availabilityJson(showId);
  }
}
