/**
 * An error the API answers with as-is: `{ error, message, details? }` and a status. Only the
 * HTTP layer itself (body parsing, the validation pipe) throws it; the rest of the API throws
 * `AppError` (application/appError.ts) or `DomainError`, which the error filter maps to statuses.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}
