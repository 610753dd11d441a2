import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ApiError } from './apiError';

/** Strict DTOs: unknown fields are refused, types are checked, and the 400 names every bad field. */
export function strictValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
