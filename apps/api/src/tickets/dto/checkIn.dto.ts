import { IsString, MaxLength } from 'class-validator';

/** What a gate sends: the scanned payload and its own name. */
export class CheckInDto {
  @IsString()
  @MaxLength(300)
  payload!: string;

  @IsString()
  @MaxLength(60)
  gate!: string;
}
