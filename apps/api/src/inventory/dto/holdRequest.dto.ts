import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateBy, ValidateIf, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { EMAIL_PATTERN, MAX_EMAIL_LENGTH } from '@app/domain';

/** A tier or section name in a request. */
export const TIER_OR_SECTION = /^[A-Za-z0-9_-]{1,40}$/;

const HOLD_FIELDS = new Set(['seatIds', 'quantity', 'tier', 'section']);

/** An object literal (or parsed JSON object) of any realm: its prototype is the root `Object.prototype`. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as object | null;
  return prototype !== null && Object.getPrototypeOf(prototype) === null;
}

const isNameOrAbsent = (value: unknown): boolean => value === undefined || (typeof value === 'string' && TIER_OR_SECTION.test(value));

/**
 * Optional, but not nullable: a field that is sent is checked, null included (`@IsOptional`
 * would let null through as if the field were absent, and the hold would fail later with a 500).
 */
const IfSent = (): PropertyDecorator => ValidateIf((_, value) => value !== undefined);

/** The field must be sent; null is left to the field's own rules, which say what is wrong with it. */
const IsSent = (): PropertyDecorator =>
  ValidateBy({ name: 'isSent', validator: { validate: (value) => value !== undefined, defaultMessage: () => '$property is required' } });

/** `{ seatIds }` for chosen seats, or `{ quantity, tier?, section? }` for best available / general admission. */
export class HoldRequestDto {
  @IfSent()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  seatIds?: string[];

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  quantity?: number;

  @IsOptional()
  @IsString()
  @Matches(TIER_OR_SECTION)
  tier?: string;

  @IsOptional()
  @IsString()
  @Matches(TIER_OR_SECTION)
  section?: string;

  /**
   * Holds are the hottest request: a body that plainly meets every rule above becomes
   * the DTO here, without class-transformer and class-validator. Anything else (null,
   * an unknown field, a value near a limit) returns undefined and goes through the
   * rules, which name the problem. It must never accept what the rules refuse: the spec
   * compares the two over many bodies.
   */
  static fastPath(value: unknown): HoldRequestDto | undefined {
    if (!isPlainObject(value)) return undefined;
    for (const key of Object.keys(value)) if (!HOLD_FIELDS.has(key)) return undefined;
    const { seatIds, quantity, tier, section } = value;
    if (seatIds !== undefined) {
      if (!Array.isArray(seatIds) || seatIds.length < 1 || seatIds.length > 100) return undefined;
      for (const seatId of seatIds) if (typeof seatId !== 'string' || seatId.length > 64) return undefined;
    }
    if (quantity !== undefined && !(typeof quantity === 'number' && Number.isInteger(quantity) && quantity >= 1 && quantity <= 100)) return undefined;
    if (!isNameOrAbsent(tier) || !isNameOrAbsent(section)) return undefined;
    return Object.assign(new HoldRequestDto(), value);
  }
}

export class PaymentDto {
  @IsString()
  @MaxLength(100)
  token!: string;
}

export class PurchaseRequestDto {
  @IsSent()
  @ValidateNested()
  @Type(() => PaymentDto)
  payment!: PaymentDto;

  /** Where to send messages about the tickets: optional (absent, not null), personal data (docs/decisions.md). */
  @ValidateIf((_, value) => value !== undefined)
  @IsString()
  @MaxLength(MAX_EMAIL_LENGTH)
  @Matches(new RegExp(EMAIL_PATTERN), { message: '$property must be an email address like name@example.com' })
  email?: string;

  /** As `HoldRequestDto.fastPath`: `{ payment: { token } }` with a plain short token, or undefined. */
  static fastPath(value: unknown): PurchaseRequestDto | undefined {
    if (!isPlainObject(value) || Object.keys(value).length !== 1 || !Object.hasOwn(value, 'payment')) return undefined;
    const payment = value.payment;
    if (!isPlainObject(payment) || Object.keys(payment).length !== 1 || !Object.hasOwn(payment, 'token')) return undefined;
    if (typeof payment.token !== 'string' || payment.token.length > 100) return undefined;
    return Object.assign(new PurchaseRequestDto(), { payment: Object.assign(new PaymentDto(), { token: payment.token }) });
  }
}

export class SalesQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  after?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}
