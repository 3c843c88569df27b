import type { Availability } from './availability';
import { addDays, atLocalTime, type Instant, localDate, MINUTE, parseInstant } from './clockTime';
import { clip, type Interval, minutes, union } from './intervals';
import { patternOf, spanAt } from './workPattern';
import type { ActivitySpan, Intents } from './intents';
import type { Settings } from './settings';

/** How often activity is looked at outside working hours: a minute with any input counts as active. */
export const ACTIVITY_STEP = MINUTE;

/** Stretches closer than this are one: a minute without input inside an evening's work is not a break. */
const MERGE_GAP = 2 * ACTIVITY_STEP;

/**
 * The activity list with `from`–`to` added: merged into the last stretch when it follows on from it
 * (the watcher reports in time order), a new stretch otherwise. The list is never changed in place.
 */
export function withActivity(spans: readonly ActivitySpan[], from: Instant, to: Instant): ActivitySpan[] {
  const last = spans.at(-1);
  if (last) {
    const lastFrom = parseInstant(last.from);
    const lastTo = parseInstant(last.to);
    if (from <= lastTo + MERGE_GAP && to >= lastFrom - MERGE_GAP) {
      const merged = {
        from: new Date(Math.min(lastFrom, from)).toISOString(),
        to: new Date(Math.max(lastTo, to)).toISOString(),
      };
      if (merged.from === last.from && merged.to === last.to) return spans as ActivitySpan[];
      return [...spans.slice(0, -1), merged];
    }
  }
  return [...spans, { from: new Date(from).toISOString(), to: new Date(to).toISOString() }];
}

/** The stretches as intervals. */
export function activityIntervals(spans: readonly ActivitySpan[]): Interval[] {
  return spans.map((span): Interval => [parseInstant(span.from), parseInstant(span.to)]);
}

/** Minutes of activity between two instants; where stretches overlap (a clock set back), once. */
export function activeMinutesBetween(spans: readonly ActivitySpan[], from: Instant, to: Instant): number {
  return minutes(union(clip(activityIntervals(spans), from, to)));
}

/**
 * Whether activity is looked at now: only while off and outside working hours (time away during them,
 * or a day closed early, is not watched), and when the user wants it.
 */
export function watchingActivity(settings: Settings, availability: Availability, at: Instant): boolean {
  if (!settings.afterHours.measure || availability.mode !== 'off') return false;
  return spanAt(at, patternOf(settings)) === null;
}

export interface NudgeDue {
  /** The closed workday, or the day off, the evening belongs to. */
  date: string;
  dayOff: boolean;
  /** Since when activity counts: the day's closing, or the start of the day off. */
  since: Instant;
  activeMinutes: number;
}

/** Until when in the early morning a night belongs to the evening before. */
const NIGHT_ENDS = 4 * 60 * MINUTE;

const DAY_OFF_REASONS: ReadonlySet<Availability['reason']> = new Set(['weekend', 'holiday', 'dayOff']);

/**
 * The after-hours nudge, when it is due: more than the set minutes of activity since the day was closed,
 * or on a day off, and not yet answered for that day. Once shown (a nudge without an answer) it stays;
 * once answered either way, never again that day.
 */
export function afterHoursNudge(
  at: Instant,
  settings: Settings,
  intents: Intents,
  availability: Availability,
): NudgeDue | null {
  const { measure, nudgeAfterMinutes } = settings.afterHours;
  if (!measure || nudgeAfterMinutes === 0 || availability.mode !== 'off') return null;
  let date: string;
  let since: Instant;
  const dayOff = DAY_OFF_REASONS.has(availability.reason);
  if (availability.reason === 'dayClosed' && availability.since !== null) {
    const closedAt = availability.since;
    const record = intents.shutdowns.find((shutdown) => parseInstant(shutdown.completedAt) === closedAt);
    if (!record) return null;
    date = record.date;
    since = closedAt;
  } else if (dayOff) {
    date = localDate(at, settings.workTimeZone);
    since = atLocalTime(date, 0, settings.workTimeZone);
    // Past midnight the night still belongs to the evening before: a nudge of that evening covers it.
    const evening = intents.nudges.find((nudge) => nudge.date === addDays(date, -1));
    if (evening && at < since + NIGHT_ENDS) {
      if (evening.answer) return null;
      date = evening.date;
      since = parseInstant(evening.at);
    }
  } else return null;
  const shown = intents.nudges.find((nudge) => nudge.date === date);
  if (shown?.answer) return null;
  const activeMinutes = activeMinutesBetween(intents.activity, since, at);
  // Once shown, it stays until answered or the evening is over, whatever the minutes since.
  return shown || activeMinutes >= nudgeAfterMinutes ? { date, dayOff, since, activeMinutes } : null;
}
