import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { CreateEventInput } from '../commands/createEvent.command';
import { IsCatalogId, IsLabel } from './fieldDecorators';

export class CreateEventDto {
  @IsOptional()
  @IsCatalogId()
  id?: string;

  /** Admins only: the organisation that owns it (an event manager's is always its own). */
  @IsOptional()
  @IsCatalogId()
  organisationId?: string;

  @IsLabel(200)
  name: string;

  @IsString()
  @MaxLength(5_000)
  description: string;

  /** e.g. 'concert', 'festival', 'movie', 'sport', 'theatre'. */
  @IsLabel(40)
  category: string;

  @IsCatalogId()
  performerId: string;
}

export function toCreateEventInput(dto: CreateEventDto): CreateEventInput {
  return {
    ...(dto.id ? { id: dto.id } : {}),
    ...(dto.organisationId ? { organisationId: dto.organisationId } : {}),
    name: dto.name,
    description: dto.description,
    category: dto.category,
    performerId: dto.performerId,
  };
}
