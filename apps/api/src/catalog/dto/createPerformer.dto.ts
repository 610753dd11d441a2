import { IsOptional } from 'class-validator';
import type { CreatePerformerInput } from '../commands/createPerformer.command';
import { IsCatalogId, IsLabel } from './fieldDecorators';

export class CreatePerformerDto {
  @IsOptional()
  @IsCatalogId()
  id?: string;

  @IsLabel(200)
  name: string;
}

export function toCreatePerformerInput(dto: CreatePerformerDto): CreatePerformerInput {
  return { ...(dto.id ? { id: dto.id } : {}), name: dto.name };
}
