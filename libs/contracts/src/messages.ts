import { z } from 'zod';
import { MAX_MESSAGE_BODY_LENGTH, MAX_SUBJECT_LENGTH } from '@app/domain';
import { Count, Id, Instant } from './common';

/** One line: no control characters, and something besides spaces. */
export const SUBJECT_PATTERN = /^[^\u0000-\u001f\u007f]*[^\s\u0000-\u001f\u007f][^\u0000-\u001f\u007f]*$/;
/** Line breaks and tabs allowed, other control characters not, and something besides white space. */
export const BODY_PATTERN = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*[^\s\u0000-\u001f\u007f][^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;

const Tier = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);

export const PostHolderMessageRequest = z
  .strictObject({
    subject: z.string().max(MAX_SUBJECT_LENGTH).regex(SUBJECT_PATTERN).meta({ description: `One line of 1 to ${MAX_SUBJECT_LENGTH} characters, not only spaces; stored trimmed` }),
    body: z.string().max(MAX_MESSAGE_BODY_LENGTH).regex(BODY_PATTERN).meta({ description: `1 to ${MAX_MESSAGE_BODY_LENGTH} characters, not only spaces, line breaks kept; stored trimmed` }),
    tier: Tier.optional().meta({ description: "Only the holders of this tier's tickets; absent: every holder of the show" }),
  })
  .meta({ id: 'PostHolderMessageRequest' });
export type PostHolderMessageRequest = z.infer<typeof PostHolderMessageRequest>;

/** A message as its holders see it. */
export const HolderMessage = z
  .strictObject({
    messageId: Id,
    showId: Id,
    tier: Tier.optional(),
    subject: z.string(),
    body: z.string(),
    postedAt: Instant,
  })
  .meta({ id: 'HolderMessage' });
export type HolderMessage = z.infer<typeof HolderMessage>;

export const HolderMessagesPage = z.strictObject({ items: z.array(HolderMessage) }).meta({ id: 'HolderMessagesPage' });
export type HolderMessagesPage = z.infer<typeof HolderMessagesPage>;

/** A message as its show's staff see it: who posted it and how far its email has got. */
export const ShowMessage = HolderMessage.extend({
  postedBy: z.string().meta({ description: 'The staff user who posted it' }),
  email: z
    .strictObject({
      sent: Count.meta({ description: 'Holders the SMTP server accepted the email for' }),
      failed: Count.meta({ description: 'Holders whose address the SMTP server refused for good' }),
      completed: z.boolean().meta({ description: 'Every holder with an address has been dealt with' }),
    })
    .meta({ description: 'Email delivery; stays at 0 and not completed while SMTP_URL is unset' }),
}).meta({ id: 'ShowMessage' });
export type ShowMessage = z.infer<typeof ShowMessage>;

export const ShowMessagesPage = z.strictObject({ items: z.array(ShowMessage) }).meta({ id: 'ShowMessagesPage' });
export type ShowMessagesPage = z.infer<typeof ShowMessagesPage>;
