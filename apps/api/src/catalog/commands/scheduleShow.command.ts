import type { Staff } from '../../auth/staff';
import { Command } from '@nestjs/cqrs';
import type { Show } from '@app/domain';
import type { ShowView } from '@app/read-models';

export type ScheduleShowInput = Omit<Show, 'id'> & { id?: string };

export class ScheduleShowCommand extends Command<ShowView> {
  /** `staff`: who asks (the demo seeder: the bootstrap admin); it is recorded as `by` and decides ownership. */
  constructor(
    readonly staff: Staff,
    readonly input: ScheduleShowInput,
  ) {
    super();
  }
}
