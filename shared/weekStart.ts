import { addDays, weekdayOf } from './clockTime';

/** The first day of the week when nothing says otherwise: Monday, as ISO 8601 has it. */
export const ISO_FIRST_DAY = 1;

// Where CLDR's week data is missing (Intl.Locale week info is not in every engine): regions whose
// week starts on Sunday or Saturday; everywhere else it starts on Monday (ISO 8601).
const SUNDAY_REGIONS = new Set(
  'AG AS BD BR BS BT BW BZ CA CN CO DM DO ET GT GU HK HN ID IL IN JM JP KE KH KR LA MH MM MO MT MX MZ NI NP PA PE PH PK PR PT PY SA SG SV TH TT TW UM US VE VI WS YE ZA ZW'.split(
    ' ',
  ),
);
const SATURDAY_REGIONS = new Set('AE AF BH DJ DZ EG IQ IR JO KW LY OM QA SD SY'.split(' '));

/** The first day of the week (ISO: 1 Monday … 7 Sunday) by the locale's region, without CLDR week data. */
export function firstDayByRegion(locale: string): number {
  let region: string | undefined;
  try {
    region = new Intl.Locale(locale).maximize().region;
  } catch {
    return ISO_FIRST_DAY;
  }
  if (region && SUNDAY_REGIONS.has(region)) return 7;
  if (region && SATURDAY_REGIONS.has(region)) return 6;
  return ISO_FIRST_DAY;
}

interface WeekInfoLocale {
  getWeekInfo?: () => { firstDay: number };
  weekInfo?: { firstDay: number };
}

/**
 * The first day of the week in a locale (ISO: 1 Monday … 7 Sunday): from CLDR through Intl.Locale's week
 * info where the engine has it (getWeekInfo(), or the older weekInfo accessor:
 * https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Intl/Locale/getWeekInfo),
 * else by the region. Without a locale (none given, or a system that names none, such as the C locale,
 * which Intl calls "und") the week starts on Monday, as ISO 8601 and CLDR's world default ("001") say.
 */
export function firstDayOfWeek(locale: string | null | undefined): number {
  const tag = locale ?? new Intl.DateTimeFormat().resolvedOptions().locale;
  try {
    const parsed = new Intl.Locale(tag);
    // "und" maximizes to en-US: a machine without a language is not an American one.
    if (parsed.language === 'und') return ISO_FIRST_DAY;
    const info = parsed as Intl.Locale & WeekInfoLocale;
    const firstDay = info.getWeekInfo?.().firstDay ?? info.weekInfo?.firstDay;
    if (firstDay !== undefined && firstDay >= 1 && firstDay <= 7) return firstDay;
  } catch {
    // not a locale Intl knows: the region table decides
  }
  return firstDayByRegion(tag);
}

/** The first day of the calendar week that holds a date. */
export function weekStartOf(date: string, firstDay: number): string {
  return addDays(date, -((weekdayOf(date) - firstDay + 7) % 7));
}

/** The calendar week that holds a date: its first and last local date. */
export function weekOf(date: string, firstDay: number): { from: string; to: string } {
  const from = weekStartOf(date, firstDay);
  return { from, to: addDays(from, 6) };
}
