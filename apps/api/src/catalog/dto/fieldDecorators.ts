import { applyDecorators } from '@nestjs/common';
import { IsString, Length, Matches } from 'class-validator';
import { CATALOG_ID_PATTERN, CATALOG_ID_RULE } from '../catalogIds';

/** An entity id, given by an admin or referencing another entity. */
export function IsCatalogId(): PropertyDecorator {
  return applyDecorators(IsString(), Matches(CATALOG_ID_PATTERN, { message: `$property must be ${CATALOG_ID_RULE}` }));
}

/** A name or label people read: never blank, never a novel. */
export function IsLabel(maxLength: number): PropertyDecorator {
  return applyDecorators(IsString(), Length(1, maxLength), Matches(/\S/, { message: '$property must not be blank' }));
}
