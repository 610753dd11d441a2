/** Queue passes of hot shows, kept for this browser tab's session, one per show. */
const key = (showId: string): string => `tickets.queuePass.${showId}`;

export function savePass(showId: string, pass: string, expiresAt: string): void {
  sessionStorage.setItem(key(showId), JSON.stringify({ pass, expiresAt }));
}

/** The show's pass while it is good, else null. */
export function passFor(showId: string): string | null {
  const stored = sessionStorage.getItem(key(showId));
  if (!stored) return null;
  const { pass, expiresAt } = JSON.parse(stored) as { pass: string; expiresAt: string };
  if (Date.parse(expiresAt) <= Date.now()) {
    sessionStorage.removeItem(key(showId));
    return null;
  }
  return pass;
}

/** The header a hold on the show sends: the pass when there is one. */
export function passHeader(showId: string): { 'Queue-Pass'?: string } {
  const pass = passFor(showId);
  return pass ? { 'Queue-Pass': pass } : {};
}
