/** The visitor's locale for every date, number and amount; en-GB when the browser names none Intl knows. */
export function locale(): string {
  const wanted = typeof navigator !== 'undefined' ? navigator.language : undefined;
  try {
    if (wanted && Intl.DateTimeFormat.supportedLocalesOf([wanted]).length > 0) return wanted;
  } catch {
    // A malformed tag: fall back.
  }
  return 'en-GB';
}

export function money(minor: number, currency: string): string {
  return new Intl.NumberFormat(locale(), { style: 'currency', currency }).format(minor / 10 ** minorDigits(currency));
}

/**
 * In the venue's zone when given, with the zone named: a 19:30 show is 19:30 wherever the
 * visitor is. Without a zone (a token's issue time, a rebuild) in the visitor's own, still named.
 */
export function dateTime(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale(), { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short', ...(timeZone ? { timeZone } : {}) }).format(new Date(iso));
}

/** A short date and time for chart axes and tables, in the zone given, zone named. */
export function shortDateTime(iso: string | number, timeZone?: string, withSeconds = false): string {
  return new Intl.DateTimeFormat(locale(), {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    ...(withSeconds ? { second: '2-digit' } : {}),
    timeZoneName: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso));
}

export function clockTime(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale(), { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'short', ...(timeZone ? { timeZone } : {}) }).format(new Date(iso));
}

export function count(n: number): string {
  return new Intl.NumberFormat(locale()).format(n);
}

/** How many digits a currency's minor unit has (2 for EUR, 0 for JPY), as Intl knows it. */
export function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** An amount in major units for a file, not a person: no grouping, a point, e.g. 1234.50 (JPY: 1234). */
export function majorUnits(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  return (minor / 10 ** digits).toFixed(digits);
}

export function minutesSeconds(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}
