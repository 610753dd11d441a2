import { z } from 'zod';
import { Id, Instant } from './common';

export const WaitlistJoined = z.strictObject({ entryId: Id, position: z.int().min(1) }).meta({ id: 'WaitlistJoined' });
export type WaitlistJoined = z.infer<typeof WaitlistJoined>;

export const WaitlistEntryStatus = z.enum(['waiting', 'offered', 'sold_out', 'expired', 'left']).meta({ id: 'WaitlistEntryStatus' });
export type WaitlistEntryStatus = z.infer<typeof WaitlistEntryStatus>;

export const WaitlistEntry = z
  .strictObject({
    entryId: Id,
    showId: Id,
    status: WaitlistEntryStatus,
    position: z.int().min(1).nullable().meta({ description: '1 for the longest-waiting entry; null once out of the line' }),
    quantity: z.int().min(1),
    tier: z.string().optional(),
    section: z.string().optional(),
    joinedAt: Instant,
    waitsUntil: Instant,
    holdId: Id.optional().meta({ description: 'The hold offered to the entry (status offered)' }),
  })
  .meta({ id: 'WaitlistEntry' });
export type WaitlistEntry = z.infer<typeof WaitlistEntry>;

const Name = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);
export const JoinWaitlistRequest = z.strictObject({ quantity: z.int().min(1).max(100), tier: Name.nullable().optional(), section: Name.nullable().optional() }).meta({ id: 'JoinWaitlistRequest' });
export type JoinWaitlistRequest = z.infer<typeof JoinWaitlistRequest>;
