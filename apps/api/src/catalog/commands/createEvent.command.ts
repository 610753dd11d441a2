import type { Staff } from '../../auth/staff';
import { Command } from '@nestjs/cqrs';
import type { EventInfo } from '@app/domain';

export type CreateEventInput = Omit<EventInfo, 'id' | 'venueIds'> & { id?: string };

export class CreateEventCommand extends Command<EventInfo> {
  /** `staff`: who asks (the demo seeder: the bootstrap admin); it is recorded as `by` and decides ownership. */
  constructor(
    readonly staff: Staff,
    readonly input: CreateEventInput,
  ) {
    super();
  }
}
