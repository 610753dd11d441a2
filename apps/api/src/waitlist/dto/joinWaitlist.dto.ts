import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { MAX_TICKETS_PER_CUSTOMER } from '@app/domain';
import { TIER_OR_SECTION } from '../../inventory/dto/holdRequest.dto';

/** `{ quantity, tier?, section? }`: what the customer waits for; the show's own limit is checked after. */
export class JoinWaitlistDto {
  @IsInt()
  @Min(1)
  @Max(MAX_TICKETS_PER_CUSTOMER)
  quantity!: number;

  @IsOptional()
  @IsString()
  @Matches(TIER_OR_SECTION)
  tier?: string;

  @IsOptional()
  @IsString()
  @Matches(TIER_OR_SECTION)
  section?: string;
}
