import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { ApiError } from './apiError';

/**
 * Names every object already has (`toString`, `constructor`, ...) plus `prototype`: the
 * whitelist looks fields up by name, finds these on any object and lets them through.
 */
const RESERVED_KEYS = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/**
 * A DTO class may offer a hand-written check for its common body (see HoldRequestDto):
 * it returns the DTO, or undefined to let the class-validator rules decide.
 */
interface WithFastPath {
  fastPath(value: unknown): object | undefined;
}

const hasFastPath = (metatype: unknown): metatype is WithFastPath => typeof (metatype as Partial<WithFastPath> | undefined)?.fastPath === 'function';

/** Refuses the reserved names anywhere in a body or query before the DTOs see it. */
class StrictValidationPipe extends ValidationPipe {
  constructor(
    options: ConstructorParameters<typeof ValidationPipe>[0],
    private readonly fastPaths: boolean,
  ) {
    super(options);
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if ((metadata.type === 'body' || metadata.type === 'query') && typeof value === 'object' && value !== null) {
      const field = reservedKey(value, '', 0);
      if (field) throw new ApiError(400, 'invalid_request', `Invalid request: ${field}`, { fields: [{ field, problems: [`property ${field} should not exist`] }] });
    }
    if (this.fastPaths && metadata.type === 'body' && hasFastPath(metadata.metatype)) {
      const dto = metadata.metatype.fastPath(value);
      if (dto) return dto;
    }
    return super.transform(value, metadata);
  }
}

function reservedKey(value: unknown, prefix: string, depth: number): string | undefined {
  if (typeof value !== 'object' || value === null || depth > 40) return undefined;
  for (const key of Object.keys(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (RESERVED_KEYS.has(key)) return path;
    const inner = reservedKey((value as Record<string, unknown>)[key], path, depth + 1);
    if (inner) return inner;
  }
  return undefined;
}

/**
 * Strict DTOs: unknown fields are refused, types are checked, and the 400 names every bad field.
 * `fastPaths: false` leaves every body to the class-validator rules (the spec's reference).
 */
export function strictValidationPipe(options: { fastPaths?: boolean } = {}): ValidationPipe {
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors: ValidationError[]) => {
      const fields = flatten(errors);
      const names = fields.map((f) => f.field).join(', ');
      return new ApiError(400, 'invalid_request', `Invalid request: ${names}`, { fields });
    },
  }, options.fastPaths ?? true);
}

function flatten(errors: ValidationError[], prefix = ''): Array<{ field: string; problems: string[] }> {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
