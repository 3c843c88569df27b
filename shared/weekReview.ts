import { addDays } from './clockTime';
import type { DaySummary } from './history';
import { weekStartOf } from './weekStart';

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
    (day) =>
      day.workday &&
      day.beforeCadence !== true &&
      day.date < today &&
      firstUse !== undefined &&
      day.date >= firstUse,
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
