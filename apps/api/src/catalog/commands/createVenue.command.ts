import type { Staff } from '../../auth/staff';
import { Command } from '@nestjs/cqrs';
import type { Venue } from '@app/domain';
import type { VenueView } from '@app/read-models';

export type CreateVenueInput = Omit<Venue, 'id'> & { id?: string };

export class CreateVenueCommand extends Command<VenueView> {
  /** `staff`: who asks (the demo seeder: the bootstrap admin); it is recorded as `by` and decides ownership. */
  constructor(
    readonly staff: Staff,
    readonly input: CreateVenueInput,
  ) {
    super();
  }
}
