import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InventoryReadService, type SeatMapBody } from '../inventoryReadService';
import { GetSeatMapQuery } from './getSeatMap.query';

@QueryHandler(GetSeatMapQuery)
export class GetSeatMapHandler implements IQueryHandler<GetSeatMapQuery> {
  constructor(private readonly reads: InventoryReadService) {}

  execute({ showId, section }: GetSeatMapQuery): Promise<SeatMapBody> {
    return this.reads.seatMapBody(showId, section);
  }
}
