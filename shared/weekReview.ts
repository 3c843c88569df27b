import { addDays, weekdayOf } from './clockTime';
import type { DaySummary } from './history';
import { durationText } from './words';

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

export interface WeekInReview {
  /** 'this' once a workday of the week is behind; until then last week, which is then complete. */
  which: 'this' | 'last';
  days: DaySummary[];
  /** The same days of the week before. */
  before: DaySummary[];
}

/**
 * The week a review is about: this week so far, or last week while this one has no workday behind it
 * yet (on a Monday, and in a week that starts on Sunday also on its Sunday and Monday).
 */
export function weekInReview(weeks: readonly CalendarWeek[], today: string): WeekInReview | null {
  const current = weeks.at(-1);
  if (!current) return null;
  const under = current.days.some((day) => day.workday && day.date < today);
  const reviewed = under ? current : weeks.at(-2);
  if (!reviewed) return null;
  const previous = weeks[weeks.indexOf(reviewed) - 1];
  const offsets = new Set(reviewed.days.map((day) => day.date).map((date) => addDays(date, -7)));
  return {
    which: reviewed === current ? 'this' : 'last',
    days: reviewed.days,
    before: previous?.days.filter((day) => offsets.has(day.date)) ?? [],
  };
}

/** Whether a day shows any use of Cadence. */
export const hadActivity = (day: DaySummary): boolean =>
  day.focusMinutes > 0 ||
  day.meetings > 0 ||
  day.lunchTaken ||
  day.shutdownAt !== null ||
  day.afterHoursMinutes > 0 ||
  day.weekendMinutes > 0;

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

/**
 * One plain sentence on what changed from the previous week to this one. `before` says when the
 * previous figures were: "the week before", or "on the same days last week" while this week is under way.
 */
export function weekChangeSentence(
  previous: WeekTotals,
  current: WeekTotals,
  before = 'the week before',
): string {
  const then = previous.focusMinutes;
  const now = current.focusMinutes;
  // From nothing, or to nothing, "rose by 5.9 h to 5.9 h" says it twice: say where it went from.
  const focusPart =
    now === then
      ? now === 0
        ? `There was no focus time, as ${before}`
        : `Focus time held steady at ${durationText(now)}`
      : then === 0
        ? `Focus time rose to ${durationText(now)}, from none ${before}`
        : now === 0
          ? `There was no focus time, after ${durationText(then)} ${before}`
          : `Focus time ${now > then ? 'rose' : 'fell'} from ${durationText(then)} to ${durationText(now)}`;
  const afterDelta =
    current.afterHoursMinutes + current.weekendMinutes - previous.afterHoursMinutes - previous.weekendMinutes;
  const afterPart =
    afterDelta === 0
      ? 'time after hours did not change'
      : `you worked ${durationText(Math.abs(afterDelta))} ${afterDelta > 0 ? 'more' : 'less'} after hours`;
  const lunches = `${current.lunches} lunch${current.lunches === 1 ? '' : 'es'}`;
  return `${focusPart}, ${afterPart}, and you took ${lunches} (${previous.lunches} ${before}).`;
}
