import { DateTime } from 'luxon';
import { type Instant, offsetMinutes } from './clockTime';
import type { Teammate } from './intents';
import { nextSpan, type Span, spanAt, spansFrom, spansOn, type WorkPattern } from './workPattern';

const OVERLAP_HORIZON_DAYS = 15;

export type TeammateState = 'available' | 'off' | 'focusing' | 'meeting' | 'lunch' | 'dnd';

export interface TeammateGlance {
  id: string;
  name: string;
  timeZone: string;
  localTime: string;
  /** Their offset minus yours, in minutes. */
  offsetFromYou: number;
  inWorkingHours: boolean;
  state: TeammateState;
  /** When they are next available: now if they are, else the start of their next span. */
  nextAvailable: Instant | null;
  /** The next time both of you are in working hours. */
  nextOverlap: { start: Instant; end: Instant } | null;
  /** Their working spans today in their zone, as fractions of their local day (for a 24-hour bar). */
  todayBar: { from: number; to: number }[];
  /** Where they are in their local day, 0…1. */
  dayFraction: number;
}

const teammatePatterns = new WeakMap<Teammate, WorkPattern>();

export function teammatePattern(teammate: Teammate): WorkPattern {
  let pattern = teammatePatterns.get(teammate);
  if (!pattern) {
    pattern = { timeZone: teammate.timeZone, week: teammate.week, weekendDays: teammate.weekendDays };
    teammatePatterns.set(teammate, pattern);
  }
  return pattern;
}

/** The first window in the coming two weeks in which both patterns are working. */
export function nextOverlap(
  at: Instant,
  mine: readonly Span[],
  theirs: WorkPattern,
): { start: Instant; end: Instant } | null {
  const their = [...spansFrom(at, theirs, OVERLAP_HORIZON_DAYS)].filter((span) => span.end > at);
  for (const my of mine) {
    if (my.end <= at) continue;
    for (const other of their) {
      const start = Math.max(my.start, other.start, at);
      const end = Math.min(my.end, other.end);
      if (end > start) return { start, end };
    }
  }
  return null;
}

/** What a connected service reports wins; otherwise working hours decide. */
function stateOf(teammate: Teammate, working: boolean): TeammateState {
  const reported = teammate.presence?.state;
  if (reported) return reported;
  return working ? 'available' : 'off';
}

/** Your own spans for the overlap horizon: computed once for a whole list of teammates. */
export function overlapSpans(at: Instant, mine: WorkPattern): Span[] {
  return [...spansFrom(at, mine, OVERLAP_HORIZON_DAYS)];
}

export function glance(
  teammate: Teammate,
  at: Instant,
  userZone: string,
  mine: readonly Span[],
): TeammateGlance {
  const pattern = teammatePattern(teammate);
  const local = DateTime.fromMillis(at, { zone: teammate.timeZone });
  const date = local.toISODate() ?? '';
  const dayStart = local.startOf('day').toMillis();
  const dayLength = local.endOf('day').toMillis() + 1 - dayStart;
  const span = spanAt(at, pattern);
  const todayBar = spansOn(date, pattern).map((s) => ({
    from: Math.max(0, (s.start - dayStart) / dayLength),
    to: Math.min(1, (s.end - dayStart) / dayLength),
  }));
  return {
    id: teammate.id,
    name: teammate.name,
    timeZone: teammate.timeZone,
    localTime: local.toFormat('HH:mm'),
    offsetFromYou: offsetMinutes(at, teammate.timeZone) - offsetMinutes(at, userZone),
    inWorkingHours: span !== null,
    state: stateOf(teammate, span !== null),
    nextAvailable: span ? at : (nextSpan(at, pattern)?.start ?? null),
    nextOverlap: nextOverlap(at, mine, pattern),
    todayBar,
    dayFraction: (at - dayStart) / dayLength,
  };
}
