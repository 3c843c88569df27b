import { lunchInterval, lunchOn } from './availability';
import type { CalendarEvent } from './calendar';
import { addDays, atLocalTime, DAY, type Instant, MINUTE, parseInstant, wallClock } from './clockTime';
import { activityIntervals } from './afterHours';
import { focusIntervals } from './focus';
import { clip, type Interval, minutes, subtract, union } from './intervals';
import { type DaySummary, emptyIntents, type Intents } from './intents';
import type { Settings } from './settings';
import { dayKind, patternOf, spansOn, workdayEnd } from './workPattern';

export type { DaySummary };

/** A day before Cadence first ran is summarised as one with nothing recorded, and marked unknown. */
const NOTHING_RECORDED = emptyIntents();

/** The most days one look-back answers. */
export const MAX_HISTORY_DAYS = 800;

/** A day closed within ten minutes of its end was closed on time: the ritual takes a few minutes. */
const ON_TIME_GRACE = 10 * MINUTE;

export function daySummary(
  date: string,
  at: Instant,
  settings: Settings,
  intents: Intents,
  calendar: readonly CalendarEvent[] = [],
): DaySummary {
  const pattern = patternOf(settings);
  const zone = settings.workTimeZone;
  const from = atLocalTime(date, 0, zone);
  const to = Math.min(atLocalTime(addDays(date, 1), 0, zone), at);
  const focus = union(
    clip(
      focusIntervals(intents).map((f): Interval => [f.start, f.end]),
      from,
      to,
    ),
  );
  const meetings = clip(
    calendar.filter((e) => !e.away).map((e): Interval => [e.start, e.end]),
    from,
    to,
  );
  const workday = dayKind(date, pattern) === 'workday';
  const work = spansOn(addDays(date, -1), pattern)
    .concat(spansOn(date, pattern))
    .map((span): Interval => [span.start, span.end]);
  const shutdown = intents.shutdowns.find((record) => record.date === date);
  const late: Interval[] = [];
  const end = workdayEnd(date, pattern);
  if (shutdown && end !== null) late.push([end, parseInstant(shutdown.completedAt)]);
  const inDay = (moment: Instant) => moment >= from && moment <= to;
  const active = clip(activityIntervals(intents.activity), from, to);
  const worked = union([...focus, ...clip(late, from, to), ...active]);
  const outside = subtract(worked, work);
  // The day's real span: from the first to the last sign of the user that Cadence saw, of any kind.
  const lunch = lunchInterval(lunchOn(date, intents) ?? undefined);
  const closedAt = shutdown ? parseInstant(shutdown.completedAt) : null;
  const moments = [
    ...worked.flat(),
    ...intents.activity
      .map((span) => parseInstant(span.from))
      .filter((moment) => moment >= from && moment <= to),
    ...(lunch ? [lunch.start, lunch.end] : []),
    ...(closedAt !== null ? [closedAt] : []),
  ].filter((moment) => inDay(moment));
  // Without activity seen that day (no source, or measuring off) the focus blocks and lunch alone would
  // pass for a short day: the span is then unknown, not guessed.
  const seen = active.length > 0 || intents.activity.some((span) => inDay(parseInstant(span.from)));
  const first = seen && moments.length ? Math.min(...moments) : null;
  const last = seen && moments.length ? Math.max(...moments) : null;
  return {
    date,
    workday,
    focusMinutes: minutes(focus),
    meetingMinutes: minutes(union(meetings)),
    meetings: meetings.length,
    lunchTaken: lunchOn(date, intents)?.status === 'taken',
    afterHoursMinutes: workday ? minutes(outside) : 0,
    weekendMinutes: workday ? 0 : minutes(outside),
    shutdownAt: closedAt !== null ? wallClock(closedAt, zone) : null,
    closedOnTime: closedAt !== null && end !== null ? closedAt <= end + ON_TIME_GRACE : null,
    firstActive: first !== null ? wallClock(first, zone) : null,
    lastActive: last !== null ? wallClock(last, zone) : null,
    spanMinutes: first !== null && last !== null ? Math.round((last - first) / MINUTE) : null,
    urgent: intents.nudges.some((nudge) => nudge.date === date && nudge.answer === 'urgent'),
  };
}

export function history(
  from: string,
  to: string,
  at: Instant,
  settings: Settings,
  intents: Intents,
  calendar: readonly CalendarEvent[] = [],
): DaySummary[] {
  const frozen = new Map(intents.days.map((day) => [day.date, day]));
  // Counted, not compared as text: a date past 9999 is written "+010000-…", which sorts before "9999".
  const count = Math.min(Math.round((Date.parse(to) - Date.parse(from)) / DAY) + 1, MAX_HISTORY_DAYS);
  const days: DaySummary[] = [];
  for (let index = 0, date = from; index < count; index++, date = addDays(date, 1)) {
    const before = intents.firstDay !== undefined && date < intents.firstDay;
    days.push(
      frozen.get(date) ??
        (before
          ? { ...daySummary(date, at, settings, NOTHING_RECORDED), beforeCadence: true }
          : daySummary(date, at, settings, intents, calendar)),
    );
  }
  return days;
}
