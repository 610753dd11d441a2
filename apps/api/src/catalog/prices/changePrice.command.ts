import { Command } from '@nestjs/cqrs';
import type { PriceChange } from '@app/contracts';
import type { Staff } from '../../auth/staff';

export interface ChangePriceInput {
  showId: string;
  tier: string;
  price: number;
  currency?: string;
}

export class ChangePriceCommand extends Command<PriceChange> {
  constructor(
    readonly staff: Staff,
    readonly input: ChangePriceInput,
  ) {
    super();
  }
}
