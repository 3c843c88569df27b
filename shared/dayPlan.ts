import { isDayClosed, lunchInterval, lunchOn } from './availability';
import type { CalendarEvent } from './calendar';
import { addDays, atLocalTime, type Instant, MINUTE } from './clockTime';
import { focusIntervals } from './focus';
import type { Intents, ShutdownRecord } from './intents';
import { lunchWindow } from './prompts';
import type { Settings } from './settings';
import { type DayKind, dayKind, holidayOn, patternOf, spansOn, workdayEnd } from './workPattern';

export type PlanItem =
  | { kind: 'work'; start: Instant; end: Instant }
  | {
      kind: 'focus';
      id: string;
      start: Instant;
      end: Instant;
      state: 'done' | 'running' | 'planned' | 'stopped';
    }
  | { kind: 'meeting'; id: string; title: string; start: Instant; end: Instant }
  | { kind: 'lunch'; start: Instant; end: Instant; state: 'planned' | 'running' | 'taken' | 'skipped' };

export interface DayPlan {
  date: string;
  timeZone: string;
  dayKind: DayKind;
  holiday: string | null;
  items: PlanItem[];
  endOfDay: Instant | null;
  closed: boolean;
  /** Priorities set by the last shutdown ritual before this day. */
  priorities: string[];
  shutdown: ShutdownRecord | null;
}

function overlaps(start: Instant, end: Instant, from: Instant, to: Instant): boolean {
  return start < to && end > from;
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
  const spans = spansOn(date, pattern);
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
    } else {
      const window = lunchWindow(date, settings);
      const state = record?.status === 'skipped' ? 'skipped' : 'planned';
      items.push({
        kind: 'lunch',
        start: window.start,
        end: window.start + settings.lunch.minutes * MINUTE,
        state,
      });
    }
  }
  items.sort((a, b) => a.start - b.start || a.end - b.end);
  const earlier = intents.shutdowns
    .filter((record) => record.date < date)
    .sort((a, b) => (a.date < b.date ? 1 : -1));
  return {
    date,
    timeZone: zone,
    dayKind: dayKind(date, pattern),
    holiday: holidayOn(date, pattern),
    items,
    endOfDay: workdayEnd(date, pattern),
    closed: isDayClosed(date, intents),
    priorities: earlier[0]?.priorities ?? [],
    shutdown: intents.shutdowns.find((record) => record.date === date) ?? null,
  };
}
