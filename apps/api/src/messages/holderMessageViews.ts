import type { HolderMessage, ShowMessage } from '@app/contracts';
import type { HolderMessageRow, HolderMessageWithDelivery } from '@app/read-models';

export function holderMessageView(row: HolderMessageRow): HolderMessage {
  return {
    messageId: row.message_id,
    showId: row.show_id,
    ...(row.tier !== null ? { tier: row.tier } : {}),
    subject: row.subject,
    body: row.body,
    postedAt: row.posted_at,
  };
}

export function showMessageView(row: HolderMessageWithDelivery): ShowMessage {
  return { ...holderMessageView(row), postedBy: row.posted_by, email: { sent: row.sent, failed: row.failed, completed: row.completed_at !== null } };
}
