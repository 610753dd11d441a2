import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { ACCOUNT_ROLES, type AccountRole } from '@app/domain';
import { IsCatalogId, IsLabel } from '../catalog/dto/fieldDecorators';

export class CreateOrganisationDto {
  @IsCatalogId()
  id: string;

  @IsLabel(120)
  name: string;
}

export class CreateUserDto {
  @IsLabel(120)
  name: string;

  @IsIn(ACCOUNT_ROLES as AccountRole[], { message: `$property must be one of ${ACCOUNT_ROLES.join(', ')}` })
  role: AccountRole;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  showIds?: string[];
}

export class IssueTokenDto {
  @IsOptional()
  @IsString()
  @MaxLength(120)
  @Matches(/^[^\u0000-\u001f]*$/, { message: '$property must not contain control characters' })
  label?: string;
}
