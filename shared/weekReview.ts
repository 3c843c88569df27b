import { addDays, weekdayOf } from './clockTime';
import type { DaySummary } from './history';

export interface WeekTotals {
  focusMinutes: number;
  meetingMinutes: number;
  lunches: number;
  afterHoursMinutes: number;
  weekendMinutes: number;
}

export function weekTotals(days: readonly DaySummary[]): WeekTotals {
  return days.reduce(
    (sum, day) => ({
      focusMinutes: sum.focusMinutes + day.focusMinutes,
      meetingMinutes: sum.meetingMinutes + day.meetingMinutes,
      lunches: sum.lunches + (day.lunchTaken ? 1 : 0),
      afterHoursMinutes: sum.afterHoursMinutes + day.afterHoursMinutes,
      weekendMinutes: sum.weekendMinutes + day.weekendMinutes,
    }),
    { focusMinutes: 0, meetingMinutes: 0, lunches: 0, afterHoursMinutes: 0, weekendMinutes: 0 },
  );
}

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
    return 1;
  }
  if (region && SUNDAY_REGIONS.has(region)) return 7;
  if (region && SATURDAY_REGIONS.has(region)) return 6;
  return 1;
}

interface WeekInfoLocale {
  getWeekInfo?: () => { firstDay: number };
  weekInfo?: { firstDay: number };
}

/** The first day of the week in a locale (ISO: 1 Monday … 7 Sunday), from CLDR where the engine has it. */
export function firstDayOfWeek(locale: string | undefined): number {
  const tag = locale ?? new Intl.DateTimeFormat().resolvedOptions().locale;
  try {
    const info = new Intl.Locale(tag) as Intl.Locale & WeekInfoLocale;
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

export interface CalendarWeek {
  /** The week's first day, whether or not the history reaches back to it. */
  start: string;
  /** The days of the week the history holds, in order (this week's only up to today). */
  days: DaySummary[];
}

/** The history cut into calendar weeks that start on `firstDay`, oldest first. */
export function calendarWeeks(history: readonly DaySummary[], firstDay: number): CalendarWeek[] {
  const weeks: CalendarWeek[] = [];
  for (const day of history) {
    const start = weekStartOf(day.date, firstDay);
    const last = weeks.at(-1);
    if (last?.start === start) last.days.push(day);
    else weeks.push({ start, days: [day] });
  }
  return weeks;
}

/** The history query's range for the `count` calendar weeks up to today. */
export function weeksRange(today: string, firstDay: number, count: number): { from: string; to: string } {
  return { from: addDays(weekStartOf(today, firstDay), -7 * (count - 1)), to: today };
}

/** Whether a day shows any use of Cadence, or any activity it saw. */
export const hadActivity = (day: DaySummary): boolean =>
  day.focusMinutes > 0 ||
  day.meetings > 0 ||
  day.lunchTaken ||
  day.shutdownAt !== null ||
  day.afterHoursMinutes > 0 ||
  day.weekendMinutes > 0 ||
  typeof day.spanMinutes === 'number';

export interface MissedDays {
  /** Past workdays without a lunch, when lunch is part of the day. */
  lunchSkipped: string[];
  /** Past workdays that were never closed with the shutdown ritual. */
  neverClosed: string[];
}

/**
 * The workdays before today that went without a lunch or were never closed. Days before the first one
 * the history shows any use of Cadence on are left out: nobody skipped a ritual they did not have yet.
 */
export function missedDays(
  days: readonly DaySummary[],
  today: string,
  history: readonly DaySummary[],
  lunchEnabled: boolean,
): MissedDays {
  const firstUse = history.find(hadActivity)?.date;
  const past = days.filter(
    (day) => day.workday && day.date < today && firstUse !== undefined && day.date >= firstUse,
  );
  return {
    lunchSkipped: lunchEnabled ? past.filter((day) => !day.lunchTaken).map((day) => day.date) : [],
    neverClosed: past.filter((day) => day.shutdownAt === null).map((day) => day.date),
  };
}

const listFormat = new Intl.ListFormat('en', { type: 'conjunction' });

/** "Lunch skipped on Tuesday and Thursday.", "Wednesday was never closed.", with the days named by `dayName`. */
export function missedSentences(missed: MissedDays, dayName: (date: string) => string): string[] {
  const names = (dates: string[]) => listFormat.format(dates.map(dayName));
  const sentences: string[] = [];
  if (missed.lunchSkipped.length) sentences.push(`Lunch skipped on ${names(missed.lunchSkipped)}.`);
  if (missed.neverClosed.length) {
    const list = names(missed.neverClosed);
    const verb = missed.neverClosed.length === 1 ? 'was' : 'were';
    sentences.push(`${list.charAt(0).toUpperCase()}${list.slice(1)} ${verb} never closed.`);
  }
  return sentences;
}
