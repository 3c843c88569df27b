// The working week's spans as the window edits them: plain functions, no schema library, so that the
// window's first bundle does not carry the validator (settings.ts holds the schemas and re-exports these).
import { isHourMinute } from './clockTime';

/** A day of the ISO week, Monday "1" to Sunday "7", as the settings key their working week. */
export type WeekdayKey = '1' | '2' | '3' | '4' | '5' | '6' | '7';

/** A span of work in local time; a span that ends the next day runs past midnight (a night shift). */
export interface WorkSpan {
  start: string;
  end: string;
  nextDay?: boolean | undefined;
}

/** The working week: each weekday's spans (settings.ts holds its schema). */
export type Week = Record<WeekdayKey, WorkSpan[]>;

export const WEEKDAYS: readonly WeekdayKey[] = ['1', '2', '3', '4', '5', '6', '7'];

export const ENDS_BEFORE_START = "Ends before it starts — tick 'ends the next day' for a night shift";
export const ENDS_AFTER_START = "Ends later the same day — untick 'ends the next day'";
export const SAME_START_AND_END = 'Starts and ends at the same time — change one of them';

/**
 * What is wrong with a span, if anything. `nextDay` says whether the end is on the next day (a night
 * shift); files written before it existed leave it out, and there an end before the start keeps
 * meaning a night shift.
 */
export function spanProblem(span: {
  start: string;
  end: string;
  nextDay?: boolean | undefined;
}): string | null {
  if (!isHourMinute(span.start) || !isHourMinute(span.end)) return null; // said by the field's own check
  if (span.start === span.end) return SAME_START_AND_END;
  if (span.nextDay === false && span.end < span.start) return ENDS_BEFORE_START;
  if (span.nextDay === true && span.end > span.start) return ENDS_AFTER_START;
  return null;
}

/** The span with its night-shift intent spelled out, as the window edits it. */
export function withExplicitNextDay(span: WorkSpan): WorkSpan {
  return span.nextDay === undefined ? { ...span, nextDay: span.end < span.start } : span;
}

const workdays = (weekendDays: readonly number[]): WeekdayKey[] =>
  WEEKDAYS.filter((day) => !weekendDays.includes(Number(day)));
const spansText = (spans: readonly WorkSpan[] | undefined): string =>
  JSON.stringify((spans ?? []).map(withExplicitNextDay));

/** The hours every working day shares, or null when they differ or there is no working day. */
export function sharedWorkdayHours(week: Week, weekendDays: readonly number[]): WorkSpan[] | null {
  const [first, ...rest] = workdays(weekendDays);
  if (!first) return null;
  const text = spansText(week[first]);
  return rest.every((day) => spansText(week[day]) === text) ? (week[first] ?? []) : null;
}

/** The week with the same hours on every working day: one edit for all of them. Weekend days keep theirs. */
export function withWorkdayHours(week: Week, weekendDays: readonly number[], spans: WorkSpan[]): Week {
  return { ...week, ...Object.fromEntries(workdays(weekendDays).map((day) => [day, spans])) };
}

/** The settings with every span's night-shift intent spelled out, as the window edits them. */
export function withExplicitNights<S extends { week: Week }>(settings: S): S {
  const week = Object.fromEntries(
    Object.entries(settings.week).map(([day, spans]) => [day, spans.map(withExplicitNextDay)]),
  ) as Week;
  return { ...settings, week };
}
