import { type Instant, type ZonedDay, zonedDay } from './clockTime';
import type { Teammate } from './intents';
import {
  nextSpan,
  weekendKey,
  weekKey,
  type Span,
  spanAt,
  spansFrom,
  spansOn,
  type WorkPattern,
} from './workPattern';

const OVERLAP_HORIZON_DAYS = 15;

export type TeammateState = 'available' | 'off' | 'focusing' | 'meeting' | 'lunch' | 'dnd';

export interface TeammateGlance {
  id: string;
  name: string;
  /** The working hours are a guess (Slack knows none), so the glance says "assumed". */
  hoursAssumed: boolean;
  /** Where the teammate comes from: added by hand, or a connected service. */
  source: string;
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
  /**
   * Their working spans drawn on your day (your local midnight to midnight), as fractions of it: one
   * scale for every teammate, so that a list of bars compares people like a world-clock planner.
   */
  yourDayBar: { from: number; to: number }[];
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

type Bar = PatternGlance['todayBar'];

/** The parts of spans that fall on a day (another zone's, say), as frozen fractions of that day. */
export function barOn(
  day: Pick<ZonedDay, 'dayStart' | 'dayLength'>,
  spans: Iterable<Omit<Span, 'workday'>>,
): Bar {
  const dayEnd = day.dayStart + day.dayLength;
  const bar: { from: number; to: number }[] = [];
  for (const span of spans) {
    if (span.end <= day.dayStart || span.start >= dayEnd) continue;
    bar.push(
      Object.freeze({
        from: Math.max(0, (span.start - day.dayStart) / day.dayLength),
        to: Math.min(1, (span.end - day.dayStart) / day.dayLength),
      }),
    );
  }
  return Object.freeze(bar) as Bar;
}

/** Your own spans for the overlap horizon: computed once for a whole list of teammates. */
export function overlapSpans(at: Instant, mine: WorkPattern): Span[] {
  return [...spansFrom(at, mine, OVERLAP_HORIZON_DAYS)];
}

/**
 * What a list of teammates shares at one instant: each zone's day, computed once, and the glance of
 * each distinct working pattern (most teammates share a handful), computed once. Pass the same map
 * for a whole list; a new instant, zone of yours or set of your spans starts afresh.
 */
export type ZoneMoments = Map<string, unknown>;

/** The part of a glance that depends only on the pattern, the instant and you: shared, read-only. */
interface PatternGlance {
  localTime: string;
  offsetFromYou: number;
  inWorkingHours: boolean;
  nextAvailable: Instant | null;
  nextOverlap: { start: Instant; end: Instant } | null;
  todayBar: { from: number; to: number }[];
  dayFraction: number;
  yourDayBar: { from: number; to: number }[];
}

interface SharedGlances {
  at: Instant;
  userZone: string;
  mine: readonly Span[];
  zones: Map<string, ZonedDay>;
  /** By zone, week (weekKey) and weekend days (weekendKey): what a teammate's pattern is made of. */
  byPattern: Map<string, Map<string, Map<number | string, PatternGlance>>>;
}

const SHARED = '\u0000glances';

function zoneMoment(zone: string, shared: SharedGlances): ZonedDay {
  let moment = shared.zones.get(zone);
  if (!moment) {
    moment = zonedDay(shared.at, zone);
    shared.zones.set(zone, moment);
  }
  return moment;
}

function patternGlance(
  teammate: Teammate,
  at: Instant,
  userZone: string,
  mine: readonly Span[],
  cache: ZoneMoments,
): PatternGlance {
  let shared = cache.get(SHARED) as SharedGlances | undefined;
  if (!shared || shared.at !== at || shared.userZone !== userZone || shared.mine !== mine) {
    shared = { at, userZone, mine, zones: new Map(), byPattern: new Map() };
    cache.set(SHARED, shared);
  }
  // Nested maps rather than one string key: no string is built per teammate
  let byWeek = shared.byPattern.get(teammate.timeZone);
  if (!byWeek) shared.byPattern.set(teammate.timeZone, (byWeek = new Map()));
  const week = weekKey(teammate.week);
  let byWeekend = byWeek.get(week);
  if (!byWeekend) byWeek.set(week, (byWeekend = new Map()));
  const weekend = weekendKey(teammate.weekendDays);
  let found = byWeekend.get(weekend);
  if (!found) {
    const pattern = teammatePattern(teammate);
    const theirs = zoneMoment(pattern.timeZone, shared);
    const yours = zoneMoment(userZone, shared);
    const span = spanAt(at, pattern);
    const overlap = nextOverlap(at, mine, pattern);
    found = {
      localTime: theirs.localTime,
      offsetFromYou: theirs.offset - yours.offset,
      inWorkingHours: span !== null,
      nextAvailable: span ? at : (nextSpan(at, pattern)?.start ?? null),
      // shared by every teammate with this pattern: frozen, so that no one changes it for the others
      nextOverlap: overlap && Object.freeze(overlap),
      todayBar: barOn(theirs, spansOn(theirs.date, pattern)),
      dayFraction: (at - theirs.dayStart) / theirs.dayLength,
      // their day before and after too: your day can take in the end of one and the start of the next
      yourDayBar: barOn(yours, spansFrom(yours.dayStart, pattern, 2)),
    };
    byWeekend.set(weekend, found);
  }
  return found;
}

/**
 * One teammate at `at`. Pass the same `moments` map for a whole list: zones and patterns are then
 * computed once each, and teammates with the same pattern share `nextOverlap` and `todayBar`.
 */
export function glance(
  teammate: Teammate,
  at: Instant,
  userZone: string,
  mine: readonly Span[],
  moments: ZoneMoments = new Map(),
): TeammateGlance {
  const shared = patternGlance(teammate, at, userZone, mine, moments);
  return {
    id: teammate.id,
    name: teammate.name,
    source: teammate.source,
    hoursAssumed: teammate.hoursAssumed === true,
    timeZone: teammate.timeZone,
    localTime: shared.localTime,
    offsetFromYou: shared.offsetFromYou,
    inWorkingHours: shared.inWorkingHours,
    state: stateOf(teammate, shared.inWorkingHours),
    nextAvailable: shared.nextAvailable,
    nextOverlap: shared.nextOverlap,
    todayBar: shared.todayBar,
    dayFraction: shared.dayFraction,
    yourDayBar: shared.yourDayBar,
  };
}
