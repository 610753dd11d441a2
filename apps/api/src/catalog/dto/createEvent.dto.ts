import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { CreateEventInput } from '../commands/createEvent.command';
import { IsCatalogId, IsLabel } from './fieldDecorators';

export class CreateEventDto {
  @IsOptional()
  @IsCatalogId()
  id?: string;

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
    name: dto.name,
    description: dto.description,
    category: dto.category,
    performerId: dto.performerId,
  };
}
