/**
 * The server's clock as seen from here. Countdowns run on it, not on the browser's
 * clock, which may be minutes off. Samples come from every API answer: `asOf` fields
 * (millisecond precision) when there are some, the `Date` header (whole seconds) otherwise.
 */
let offsetMs = 0;
let precise = false;

/** `sent` and `received` are local times around the request; the server answered somewhere between. */
export function sampleServerTime(serverMs: number, sent: number, received: number, isPrecise: boolean): void {
  if (!Number.isFinite(serverMs)) return;
  if (precise && !isPrecise) return;
  // A Date header truncates to the second: the server's time was on average half a second later.
  const server = isPrecise ? serverMs : serverMs + 500;
  offsetMs = server - (sent + received) / 2;
  precise = isPrecise;
}

export function serverNow(): number {
  return Date.now() + offsetMs;
}

export function clockOffsetMs(): number {
  return offsetMs;
}
