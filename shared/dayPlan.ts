import { isDayClosed, lunchIfStartedAt, lunchInterval, lunchOn } from './availability';
import type { CalendarEvent } from './calendar';
import { addDays, atLocalTime, type Instant, parseInstant } from './clockTime';
import { focusIntervals } from './focus';
import { type FocusPlan, plannedAhead, userGoalPlan } from './focusGoal';
import { type Agenda, agendaOn } from './agenda';
import type { Intents, ShutdownRecord } from './intents';
import { lunchWindow } from './lunchWindow';
import type { Settings } from './settings';
import { memberSpansOn, memberWorkdayEnd } from './team/memberDay';
import { type DayKind, dayKind, holidayOn, patternOf } from './workPattern';

export type PlanItem =
  | { kind: 'work'; start: Instant; end: Instant }
  | {
      kind: 'focus';
      id: string;
      start: Instant;
      end: Instant;
      state: 'done' | 'running' | 'planned' | 'stopped';
      /** A planned block lunch cannot be moved around (the lunch window is full): the user should move it. */
      overlapsLunch?: true;
    }
  | { kind: 'meeting'; id: string; title: string; start: Instant; end: Instant }
  /** A block the weekly focus goal plans here, not yet written down as a focus block. */
  | { kind: 'goal'; key: string; start: Instant; end: Instant }
  | {
      kind: 'lunch';
      start: Instant;
      end: Instant;
      /** `missed`: the lunch window passed with no lunch started or skipped. */
      state: 'planned' | 'running' | 'taken' | 'skipped' | 'missed';
    };

export interface DayPlan {
  date: string;
  timeZone: string;
  dayKind: DayKind;
  holiday: string | null;
  items: PlanItem[];
  endOfDay: Instant | null;
  closed: boolean;
  /** Priorities set by the last shutdown ritual before this day, carried ones included. */
  priorities: string[];
  agenda: Agenda;
  /**
   * The weekly focus goal, when it is on: where the week stands, and the focus planned for the rest of
   * it (`written`: already a focus block, cancelled rather than skipped).
   */
  goal:
    | (Omit<FocusPlan, 'blocks'> & {
        ahead: { id: string; start: Instant; end: Instant; written: boolean }[];
      })
    | null;
  shutdown: ShutdownRecord | null;
}

function overlaps(start: Instant, end: Instant, from: Instant, to: Instant): boolean {
  return start < to && end > from;
}

/**
 * Where lunch goes when it has not been taken: the first moment of the lunch window, not before now or a
 * snooze, that keeps clear of focus blocks and meetings. When the window has no such room, lunch stays at
 * its earliest and `clash` says so.
 */
function plannedLunch(
  date: string,
  at: Instant,
  settings: Settings,
  intents: Intents,
  busy: readonly { start: Instant; end: Instant }[],
): { start: Instant; end: Instant; clash: boolean; missed: boolean } {
  const window = lunchWindow(date, settings);
  const startingAt = (start: Instant) => lunchIfStartedAt(start, settings.lunch.minutes);
  const snooze = intents.lunchSnoozes.find((item) => item.date === date);
  const nowMinute = startingAt(at).start;
  const earliest = Math.max(window.start, snooze ? parseInstant(snooze.until) : window.start);
  if (nowMinute > window.end && at > earliest)
    return { ...startingAt(window.start), clash: false, missed: true };
  let start = Math.max(earliest, window.start <= at ? nowMinute : window.start);
  for (let moved = true; moved && start <= window.end;) {
    moved = false;
    for (const item of busy)
      if (overlaps(start, startingAt(start).end, item.start, item.end)) {
        start = item.end;
        moved = true;
      }
  }
  if (start > window.end) {
    const first = Math.max(earliest, window.start <= at ? nowMinute : window.start);
    return { ...startingAt(first), clash: true, missed: false };
  }
  return { ...startingAt(start), clash: false, missed: false };
}

/** Planned focus blocks that would start inside lunch are flagged: the user should move them. */
function flagOverLunch(items: PlanItem[], lunch: { start: Instant; end: Instant }): void {
  for (const item of items)
    if (
      item.kind === 'focus' &&
      item.state === 'planned' &&
      overlaps(item.start, item.end, lunch.start, lunch.end)
    )
      item.overlapsLunch = true;
}

export function dayPlan(
  date: string,
  at: Instant,
  settings: Settings,
  intents: Intents,
  calendar: readonly CalendarEvent[] = [],
): DayPlan {
  const pattern = patternOf(settings);
  const zone = settings.workTimeZone;
  const dayStart = atLocalTime(date, 0, zone);
  const dayEnd = atLocalTime(addDays(date, 1), 0, zone);
  // The team's quiet time (a team file's) is off, as the status says: the day's work stops at its start.
  const spans = memberSpansOn(date, settings);
  const items: PlanItem[] = spans.map((span) => ({ kind: 'work', start: span.start, end: span.end }));
  for (const focus of focusIntervals(intents)) {
    // A block stopped within its first minute did not happen: not on the timeline, not "what got done".
    const stoppedAtOnce = focus.stopped && focus.end - focus.start < 60_000;
    if (focus.end <= focus.start || stoppedAtOnce || !overlaps(focus.start, focus.end, dayStart, dayEnd))
      continue;
    const state = focus.stopped
      ? 'stopped'
      : focus.end <= at
        ? 'done'
        : focus.start <= at
          ? 'running'
          : 'planned';
    items.push({ kind: 'focus', id: focus.id, start: focus.start, end: focus.end, state });
  }
  const goalPlan = userGoalPlan(at, settings, intents, calendar);
  for (const block of goalPlan?.blocks ?? [])
    if (block.date === date) items.push({ kind: 'goal', key: block.key, start: block.start, end: block.end });
  for (const event of calendar) {
    if (overlaps(event.start, event.end, dayStart, dayEnd)) {
      items.push({ kind: 'meeting', id: event.id, title: event.title, start: event.start, end: event.end });
    }
  }
  if (spans.length && settings.lunch.enabled) {
    const record = lunchOn(date, intents);
    const taken = lunchInterval(record);
    if (taken) {
      items.push({ kind: 'lunch', ...taken, state: taken.end <= at ? 'taken' : 'running' });
      // Lunch under way keeps its end: a block planned into it is still the user's to move.
      if (taken.end > at) flagOverLunch(items, taken);
    } else if (record?.status === 'skipped') {
      const skipped = lunchIfStartedAt(lunchWindow(date, settings).start, settings.lunch.minutes);
      items.push({ kind: 'lunch', ...skipped, state: 'skipped' });
    } else if (!isDayClosed(date, intents)) {
      // A closed day plans no lunch: the rest of it is the user's.
      const busy = items.filter(
        (item) =>
          item.kind === 'meeting' ||
          item.kind === 'goal' ||
          (item.kind === 'focus' && item.state !== 'stopped'),
      );
      const lunch = plannedLunch(date, at, settings, intents, busy);
      items.push({
        kind: 'lunch',
        start: lunch.start,
        end: lunch.end,
        state: lunch.missed ? 'missed' : 'planned',
      });
      if (lunch.clash) flagOverLunch(items, lunch);
    }
  }
  items.sort((a, b) => a.start - b.start || a.end - b.end);
  const agenda = agendaOn(date, intents, pattern);
  return {
    date,
    timeZone: zone,
    dayKind: dayKind(date, pattern),
    holiday: holidayOn(date, pattern),
    items,
    endOfDay: memberWorkdayEnd(date, settings),
    closed: isDayClosed(date, intents),
    priorities: agenda.items.map((item) => item.text),
    agenda,
    goal: goalPlan ? goalSummary(goalPlan, at, settings, intents, calendar) : null,
    shutdown: intents.shutdowns.find((record) => record.date === date) ?? null,
  };
}

/** What comes next today, for the headline: a planned focus block, a meeting or lunch. */
export interface NextUp {
  kind: 'focus' | 'meeting' | 'lunch';
  start: Instant;
  title: string | null;
}

/**
 * The next focus block, meeting or lunch of the day `at` is in, before `until` (the end of the working
 * stretch). Lunch already due is the lunch prompt's business, not a "next".
 */
export function nextUp(
  at: Instant,
  until: Instant | null,
  date: string,
  settings: Settings,
  intents: Intents,
  calendar: readonly CalendarEvent[],
): NextUp | null {
  const plan = dayPlan(date, at, settings, intents, calendar);
  for (const item of plan.items) {
    if (item.start <= at || (until !== null && item.start >= until)) continue;
    // A block the weekly goal plans is focus to come as much as one the user planned.
    if ((item.kind === 'focus' && item.state === 'planned') || item.kind === 'goal')
      return { kind: 'focus', start: item.start, title: null };
    if (item.kind === 'meeting') return { kind: 'meeting', start: item.start, title: item.title };
    if (item.kind === 'lunch' && item.state === 'planned')
      return { kind: 'lunch', start: item.start, title: null };
  }
  return null;
}

function goalSummary(
  plan: FocusPlan,
  at: Instant,
  settings: Settings,
  intents: Intents,
  calendar: readonly CalendarEvent[],
): NonNullable<DayPlan['goal']> {
  const { blocks, ...summary } = plan;
  const unwritten = new Set(blocks.map((block) => block.key));
  const weekEnd = atLocalTime(addDays(plan.to, 1), 0, settings.workTimeZone);
  const ahead = plannedAhead(at, settings, intents, calendar)
    .filter((block) => block.start < weekEnd)
    .map((block) => ({ ...block, written: !unwritten.has(block.id) }));
  return { ...summary, ahead };
}
