/**
 * One projection as `GET /v1/admin/projections` reports it (the CLI reads the same
 * answer). Positions are log positions as decimal strings.
 */
export type { ProjectionStatus, RebuildStarted } from '@app/contracts';
