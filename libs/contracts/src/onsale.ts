import { z } from 'zod';
import { Id, Instant, ZonedInstant } from './common';

/** `PUT /v1/admin/shows/:showId/hot-onsale`: every field optional; defaults from the server's configuration. */
export const MarkHotOnSaleRequest = z
  .strictObject({
    opensAt: ZonedInstant.optional().meta({ description: 'Nobody is admitted before this; default: now' }),
    admissionsPerMinute: z.int().min(1).max(1_000_000).optional().meta({ description: 'Customers let through per minute; default HOT_ADMISSIONS_PER_MINUTE' }),
    passSeconds: z.int().min(60).max(86_400).optional().meta({ description: 'How long a queue pass is good for from its admission; default QUEUE_PASS_SECONDS' }),
  })
  .meta({ id: 'MarkHotOnSaleRequest' });
export type MarkHotOnSaleRequest = z.infer<typeof MarkHotOnSaleRequest>;

/** A show's on-sale as anyone may see it: whether its holds need a queue pass. */
export const HotOnSale = z
  .strictObject({
    showId: Id,
    hot: z.boolean().meta({ description: 'Holds need a queue pass from the waiting room' }),
    opensAt: Instant.optional(),
    admissionsPerMinute: z.int().min(1).optional(),
    passSeconds: z.int().min(1).optional(),
    proofOfWork: z.boolean().meta({ description: 'New customer identities need a proof-of-work now (a hot on-sale is open and POW_DIFFICULTY > 0)' }),
  })
  .meta({ id: 'HotOnSale' });
export type HotOnSale = z.infer<typeof HotOnSale>;

/** A customer's place in a hot show's waiting room; `pass` once admitted. */
export const WaitingRoomPlace = z
  .strictObject({
    showId: Id,
    position: z.int().min(1).meta({ description: 'Arrival order: 1 for the first to join' }),
    joinedAt: Instant,
    admitAt: Instant.meta({ description: 'When the customer is let through (the show\'s admission rate decides it)' }),
    status: z.enum(['waiting', 'admitted']),
    waitSeconds: z.int().min(0).meta({ description: 'Seconds until admitAt; 0 once admitted' }),
    pass: z.string().optional().meta({ description: 'The signed queue pass (status admitted): send it as `Queue-Pass` with each hold on the show' }),
    passExpiresAt: Instant.optional(),
  })
  .meta({ id: 'WaitingRoomPlace' });
export type WaitingRoomPlace = z.infer<typeof WaitingRoomPlace>;

/** `POST /v1/customers/challenges`: a proof-of-work to solve before creating an identity. */
export const PowChallenge = z
  .strictObject({
    challenge: z.string().meta({ description: 'Find a nonce such that SHA-256 of `<challenge>:<nonce>` starts with `difficulty` zero bits; send `Proof-Of-Work: <challenge>:<nonce>`' }),
    difficulty: z.int().min(0).max(32),
    expiresAt: Instant,
    required: z.boolean().meta({ description: 'Whether POST /v1/customers asks for it right now' }),
  })
  .meta({ id: 'PowChallenge' });
export type PowChallenge = z.infer<typeof PowChallenge>;
