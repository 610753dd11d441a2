export function money(minor: number, currency: string): string {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(minor / 100);
}

/** In the venue's city's zone when known: a 19:30 show is 19:30 wherever the visitor is. */
export function dateTime(iso: string, timeZone?: string): string {
  const local = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', ...(timeZone ? { timeZone, timeZoneName: 'short' } : {}) });
  return local.format(new Date(iso));
}

export function clockTime(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeStyle: 'medium' }).format(new Date(iso));
}

export function count(n: number): string {
  return new Intl.NumberFormat('en-GB').format(n);
}

export function minutesSeconds(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}
