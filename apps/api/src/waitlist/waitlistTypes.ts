import type { WaitlistEntryStatus } from '@app/domain';

export interface WaitlistRequest {
  quantity: number;
  tier?: string;
  section?: string;
}

export interface WaitlistJoinedView {
  entryId: string;
  position: number;
}

export interface WaitlistEntryView {
  entryId: string;
  showId: string;
  status: WaitlistEntryStatus;
  /** 1 for the longest-waiting entry; null once the entry is out of the line. */
  position: number | null;
  quantity: number;
  tier?: string;
  section?: string;
  joinedAt: string;
  waitsUntil: string;
  /** The hold offered to the entry (status 'offered'): see `GET /v1/holds/:holdId`. */
  holdId?: string;
}
