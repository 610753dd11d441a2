/** A message from the show's organiser to its ticket holders (all of them, or one tier's). */
export type HolderMessagePosted = {
  type: 'HolderMessagePosted';
  data: {
    messageId: string;
    showId: string;
    /** Only the holders of tickets of this tier; absent: every holder of the show. */
    tier?: string;
    subject: string;
    body: string;
    postedAt: string;
  };
};

export type HolderMessageEvent = HolderMessagePosted;

export type PostHolderMessage = {
  type: 'PostHolderMessage';
  data: {
    messageId: string;
    showId: string;
    tier?: string;
    subject: string;
    body: string;
    /** The show's tiers, to check `tier` against. */
    showTiers: readonly string[];
    now: number;
  };
};

export type HolderMessageCommand = PostHolderMessage;

/** The ids of the messages already posted: a retried post (same id) writes nothing. */
export type HolderMessagesState = { posted: Set<string> };

export const MAX_SUBJECT_LENGTH = 150;
export const MAX_MESSAGE_BODY_LENGTH = 5_000;

/** A show's messages to its holders are one stream. */
export function holderMessagesStream(showId: string): string {
  return `messages-${showId}`;
}
