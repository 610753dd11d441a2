/**
 * One projection as `GET /v1/admin/projections` reports it (the CLI reads the same
 * answer). Positions are log positions as decimal strings.
 */
export interface ProjectionStatus {
  name: string;
  version: number;
  position: string;
  lagEvents: number;
  status: 'live' | 'catching_up' | 'stalled' | 'rebuilding';
  /** When a rebuild last replaced the tables (ISO 8601 UTC). */
  rebuiltAt?: string;
  /** While rebuilding: how far the new copy is (`position` of `head`). */
  rebuild?: { position: string; head: string; startedAt: string };
  error?: string;
}

/** The answer to `POST /v1/admin/projections/:name/rebuild`: the rebuild has started. */
export interface RebuildStarted {
  name: string;
  status: 'rebuilding';
  /** Every projection being rebuilt (all of them for `all`). */
  projections: string[];
}
