import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { ApiError } from './apiError';

/**
 * Names every object already has (`toString`, `constructor`, ...) plus `prototype`: the
 * whitelist looks fields up by name, finds these on any object and lets them through.
 */
const RESERVED_KEYS = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/** Refuses the reserved names anywhere in a body or query before the DTOs see it. */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if ((metadata.type === 'body' || metadata.type === 'query') && typeof value === 'object' && value !== null) {
      const field = reservedKey(value, '', 0);
      if (field) throw new ApiError(400, 'invalid_request', `Invalid request: ${field}`, { fields: [{ field, problems: [`property ${field} should not exist`] }] });
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

/** Strict DTOs: unknown fields are refused, types are checked, and the 400 names every bad field. */
export function strictValidationPipe(): ValidationPipe {
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
  });
}

function flatten(errors: ValidationError[], prefix = ''): Array<{ field: string; problems: string[] }> {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
