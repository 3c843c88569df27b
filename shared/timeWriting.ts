// How times and dates are written: Intl in the user's locale and working zone, on the clock they chose.
// Pure and below every domain module, so that settings, words and the window's fields all read one clock.

const cache = new Map<string, Intl.DateTimeFormat>();

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
  return timeFormat(locale, zone, { hour: 'numeric', minute: '2-digit' }, clock).format(new Date(iso));
}
