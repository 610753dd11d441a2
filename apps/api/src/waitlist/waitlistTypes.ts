export interface WaitlistRequest {
  quantity: number;
  tier?: string;
  section?: string;
}

/** A waiting-line entry as the API answers it, as libs/contracts defines it. */
export type { WaitlistJoined as WaitlistJoinedView, WaitlistEntry as WaitlistEntryView } from '@app/contracts';
