import { z } from 'zod';
import { Count, Id, Instant, Position } from './common';

export const ProjectionStatus = z
  .strictObject({
    name: z.string(),
    version: z.int().min(1),
    position: Position,
    lagEvents: Count,
    status: z.enum(['live', 'catching_up', 'stalled', 'rebuilding']),
    rebuiltAt: Instant.optional(),
    rebuild: z.strictObject({ position: Position, head: Position, startedAt: Instant }).optional(),
    error: z.string().optional(),
  })
  .meta({ id: 'ProjectionStatus' });
export type ProjectionStatus = z.infer<typeof ProjectionStatus>;
export const ProjectionStatuses = z.array(ProjectionStatus);

export const RebuildStarted = z
  .strictObject({ name: z.string(), status: z.literal('rebuilding'), projections: z.array(z.string()).meta({ description: 'Every projection being rebuilt' }) })
  .meta({ id: 'RebuildStarted' });
export type RebuildStarted = z.infer<typeof RebuildStarted>;

export const SalesOverTime = z
  .strictObject({
    showId: Id,
    bucketSeconds: z.int().min(1),
    buckets: z.array(z.strictObject({ at: Instant, sold: z.int().min(1) })).meta({ description: 'Buckets with sales only, oldest first' }),
    sold: Count,
  })
  .meta({ id: 'SalesOverTime' });
export type SalesOverTime = z.infer<typeof SalesOverTime>;

export const StoreMember = z
  .strictObject({ name: z.string(), endpoint: z.string(), reachable: z.boolean(), leader: z.boolean(), error: z.string().optional() })
  .meta({ id: 'StoreMember' });

export const Health = z
  .strictObject({
    status: z.enum(['ok', 'unavailable', 'degraded']),
    store: z.string(),
    reads: z.enum(['ok', 'failing']),
    writes: z.enum(['ok', 'failing']),
    error: z.string().optional(),
    writesFailingSince: Instant.optional(),
    readModelsAt: z.string().optional(),
    members: z.array(StoreMember).optional(),
    leader: z.string().optional(),
  })
  .meta({ id: 'Health' });
export type Health = z.infer<typeof Health>;

export const CustomerToken = z
  .strictObject({ customerId: Id, token: z.string().meta({ description: 'Send as `Authorization: Bearer <token>`' }) })
  .meta({ id: 'CustomerToken' });
export type CustomerToken = z.infer<typeof CustomerToken>;
