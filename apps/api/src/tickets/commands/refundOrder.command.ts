import type { Staff } from '../../auth/staff';

export class RefundOrderCommand {
  constructor(
    readonly staff: Staff,
    readonly orderId: string,
  ) {}
}
