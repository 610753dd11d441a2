import { Type } from 'class-transformer';
import { IsIn, IsOptional, ValidateNested } from 'class-validator';
import type { VenueKind } from '@app/domain';
import type { CreateVenueInput } from '../commands/createVenue.command';
import { IsCatalogId, IsLabel } from './fieldDecorators';
import { SeatMapDto, toSeatMap } from './seatMap.dto';

export const VENUE_KINDS: readonly VenueKind[] = ['cinema', 'arena', 'stadium', 'festival', 'theatre'];

export class CreateVenueDto {
  @IsOptional()
  @IsCatalogId()
  id?: string;

  /** Admins only: the organisation that owns it (an event manager's is always its own). */
  @IsOptional()
  @IsCatalogId()
  organisationId?: string;

  @IsCatalogId()
  cityId: string;

  @IsLabel(200)
  name: string;

  @IsIn(VENUE_KINDS)
  kind: VenueKind;

  /** Absent for general-admission grounds. */
  @IsOptional()
  @ValidateNested()
  @Type(() => SeatMapDto)
  seatMap?: SeatMapDto;
}

export function toCreateVenueInput(dto: CreateVenueDto): CreateVenueInput {
  return {
    ...(dto.id ? { id: dto.id } : {}),
    ...(dto.organisationId ? { organisationId: dto.organisationId } : {}),
    cityId: dto.cityId,
    name: dto.name,
    kind: dto.kind,
    ...(dto.seatMap ? { seatMap: toSeatMap(dto.seatMap) } : {}),
  };
}
