import type { Staff } from '../../auth/staff';

export class GetCheckInCountsQuery {
  constructor(
    readonly staff: Staff,
    readonly showId: string,
  ) {}
}
