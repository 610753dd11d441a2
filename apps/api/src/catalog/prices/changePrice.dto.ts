import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { MAX_TIER_PRICE } from '@app/domain';

/** `PUT /v1/admin/shows/:showId/tiers/:tier/price`: the tier's new price (libs/contracts `ChangePriceRequest`). */
export class ChangePriceDto {
  @IsInt()
  @Min(0)
  @Max(MAX_TIER_PRICE)
  price: number;

  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: '$property must be an ISO 4217 code such as EUR' })
  currency?: string;
}
