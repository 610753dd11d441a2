import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  MAX_GENERAL_CAPACITY,
  MAX_GENERAL_SHARD_COUNT,
  MAX_HOLD_SECONDS,
  MAX_SERVICE_FEE_PER_TICKET,
  MAX_TICKETS_PER_CUSTOMER,
  MAX_VAT_BASIS_POINTS,
  MIN_GENERAL_SHARD_COUNT,
  type ShowKind,
} from '@app/domain';
import type { ScheduleShowInput } from '../commands/scheduleShow.command';
import { IsCatalogId, IsLabel } from './fieldDecorators';

/** More price categories than any seat map needs; a typo-sized list, not a data dump. */
export const MAX_TIERS = 20;

/** A zone is required: a start time without one means different moments in different places. */
const DATE_TIME_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export class PriceTierDto {
  @IsLabel(32)
  tier: string;

  /** Integer minor units (cents). */
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  price: number;

  @Matches(/^[A-Z]{3}$/, { message: '$property must be an ISO 4217 code such as EUR' })
  currency: string;
}

export class GeneralTierDto {
  @IsLabel(32)
  tier: string;

  @IsInt()
  @Min(1)
  @Max(MAX_GENERAL_CAPACITY)
  capacity: number;
}

export class ScheduleShowDto {
  @IsOptional()
  @IsCatalogId()
  id?: string;

  @IsCatalogId()
  eventId: string;

  @IsCatalogId()
  venueId: string;

  @IsISO8601({ strict: true })
  @Matches(DATE_TIME_WITH_ZONE, { message: '$property must be an ISO-8601 date-time with a zone, e.g. 2027-07-01T19:30:00Z' })
  startsAt: string;

  @IsIn(['seated', 'general'])
  kind: ShowKind;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_HOLD_SECONDS)
  holdSeconds?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_TICKETS_PER_CUSTOMER)
  maxTicketsPerCustomer?: number;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_TIERS)
  @ValidateNested({ each: true })
  @Type(() => PriceTierDto)
  tiers: PriceTierDto[];

  /** Integer minor units added to every ticket at checkout; 0 when absent. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_SERVICE_FEE_PER_TICKET)
  serviceFeePerTicket?: number;

  /** The VAT rate the consumer prices include, in basis points (900 = 9 %); 0 when absent. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_VAT_BASIS_POINTS)
  vatBasisPoints?: number;

  /** General admission: the number of tickets. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_GENERAL_CAPACITY)
  capacity?: number;

  /** General admission: how the capacity splits across the priced tiers. */
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_TIERS)
  @ValidateNested({ each: true })
  @Type(() => GeneralTierDto)
  generalTiers?: GeneralTierDto[];

  /** General admission: streams the tickets are spread over. */
  @IsOptional()
  @IsInt()
  @Min(MIN_GENERAL_SHARD_COUNT)
  @Max(MAX_GENERAL_SHARD_COUNT)
  shardCount?: number;
}

/** Seated-versus-general rules (a seated show takes no capacity, ...) are `validateShow`'s, in the handler. */
export function toScheduleShowInput(dto: ScheduleShowDto): ScheduleShowInput {
  return {
    ...(dto.id ? { id: dto.id } : {}),
    eventId: dto.eventId,
    venueId: dto.venueId,
    startsAt: dto.startsAt,
    kind: dto.kind,
    ...(dto.holdSeconds !== undefined ? { holdSeconds: dto.holdSeconds } : {}),
    ...(dto.maxTicketsPerCustomer !== undefined ? { maxTicketsPerCustomer: dto.maxTicketsPerCustomer } : {}),
    tiers: dto.tiers.map(({ tier, price, currency }) => ({ tier, price, currency })),
    ...(dto.serviceFeePerTicket !== undefined ? { serviceFeePerTicket: dto.serviceFeePerTicket } : {}),
    ...(dto.vatBasisPoints !== undefined ? { vatBasisPoints: dto.vatBasisPoints } : {}),
    ...(dto.capacity !== undefined ? { capacity: dto.capacity } : {}),
    ...(dto.generalTiers ? { generalTiers: dto.generalTiers.map(({ tier, capacity }) => ({ tier, capacity })) } : {}),
    ...(dto.shardCount !== undefined ? { shardCount: dto.shardCount } : {}),
  };
}
