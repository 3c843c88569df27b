import { type Instant, MINUTE, parseInstant } from './clockTime';
import type { FocusBlock, Intents } from './intents';

export interface FocusInterval {
  id: string;
  start: Instant;
  plannedEnd: Instant;
  /** When it really ends or ended: the planned end, or the moment it was stopped. */
  end: Instant;
  stopped: boolean;
}

export function focusInterval(block: FocusBlock): FocusInterval {
  const start = parseInstant(block.startAt);
  const plannedEnd = start + block.plannedMinutes * MINUTE;
  const stoppedAt = block.stoppedAt ? parseInstant(block.stoppedAt) : null;
  const end = stoppedAt !== null ? Math.max(start, Math.min(stoppedAt, plannedEnd)) : plannedEnd;
  return { id: block.id, start, plannedEnd, end, stopped: stoppedAt !== null && stoppedAt < plannedEnd };
}

const intervalsOf = new WeakMap<Intents['focus'], readonly FocusInterval[]>();

/** The blocks as intervals; intents are never changed in place, so one list serves every caller. */
export function focusIntervals(intents: Intents): readonly FocusInterval[] {
  let intervals = intervalsOf.get(intents.focus);
  if (!intervals) {
    intervals = Object.freeze(intents.focus.map((block) => Object.freeze(focusInterval(block))));
    intervalsOf.set(intents.focus, intervals);
  }
  return intervals;
}

export function activeFocus(at: Instant, intents: Intents): FocusInterval | null {
  for (const interval of focusIntervals(intents))
    if (interval.start <= at && at < interval.end) return interval;
  return null;
}

/** Blocks the user planned for later that have not been cancelled. */
export function upcomingFocus(at: Instant, intents: Intents): FocusInterval[] {
  return focusIntervals(intents)
    .filter((interval) => interval.start > at && interval.end > interval.start)
    .sort((a, b) => a.start - b.start);
}

/** The focus block that ended most recently before `at`, if any. */
export function lastEndedFocus(at: Instant, intents: Intents): FocusInterval | null {
  let last: FocusInterval | null = null;
  for (const interval of focusIntervals(intents)) {
    if (interval.end <= at && interval.end > interval.start && (!last || interval.end > last.end))
      last = interval;
  }
  return last;
}
