import { DateTime } from 'luxon';
import type { Instant } from './clockTime';
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

/** What one zone looks like at one instant: shared by every teammate in that zone. */
interface ZoneMoment {
  date: string;
  localTime: string;
  offset: number;
  dayStart: Instant;
  dayLength: number;
}

export type ZoneMoments = Map<string, ZoneMoment>;

function zoneMoment(at: Instant, zone: string, cache: ZoneMoments): ZoneMoment {
  let moment = cache.get(zone);
  if (!moment) {
    const local = DateTime.fromMillis(at, { zone });
    const dayStart = local.startOf('day').toMillis();
    moment = {
      date: local.toISODate() ?? '',
      localTime: local.toFormat('HH:mm'),
      offset: local.offset,
      dayStart,
      dayLength: local.endOf('day').toMillis() + 1 - dayStart,
    };
    cache.set(zone, moment);
  }
  return moment;
}

/** One teammate at `at`. Pass the same `moments` map for a whole list: zones are then computed once each. */
export function glance(
  teammate: Teammate,
  at: Instant,
  userZone: string,
  mine: readonly Span[],
  moments: ZoneMoments = new Map(),
): TeammateGlance {
  const pattern = teammatePattern(teammate);
  const { date, dayStart, dayLength, localTime, offset } = zoneMoment(at, teammate.timeZone, moments);
  const span = spanAt(at, pattern);
  const todayBar = spansOn(date, pattern).map((s) => ({
    from: Math.max(0, (s.start - dayStart) / dayLength),
    to: Math.min(1, (s.end - dayStart) / dayLength),
  }));
  return {
    id: teammate.id,
    name: teammate.name,
    timeZone: teammate.timeZone,
    localTime,
    offsetFromYou: offset - zoneMoment(at, userZone, moments).offset,
    inWorkingHours: span !== null,
    state: stateOf(teammate, span !== null),
    nextAvailable: span ? at : (nextSpan(at, pattern)?.start ?? null),
    nextOverlap: nextOverlap(at, mine, pattern),
    todayBar,
    dayFraction: (at - dayStart) / dayLength,
  };
}
