const formatters = new Map<string, Intl.DateTimeFormat>();
const hours = new Map<string, string>();
const QUARTER_MS = 15 * 60_000;

/**
 * The hour of the venue's clock an instant falls in, with that clock's offset:
 * `2026-12-03T20:00+01:00`. The offset keeps the two 02:00 hours of a night the clocks go
 * back apart. Every time zone's offset is a whole number of quarter hours, so the answer is
 * the same for a whole quarter hour and is remembered per quarter.
 */
export function localHour(instant: string | number, timeZone: string): string {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  const cacheKey = `${timeZone} ${Math.floor(ms / QUARTER_MS)}`;
  const known = hours.get(cacheKey);
  if (known !== undefined) return known;
  const parts: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(ms)) parts[part.type] = part.value;
  const offset = /^GMT([+-]\d{2}:\d{2})?$/.exec(parts.timeZoneName ?? '')?.[1] ?? '+00:00';
  const hour = `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:00${offset}`;
  if (hours.size >= 50_000) hours.clear();
  hours.set(cacheKey, hour);
  return hour;
}

/** A zone Intl knows, else UTC (a city's zone is checked when it is created; this only keeps a fold from failing). */
export function knownTimeZone(timeZone: string | undefined): string {
  if (!timeZone) return 'UTC';
  try {
    formatter(timeZone);
    return timeZone;
  } catch {
    return 'UTC';
  }
}

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    });
    formatters.set(timeZone, format);
  }
  return format;
}
