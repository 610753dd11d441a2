import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

const SHARD = /^s\d{1,5}$/;

/** `{ fromShard, toShard, count, transferId? }` of POST /v1/admin/shows/:showId/capacity-transfers. */
export class CapacityTransferRequestDto {
  @IsString()
  @Matches(SHARD, { message: '$property must be a shard id such as s12' })
  fromShard!: string;

  @IsString()
  @Matches(SHARD, { message: '$property must be a shard id such as s12' })
  toShard!: string;

  @IsInt()
  @Min(1)
  @Max(100)
  count!: number;

  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: '$property must be 1 to 64 letters, digits, _ or -' })
  transferId?: string;
}
