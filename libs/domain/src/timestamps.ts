/**
 * Events carry ISO-8601 UTC with milliseconds so auditors get sub-second order without
 * parsing epochs. Formatting is on the hot path (two per hold), and Date#toISOString
 * costs about half a microsecond, so the date part is cached per day and only the time
 * of day is formatted; the result is identical to `new Date(ms).toISOString()`.
 */
const DAY_MS = 86_400_000;
/** 10000-01-01: from here on toISOString switches to six-digit years. */
const MAX_FOUR_DIGIT_YEAR_MS = 253_402_300_800_000;

let cachedDayStart = Number.NaN;
let cachedDayPrefix = '';

export function toIsoTimestamp(ms: number): string {
  if (!Number.isInteger(ms) || ms < 0 || ms >= MAX_FOUR_DIGIT_YEAR_MS) return new Date(ms).toISOString();
  const dayStart = ms - (ms % DAY_MS);
  if (dayStart !== cachedDayStart) {
    cachedDayPrefix = new Date(dayStart).toISOString().slice(0, 11);
    cachedDayStart = dayStart;
  }
  let rest = ms - dayStart;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const millis = rest - seconds * 1000;
  return `${cachedDayPrefix}${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)}.${millis < 10 ? '00' : millis < 100 ? '0' : ''}${millis}Z`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

let cachedParseDay = '';
let cachedParseDayStart = Number.NaN;

/**
 * Inverse of toIsoTimestamp, for evolve's hot path: the exact 'YYYY-MM-DDTHH:mm:ss.sssZ'
 * form is parsed by arithmetic with the date part cached; anything else goes to Date.parse.
 */
export function parseIsoTimestamp(iso: string): number {
  if (iso.length !== 24 || iso.charCodeAt(23) !== 90 /* Z */ || iso.charCodeAt(10) !== 84 /* T */) return Date.parse(iso);
  const day = iso.slice(0, 10);
  if (day !== cachedParseDay) {
    const dayStart = Date.parse(`${day}T00:00:00.000Z`);
    if (Number.isNaN(dayStart)) return Number.NaN;
    cachedParseDay = day;
    cachedParseDayStart = dayStart;
  }
  const hours = digits(iso, 11, 2);
  const minutes = digits(iso, 14, 2);
  const seconds = digits(iso, 17, 2);
  const millis = digits(iso, 20, 3);
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59 || seconds < 0 || seconds > 59 || millis < 0 || iso.charCodeAt(13) !== 58 || iso.charCodeAt(16) !== 58 || iso.charCodeAt(19) !== 46) {
    return Date.parse(iso);
  }
  return cachedParseDayStart + hours * 3_600_000 + minutes * 60_000 + seconds * 1000 + millis;
}

/** The decimal number in iso[from, from + count), or -1 if a character is not a digit. */
function digits(iso: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const digit = iso.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}
