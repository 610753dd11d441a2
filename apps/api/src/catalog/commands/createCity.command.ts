import type { Staff } from '../../auth/staff';
import { Command } from '@nestjs/cqrs';
import type { City } from '@app/domain';

export type CreateCityInput = Omit<City, 'id'> & { id?: string };

export class CreateCityCommand extends Command<City> {
  /** `staff`: who asks (the demo seeder: the bootstrap admin); it is recorded as `by` and decides ownership. */
  constructor(
    readonly staff: Staff,
    readonly input: CreateCityInput,
  ) {
    super();
  }
}
