import { Query } from '@nestjs/cqrs';

/** A show's counts by tier with `asOf` and `lagEvents`, as the JSON text to send (kept per show version). */
export class GetAvailabilityQuery extends Query<string> {
  constructor(readonly showId: string) {
    super();
  }
}
