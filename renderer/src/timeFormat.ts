/** Formatting with Intl, in the user's locale and working zone; no date library in the window. */
const cache = new Map<string, Intl.DateTimeFormat>();

export function userLocale(preferred: string | null | undefined): string | undefined {
  return preferred ?? (typeof navigator !== 'undefined' ? navigator.language : undefined);
}

function format(
  locale: string | undefined,
  zone: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale}|${zone}|${JSON.stringify(options)}`;
  let formatter = cache.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { timeZone: zone, ...options });
    cache.set(key, formatter);
  }
  return formatter;
}

export function clockTime(iso: string | number, zone: string, locale?: string): string {
  return format(locale, zone, { hour: 'numeric', minute: '2-digit' }).format(new Date(iso));
}

/** "14:00" today, "Mon 09:00" on another day. */
export function whenText(iso: string, zone: string, now: number, locale?: string): string {
  const day = format(locale, zone, { year: 'numeric', month: '2-digit', day: '2-digit' });
  if (day.format(new Date(iso)) === day.format(now)) return clockTime(iso, zone, locale);
  const weekday = format(locale, zone, { weekday: 'short', day: 'numeric', month: 'short' }).format(
    new Date(iso),
  );
  return `${weekday}, ${clockTime(iso, zone, locale)}`;
}

export function dayTitle(date: string, locale?: string): string {
  return format(locale, 'UTC', { weekday: 'long', day: 'numeric', month: 'long' }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

export function minutesLeft(untilIso: string, now: number): number {
  return Math.max(0, Math.ceil((Date.parse(untilIso) - now) / 60_000));
}

export function countdown(untilIso: string, now: number): string {
  const seconds = Math.max(0, Math.round((Date.parse(untilIso) - now) / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return h
    ? `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`
    : `${m}:${String(s).padStart(2, '0')}`;
}

export function offsetText(minutes: number): string {
  if (minutes === 0) return 'same time';
  const sign = minutes > 0 ? '+' : '−';
  const abs = Math.abs(minutes);
  return `${sign}${Math.floor(abs / 60)}${abs % 60 ? `:${String(abs % 60).padStart(2, '0')}` : ''} h`;
}

export function durationText(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  return minutes % 60 ? `${h} h ${minutes % 60} min` : `${h} h`;
}
