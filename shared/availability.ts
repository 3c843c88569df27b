import { awayAt, type CalendarEvent, meetingAt, nextMeetingStart } from './calendar';
import { type Instant, localDate, MINUTE, parseInstant } from './clockTime';
import { activeFocus, type FocusInterval, upcomingFocus } from './focus';
import type { Intents, LunchRecord } from './intents';
import type { Settings } from './settings';
import { memberQuietTimes, type QuietKind, type QuietTimes } from './team/quietTimes';
import {
  dayKind,
  lastWorkdayEnded,
  nextSpan,
  patternOf,
  type Span,
  spanAt,
  spansOn,
  type WorkPattern,
  workdayEnd,
} from './workPattern';

export type Mode = 'focus' | 'meeting' | 'lunch' | 'working' | 'off';

export type Reason =
  | 'focus'
  | 'meeting'
  | 'lunch'
  | 'working'
  | 'away'
  | 'dayClosed'
  | 'beforeHours'
  | 'betweenSpans'
  | 'afterHours'
  /** After the end of the workday, working on with "10 more minutes": the day is extended, not over. */
  | 'extended'
  | 'weekend'
  | 'holiday'
  | 'dayOff'
  /** The team's quiet time (its file's evenings, quiet days and holiday calendar): off for every member. */
  | 'teamQuietHours'
  | 'teamQuietDay'
  | 'teamHoliday';

export interface Availability {
  mode: Mode;
  reason: Reason;
  since: Instant | null;
  /** When this mode ends by itself (null: not within the next year). */
  until: Instant | null;
  /** When the working period that is under way began, or when the next one begins (null: none within a year). */
  nextWorkStart: Instant | null;
  timeZone: string;
  /** The workday now belongs to, when inside working hours. */
  workday: string | null;
  focus: FocusInterval | null;
  meeting: CalendarEvent | null;
  /** The lunch under way: its own end, which a focus block or meeting starting earlier does not move. */
  lunch: { start: Instant; end: Instant } | null;
}

export function lunchOn(workday: string, intents: Intents): LunchRecord | undefined {
  return intents.lunches.find((lunch) => lunch.date === workday);
}

/**
 * A lunch started at `at` for `minutes`: from the minute the clock shows to that minute plus the length.
 * The one rule for a lunch's end, said alike before it starts (the prompt), while it runs (the banner,
 * the headline, the tray, the pushed status, the CLI) and on the timeline.
 */
export function lunchIfStartedAt(at: Instant, minutes: number): { start: Instant; end: Instant } {
  const start = Math.floor(at / MINUTE) * MINUTE;
  return { start, end: start + minutes * MINUTE };
}

export function lunchInterval(record: LunchRecord | undefined): { start: Instant; end: Instant } | null {
  if (!record || record.status !== 'taken' || !record.startedAt || !record.minutes) return null;
  const { start, end: planned } = lunchIfStartedAt(parseInstant(record.startedAt), record.minutes);
  const end = record.endedAt ? Math.min(planned, parseInstant(record.endedAt)) : planned;
  return { start, end };
}

export function isDayClosed(workday: string, intents: Intents): boolean {
  return intents.shutdowns.some((record) => record.date === workday);
}

function offReason(at: Instant, pattern: WorkPattern): Reason {
  const today = localDate(at, pattern.timeZone);
  const kind = dayKind(today, pattern);
  if (kind !== 'workday') return kind;
  const spans = spansOn(today, pattern);
  const first = spans[0];
  if (!first || at >= Math.max(...spans.map((span) => span.end))) return 'afterHours';
  return at < first.start ? 'beforeHours' : 'betweenSpans';
}

function earliest(...instants: (Instant | null | undefined)[]): Instant | null {
  let min: Instant | null = null;
  for (const value of instants)
    if (value !== null && value !== undefined && (min === null || value < min)) min = value;
  return min;
}

/** When work resumes after an absence that ends at `until`. */
function resumeAfter(until: Instant, pattern: WorkPattern): Instant | null {
  return spanAt(until, pattern) ? until : (nextSpan(until, pattern)?.start ?? null);
}

/**
 * What the user is at `at`: the one value every effect of Cadence follows. Pure: the same inputs
 * always give the same answer, so a restart, a sleep or a clock jump only needs a recompute.
 * The team's quiet time (a team file the settings carry) only ever makes it off for longer.
 */
export function availabilityAt(
  at: Instant,
  settings: Settings,
  intents: Intents,
  calendar: readonly CalendarEvent[] = [],
): Availability {
  const own = ownAvailabilityAt(at, settings, intents, calendar);
  const quiet = memberQuietTimes(settings);
  return quiet ? withTeamQuiet(at, own, patternOf(settings), quiet) : own;
}

const QUIET_REASONS: Record<QuietKind, Reason> = {
  evening: 'teamQuietHours',
  day: 'teamQuietDay',
  holiday: 'teamHoliday',
};

/**
 * The member's own availability with the team's quiet time laid over it: working (or at lunch) inside it is
 * off; off ends only once both the member's own hours and the team's quiet time allow; working stops when
 * the quiet time starts. Focus blocks and meetings the member has are left as they are.
 */
function withTeamQuiet(
  at: Instant,
  own: Availability,
  pattern: WorkPattern,
  quiet: QuietTimes,
): Availability {
  /** The first working minute at or after `from` that is outside the team's quiet time. */
  const resume = (from: Instant | null): Instant | null => {
    let next = from;
    for (let step = 0; step < 60 && next !== null; step++) {
      const stretch = quiet.at(next);
      if (!stretch) return next;
      next = resumeAfter(stretch.end, pattern);
    }
    return null;
  };
  const stretch = quiet.at(at);
  if (stretch && (own.mode === 'working' || own.mode === 'lunch')) {
    const back = resume(resumeAfter(stretch.end, pattern));
    return {
      ...own,
      mode: 'off',
      reason: QUIET_REASONS[stretch.kind],
      since: stretch.start,
      until: back,
      nextWorkStart: back,
      workday: null,
      lunch: null,
    };
  }
  if (own.mode === 'off') {
    const back = resume(own.nextWorkStart);
    if (back === own.nextWorkStart) return own;
    return { ...own, nextWorkStart: back, until: own.until === own.nextWorkStart ? back : own.until };
  }
  const starts = own.mode === 'working' || own.mode === 'lunch' ? quiet.nextStart(at) : null;
  return starts !== null && (own.until === null || starts < own.until) ? { ...own, until: starts } : own;
}

function ownAvailabilityAt(
  at: Instant,
  settings: Settings,
  intents: Intents,
  calendar: readonly CalendarEvent[],
): Availability {
  const pattern = patternOf(settings);
  const span = spanAt(at, pattern);
  const closed = span !== null && isDayClosed(span.workday, intents);
  const nextStart = (afterWorkday?: string): Instant | null =>
    nextSpan(at, pattern, afterWorkday)?.start ?? null;
  const base = {
    timeZone: pattern.timeZone,
    workday: span && !closed ? span.workday : null,
    meeting: null,
    lunch: null,
  };

  const focus = activeFocus(at, intents);
  if (focus) {
    return {
      ...base,
      mode: 'focus',
      reason: 'focus',
      since: focus.start,
      until: focus.end,
      focus,
      nextWorkStart: workStartFrom(at, span, closed, pattern, nextStart),
    };
  }
  const meeting = meetingAt(at, calendar);
  if (meeting) {
    return {
      ...base,
      mode: 'meeting',
      reason: 'meeting',
      since: meeting.start,
      until: meeting.end,
      focus: null,
      meeting,
      nextWorkStart: workStartFrom(at, span, closed, pattern, nextStart),
    };
  }
  const away = intents.away;
  const outOfOffice = awayAt(at, calendar);
  if ((away && parseInstant(away.from) <= at && at < parseInstant(away.until)) || outOfOffice) {
    const from = away && parseInstant(away.from) <= at && at < parseInstant(away.until) ? away : null;
    const until = Math.max(from ? parseInstant(from.until) : 0, outOfOffice?.end ?? 0);
    return {
      ...base,
      workday: null,
      mode: 'off',
      reason: 'away',
      since: from ? parseInstant(from.from) : outOfOffice!.start,
      until,
      focus: null,
      nextWorkStart: resumeAfter(until, pattern),
    };
  }
  if (!span) {
    const next = nextStart();
    const reason = offReason(at, pattern);
    const ended = reason === 'afterHours' ? lastWorkdayEnded(at, pattern) : null;
    if (ended !== null) {
      const record = intents.shutdowns.find((shutdown) => shutdown.date === ended);
      // The day that ended is closed: off for the night, since it was closed.
      if (record)
        return {
          ...base,
          mode: 'off',
          reason: 'dayClosed',
          since: parseInstant(record.completedAt),
          until: next,
          focus: null,
          nextWorkStart: next,
        };
      // "10 more minutes" at the end of the day: still working, until the snooze ends.
      const snooze = intents.shutdownSnoozes.find((item) => item.date === ended);
      const snoozedUntil = snooze ? parseInstant(snooze.until) : null;
      if (snoozedUntil !== null && snoozedUntil > at)
        return {
          ...base,
          workday: ended,
          mode: 'working',
          reason: 'extended',
          since: workdayEnd(ended, pattern),
          until: earliest(snoozedUntil, nextMeetingStart(at, calendar), upcomingFocus(at, intents)[0]?.start),
          focus: null,
          nextWorkStart: next,
        };
    }
    return {
      ...base,
      mode: 'off',
      reason,
      since: null,
      until: next,
      focus: null,
      nextWorkStart: next,
    };
  }
  if (closed) {
    const next = nextStart(span.workday);
    const record = intents.shutdowns.find((shutdown) => shutdown.date === span.workday);
    return {
      ...base,
      mode: 'off',
      reason: 'dayClosed',
      since: record ? parseInstant(record.completedAt) : null,
      until: next,
      focus: null,
      nextWorkStart: next,
    };
  }
  const lunch = lunchInterval(lunchOn(span.workday, intents));
  const nextChange = (end: Instant): Instant | null =>
    earliest(end, nextMeetingStart(at, calendar), upcomingFocus(at, intents)[0]?.start);
  if (lunch && lunch.start <= at && at < lunch.end) {
    return {
      ...base,
      mode: 'lunch',
      reason: 'lunch',
      since: lunch.start,
      until: nextChange(lunch.end),
      focus: null,
      lunch,
      nextWorkStart: lunch.end,
    };
  }
  // "10 more minutes" asked before the end: the day's last span runs on to the promised end, said at once.
  const snooze = intents.shutdownSnoozes.find((item) => item.date === span.workday);
  const extendedTo =
    snooze && span.end === workdayEnd(span.workday, pattern)
      ? Math.max(span.end, parseInstant(snooze.until))
      : span.end;
  return {
    ...base,
    mode: 'working',
    reason: 'working',
    since: span.start,
    until: nextChange(extendedTo),
    focus: null,
    nextWorkStart: span.start,
  };
}

function workStartFrom(
  at: Instant,
  span: Span | null,
  closed: boolean,
  pattern: WorkPattern,
  nextStart: (afterWorkday?: string) => Instant | null,
): Instant | null {
  if (span && !closed) return span.start;
  if (span && closed) return nextStart(span.workday);
  return nextSpan(at, pattern)?.start ?? null;
}
