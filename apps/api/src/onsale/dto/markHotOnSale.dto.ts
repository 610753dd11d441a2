import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { MAX_ADMISSIONS_PER_MINUTE, MAX_PASS_SECONDS, MIN_PASS_SECONDS } from '@app/domain';

/** `{ opensAt?, admissionsPerMinute?, passSeconds? }`; the decider checks the ranges again. */
export class MarkHotOnSaleDto {
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/, { message: 'opensAt must be an ISO 8601 moment with a zone, e.g. 2027-01-10T09:00:00Z' })
  opensAt?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_ADMISSIONS_PER_MINUTE)
  admissionsPerMinute?: number;

  @IsOptional()
  @IsInt()
  @Min(MIN_PASS_SECONDS)
  @Max(MAX_PASS_SECONDS)
  passSeconds?: number;
}
