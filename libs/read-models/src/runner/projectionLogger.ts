/**
 * Where the runner reports stalls and rebuilds. Structural, so Nest's `Logger` fits
 * without this library importing Nest; `console` fits too.
 */
export interface ProjectionLogger {
  log(message: string): void;
  error(message: string): void;
}
