import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { MAX_TICKETS_PER_CUSTOMER } from '@app/domain';

/** `{ quantity, tier?, section? }`: what the customer waits for; the show's own limit is checked after. */
export class JoinWaitlistDto {
  @IsInt()
  @Min(1)
  @Max(MAX_TICKETS_PER_CUSTOMER)
  quantity!: number;

  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,40}$/)
  tier?: string;

  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,40}$/)
  section?: string;
}
