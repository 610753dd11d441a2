import { IsOptional, IsTimeZone, Matches } from 'class-validator';
import type { CreateCityInput } from '../commands/createCity.command';
import { IsCatalogId, IsLabel } from './fieldDecorators';

export class CreateCityDto {
  @IsOptional()
  @IsCatalogId()
  id?: string;

  @IsLabel(100)
  name: string;

  /** ISO 3166-1 alpha-2. */
  @Matches(/^[A-Z]{2}$/, { message: '$property must be an ISO 3166-1 alpha-2 code such as NL' })
  country: string;

  /** Shows are stored in UTC and displayed in the city's zone. */
  @IsTimeZone()
  timeZone: string;
}

export function toCreateCityInput(dto: CreateCityDto): CreateCityInput {
  return { ...(dto.id ? { id: dto.id } : {}), name: dto.name, country: dto.country, timeZone: dto.timeZone };
}
