import { Query } from '@nestjs/cqrs';
import type { SeatMapBody } from '../inventoryReadService';

/** A seated show's seat map (one section, or whole up to a size), ready to send. */
export class GetSeatMapQuery extends Query<SeatMapBody> {
  constructor(
    readonly showId: string,
    readonly section: string | undefined,
  ) {
    super();
  }
}
