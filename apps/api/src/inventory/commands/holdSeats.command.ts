import { Command } from '@nestjs/cqrs';
import type { ArrivalStamp } from '@app/domain';
import type { HoldCreated, HoldRequest } from '../holds/holdTypes';

export class HoldSeatsCommand extends Command<HoldCreated> {
  constructor(
    readonly customerId: string,
    readonly showId: string,
    readonly request: HoldRequest,
    /** Optional: a retry with the same key answers with the first hold instead of holding again. */
    readonly idempotencyKey?: string,
    /** When the request reached this region's edge. */
    readonly arrival?: ArrivalStamp,
  ) {
    super();
  }
}
