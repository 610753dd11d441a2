import type { Staff } from '../../auth/staff';
import { Command } from '@nestjs/cqrs';
import type { Performer } from '@app/domain';

export type CreatePerformerInput = Omit<Performer, 'id'> & { id?: string };

export class CreatePerformerCommand extends Command<Performer> {
  /** `staff`: who asks (the demo seeder: the bootstrap admin); it is recorded as `by` and decides ownership. */
  constructor(
    readonly staff: Staff,
    readonly input: CreatePerformerInput,
  ) {
    super();
  }
}
