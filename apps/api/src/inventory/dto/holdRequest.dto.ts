import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';

/** A tier or section name in a request. */
export const TIER_OR_SECTION = /^[A-Za-z0-9_-]{1,40}$/;

/** `{ seatIds }` for chosen seats, or `{ quantity, tier?, section? }` for best available / general admission. */
export class HoldRequestDto {
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  seatIds?: string[];

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  quantity?: number;

  @IsOptional()
  @IsString()
  @Matches(TIER_OR_SECTION)
  tier?: string;

  @IsOptional()
  @IsString()
  @Matches(TIER_OR_SECTION)
  section?: string;
}

export class PaymentDto {
  @IsString()
  @MaxLength(100)
  token!: string;
}

export class PurchaseRequestDto {
  @ValidateNested()
  @Type(() => PaymentDto)
  payment!: PaymentDto;
}

export class SalesQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  after?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}
