/**
 * One Server-Sent Events message. JSON never contains a raw line break, so `data`
 * is always a single line. The id is a global log position: an EventSource sends the
 * last one back as `Last-Event-ID` when it reconnects.
 */
export function sseMessage(event: string, data: unknown, id?: bigint): string {
  return sseMessageFromJson(event, JSON.stringify(data), id);
}

/** For a payload serialised once and sent to many clients under different ids. */
export function sseMessageFromJson(event: string, json: string, id?: bigint): string {
  return `${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${json}\n\n`;
}

/** Ignored by clients; keeps proxies and load balancers from closing an idle stream. */
export const SSE_HEARTBEAT = ': keep-alive\n\n';

/** `Last-Event-ID` as a log position; undefined when absent, null when malformed. */
export function parseLastEventId(header: string | string[] | undefined): bigint | undefined | null {
  if (header === undefined) return undefined;
  const value = (Array.isArray(header) ? header[0] : header).trim();
  if (value === '') return undefined;
  return /^\d{1,19}$/.test(value) ? BigInt(value) : null;
}
