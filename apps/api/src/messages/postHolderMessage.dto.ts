import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { MAX_MESSAGE_BODY_LENGTH, MAX_SUBJECT_LENGTH } from '@app/domain';
import { BODY_PATTERN, SUBJECT_PATTERN } from '@app/contracts';
import { TIER_OR_SECTION } from '../inventory/dto/holdRequest.dto';

export class PostHolderMessageDto {
  @IsString()
  @MaxLength(MAX_SUBJECT_LENGTH)
  @Matches(SUBJECT_PATTERN, { message: '$property must be one line with something besides spaces' })
  subject!: string;

  @IsString()
  @MaxLength(MAX_MESSAGE_BODY_LENGTH)
  @Matches(BODY_PATTERN, { message: '$property must not be empty nor hold control characters other than line breaks and tabs' })
  body!: string;

  @IsOptional()
  @Matches(TIER_OR_SECTION, { message: '$property must be 1 to 40 letters, digits, _ or -' })
  tier?: string;
}
