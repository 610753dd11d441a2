import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import type { SearchEventsCriteria } from '../queries/searchEvents.query';
import { IsCatalogId } from './fieldDecorators';

/** Deep paging is what scrapers do; people refine the search instead. */
export const MAX_PAGE = 1_000;

const DATE_OR_DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;
const DATE_RULE = '$property must be an ISO date (2027-07-01) or date-time with a zone (2027-07-01T19:30:00Z)';

export class SearchEventsDto {
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  /** A city id: events with a show there. */
  @IsOptional()
  @IsCatalogId()
  city?: string;

  @IsOptional()
  @IsISO8601({ strict: true }, { message: DATE_RULE })
  @Matches(DATE_OR_DATE_TIME, { message: DATE_RULE })
  from?: string;

  /** A bare date includes the whole day. */
  @IsOptional()
  @IsISO8601({ strict: true }, { message: DATE_RULE })
  @Matches(DATE_OR_DATE_TIME, { message: DATE_RULE })
  to?: string;

  // Query strings are text; the number is parsed here so '2x' is refused rather than read as 2.
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page?: number;
}

export function toSearchCriteria(dto: SearchEventsDto): SearchEventsCriteria {
  return {
    ...(dto.q ? { q: dto.q } : {}),
    ...(dto.city ? { cityId: dto.city } : {}),
    ...(dto.from ? { from: dto.from } : {}),
    ...(dto.to ? { to: dto.to } : {}),
    page: dto.page ?? 1,
  };
}
