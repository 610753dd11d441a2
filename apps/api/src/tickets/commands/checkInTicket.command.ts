import type { Staff } from '../../auth/staff';

export class CheckInTicketCommand {
  constructor(
    readonly staff: Staff,
    readonly showId: string,
    readonly payload: string,
    readonly gate: string,
  ) {}
}
