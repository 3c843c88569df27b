import { afterHoursNudge } from './afterHours';
import { openGoalOffer, userGoalPlan } from './focusGoal';
import { type Availability, availabilityAt, isDayClosed, lunchOn } from './availability';
import type { CalendarEvent } from './calendar';
import { lunchWindow } from './lunchWindow';
import { addDays, type Instant, localDate, MINUTE, parseInstant } from './clockTime';
import { focusIntervals } from './focus';
import type { Intents } from './intents';
import type { Settings } from './settings';
import { memberWorkdayEnd } from './team/memberDay';
import { nextSpan, patternOf, spanAt, workdayEnd, type WorkPattern } from './workPattern';

const SHUTDOWN_DUE_HOURS = 6;

export type PromptKind = 'lunch' | 'shutdown' | 'afterHours' | 'goalStart';

export interface Prompt {
  kind: PromptKind;
  /** Identifies one prompt occurrence, so it is raised once. */
  key: string;
  workday: string;
  /** For the shutdown ritual: when the workday ends, and how far past it snoozing may go. */
  endOfDay?: Instant;
  snoozeLimit?: Instant;
  /** For lunch: the last moment a lunch may start. */
  windowEnd?: Instant;
  /** For the after-hours nudge: the minutes of activity seen since the day was closed, or on the day off. */
  activeMinutes?: number;
  /** For a focus goal block offered with a prompt: its key and start (its end is `windowEnd`). */
  goalKey?: string;
  goalStart?: Instant;
}

export function shutdownTimes(
  workday: string,
  settings: Settings,
): { prompt: Instant; end: Instant; snoozeLimit: Instant } | null {
  // The team's quiet time ends the day where it begins earlier than the member's own end.
  const end = memberWorkdayEnd(workday, settings);
  if (end === null) return null;
  return {
    prompt: end - settings.shutdown.promptMinutesBefore * MINUTE,
    end,
    snoozeLimit: end + settings.shutdown.maxSnoozeMinutes * MINUTE,
  };
}

function snoozedUntil(list: readonly { date: string; until: string }[], workday: string): Instant | null {
  const found = list.find((snooze) => snooze.date === workday);
  return found ? parseInstant(found.until) : null;
}

/** The workday whose shutdown ritual is pending at `at`: inside its spans near the end, or after its end. */
function shutdownWorkday(at: Instant, pattern: WorkPattern): string | null {
  const span = spanAt(at, pattern);
  if (span) return span.workday;
  // After hours: the workday that ended last, for a few hours; an unclosed day does not haunt the next morning.
  const today = localDate(at, pattern.timeZone);
  for (let back = 0; back <= 7; back++) {
    const candidate = addDays(today, -back);
    const end = workdayEnd(candidate, pattern);
    if (end === null || end > at) continue;
    return at - end < SHUTDOWN_DUE_HOURS * 60 * MINUTE ? candidate : null;
  }
  return null;
}

/** The prompts that should be on screen at `at`, given what the user has done. */
export function duePrompts(
  at: Instant,
  settings: Settings,
  intents: Intents,
  calendar: readonly CalendarEvent[] = [],
  availability: Availability = availabilityAt(at, settings, intents, calendar),
): Prompt[] {
  const prompts: Prompt[] = [];
  const pattern = patternOf(settings);
  const span = spanAt(at, pattern);
  if (span && settings.lunch.enabled && availability.mode === 'working' && !lunchOn(span.workday, intents)) {
    const window = lunchWindow(span.workday, settings);
    const snooze = snoozedUntil(intents.lunchSnoozes, span.workday);
    if (window.start <= at && at <= window.end && (snooze === null || snooze <= at)) {
      prompts.push({
        kind: 'lunch',
        key: `lunch:${span.workday}:${snooze ?? 0}`,
        workday: span.workday,
        windowEnd: window.end,
      });
    }
  }
  const workday = shutdownWorkday(at, pattern);
  if (
    workday &&
    !isDayClosed(workday, intents) &&
    availability.mode !== 'focus' &&
    availability.mode !== 'meeting'
  ) {
    const times = shutdownTimes(workday, settings);
    const snooze = snoozedUntil(intents.shutdownSnoozes, workday);
    if (times && at >= times.prompt && (snooze === null || snooze <= at)) {
      prompts.push({
        kind: 'shutdown',
        key: `shutdown:${workday}:${snooze ?? 0}`,
        workday,
        endOfDay: times.end,
        snoozeLimit: times.snoozeLimit,
      });
    }
  }
  const offer = openGoalOffer(userGoalPlan(at, settings, intents, calendar), at);
  if (offer && availability.mode !== 'focus' && !isDayClosed(offer.date, intents))
    prompts.push({
      kind: 'goalStart',
      key: `goalStart:${offer.key}`,
      workday: offer.date,
      windowEnd: offer.end,
      goalKey: offer.key,
      goalStart: offer.start,
    });
  const nudge = afterHoursNudge(at, settings, intents, availability);
  if (nudge)
    prompts.push({
      kind: 'afterHours',
      key: `afterHours:${nudge.date}`,
      workday: nudge.date,
      activeMinutes: nudge.activeMinutes,
    });
  return prompts;
}

/**
 * The next instant after `at` when anything Cadence shows or pushes may change. The scheduler arms
 * one timer for it; between deadlines nothing needs to run.
 */
export function nextDeadline(
  at: Instant,
  settings: Settings,
  intents: Intents,
  calendar: readonly CalendarEvent[] = [],
): Instant | null {
  const pattern = patternOf(settings);
  const availability = availabilityAt(at, settings, intents, calendar);
  const candidates: Instant[] = [];
  const add = (value: Instant | null | undefined): void => {
    if (value !== null && value !== undefined && value > at) candidates.push(value);
  };
  add(availability.until);
  add(availability.nextWorkStart);
  for (const interval of focusIntervals(intents)) {
    add(interval.start);
    add(interval.end);
  }
  for (const event of calendar) {
    add(event.start);
    add(event.end);
  }
  for (const span of [spanAt(at, pattern), nextSpan(at, pattern)]) {
    if (!span) continue;
    add(span.start);
    add(span.end);
    const window = lunchWindow(span.workday, settings);
    add(window.start);
    add(window.end + 1);
    const times = shutdownTimes(span.workday, settings);
    add(times?.prompt);
    add(times?.end);
  }
  for (const snooze of [...intents.lunchSnoozes, ...intents.shutdownSnoozes]) add(parseInstant(snooze.until));
  if (intents.away) {
    add(parseInstant(intents.away.from));
    add(parseInstant(intents.away.until));
  }
  return candidates.length ? Math.min(...candidates) : null;
}
