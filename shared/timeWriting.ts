// How times and dates are written: Intl in the user's locale and working zone, on the clock they chose.
// Pure and below every domain module, so that settings, words and the window's fields all read one clock.

import type { WallFields } from './clockTime';
import { plainClockText, plainDayText } from './plainTimeText';

const cache = new Map<string, Intl.DateTimeFormat>();
/** Formatters are kept per locale, clock, zone and shape: a few in practice, never without end. */
const CACHE_LIMIT = 256;

/**
 * A host that keeps no Intl formatter when it can (the service, issue #23): its default locale, and a reader
 * of wall-clock fields in its own zone (null for another zone). Times and days in a locale
 * shared/plainTimeText.ts knows are then written without Intl; everything else as before.
 */
export interface PlainWriting {
  locale: string;
  fields(at: number, zone: string): WallFields | null;
}
let plain: PlainWriting | null = null;

/** Set once by a host that wants times written without Intl where the words are fixed (see PlainWriting). */
export function writePlainly(host: PlainWriting | null): void {
  plain = host;
}

/** How the user wants times written: as their locale writes them, or always on a 12- or 24-hour clock. */
export type ClockPreference = 'locale' | '12h' | '24h';
export const CLOCK_PREFERENCES: readonly ClockPreference[] = ['locale', '12h', '24h'];

const HOUR_CYCLES = { locale: undefined, '12h': 'h12', '24h': 'h23' } as const;

const writing: { locale: string | undefined; hourCycle: 'h12' | 'h23' | undefined } = {
  locale: undefined,
  hourCycle: undefined,
};

/**
 * The user's locale and 12/24-hour choice for every time and date this module writes, set by each host
 * once it has read the settings (the window, the CLI, the tray): one person, one way of writing time.
 */
export function setTimeWriting(locale: string | null | undefined, clock: ClockPreference): void {
  writing.locale = undefined;
  try {
    // A tag Intl cannot read would make every time unwritable: the system's locale then.
    if (locale) writing.locale = Intl.getCanonicalLocales(locale)[0];
  } catch {
    writing.locale = undefined;
  }
  writing.hourCycle = HOUR_CYCLES[clock];
}

/** One cached formatter per shape, in the chosen locale and clock (or the host's). */
export function timeFormat(
  locale: string | undefined,
  zone: string,
  options: Intl.DateTimeFormatOptions,
  clock?: ClockPreference,
): Intl.DateTimeFormat {
  const chosen = locale ?? writing.locale;
  const hourCycle = options.hour ? (clock ? HOUR_CYCLES[clock] : writing.hourCycle) : undefined;
  const key = `${chosen}|${hourCycle}|${zone}|${JSON.stringify(options)}`;
  let formatter = cache.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(chosen, {
      timeZone: zone,
      ...options,
      ...(hourCycle ? { hourCycle } : {}),
    });
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, formatter);
  }
  return formatter;
}

/** A time on the user's clock; `clock` (with `locale`) writes it as given settings do instead of the host's. */
export function clockTime(
  iso: string | number,
  zone: string,
  locale?: string,
  clock?: ClockPreference,
): string {
  const fields = plain?.fields(new Date(iso).getTime(), zone);
  const cycle = clock ? HOUR_CYCLES[clock] : writing.hourCycle;
  const text =
    fields && plainClockText(locale ?? writing.locale ?? plain!.locale, cycle, fields.hour, fields.minute);
  return (
    text || timeFormat(locale, zone, { hour: 'numeric', minute: '2-digit' }, clock).format(new Date(iso))
  );
}

/** Whether two instants fall on the same local day in the zone. */
export function sameLocalDay(a: string | number, b: string | number, zone: string, locale?: string): boolean {
  const [x, y] = [plain?.fields(new Date(a).getTime(), zone), plain?.fields(new Date(b).getTime(), zone)];
  if (x && y) return x.year === y.year && x.month === y.month && x.day === y.day;
  const day = timeFormat(locale, zone, { year: 'numeric', month: '2-digit', day: '2-digit' });
  return day.format(new Date(a)) === day.format(new Date(b));
}

/** "Mon, Dec 7" (as the locale writes a short weekday, day and month) of an instant in the zone. */
export function weekdayDayText(iso: string | number, zone: string, locale?: string): string {
  const fields = plain?.fields(new Date(iso).getTime(), zone);
  const text =
    fields &&
    plainDayText(locale ?? writing.locale ?? plain!.locale, fields.weekday, fields.day, fields.month);
  return (
    text ||
    timeFormat(locale, zone, { weekday: 'short', day: 'numeric', month: 'short' }).format(new Date(iso))
  );
}
