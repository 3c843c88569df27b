import { DAY, type Instant } from '../clockTime';
import {
  type HolidaySource,
  type Span,
  spansFrom,
  weekendKey,
  weekKey,
  type WorkPattern,
} from '../workPattern';
import { type Interval, intersect, subtract } from '../intervals';
import { type QuietKind, QuietTimes, type TeamQuiet } from './quietTimes';

// The teammates glance with a team file (issue #24): who is inside the team's hours now (outside is the
// team's quiet time in their own zone: an evening, a quiet day, a holiday), and the next time the whole
// team is in working hours together, the team's quiet time taken out for each zone. Pure: zones, DST and
// holidays come from workPattern and quietTimes.

export interface Stretch {
  start: Instant;
  end: Instant;
}

/** How far ahead the whole team's next time together is looked for, as each teammate's. */
const HORIZON_DAYS = 15;

/** The team's quiet stretches in one zone from `from` to `to`, in order. */
export function quietStretches(quiet: QuietTimes, from: Instant, to: Instant): Interval[] {
  const stretches: Interval[] = [];
  for (let at = from; at < to;) {
    const stretch = quiet.at(at);
    if (stretch) {
      stretches.push([stretch.start, stretch.end]);
      at = stretch.end;
      continue;
    }
    // nextStart looks nine days ahead: nothing there, the search goes on from eight days on.
    at = quiet.nextStart(at) ?? at + 8 * DAY;
  }
  return stretches;
}

/** The team's quiet time as lived in each zone, built once a zone for one glance of a whole list. */
export class TeamQuietByZone {
  private readonly times = new Map<string, QuietTimes>();
  private readonly now = new Map<string, { kind: QuietKind; until: Instant } | null>();

  constructor(
    private readonly quiet: TeamQuiet,
    private readonly holidays?: HolidaySource,
  ) {}

  private timesIn(zone: string): QuietTimes {
    let times = this.times.get(zone);
    if (!times) {
      times = new QuietTimes(this.quiet, zone, this.holidays);
      this.times.set(zone, times);
    }
    return times;
  }

  /** The team's quiet time someone in `zone` is in at `at` (what it is and when it ends), or null. */
  at(zone: string, at: Instant): { kind: QuietKind; until: Instant } | null {
    const key = `${zone}\u0000${at}`;
    if (!this.now.has(key)) {
      const stretch = this.timesIn(zone).at(at);
      this.now.set(key, stretch ? { kind: stretch.kind, until: stretch.end } : null);
    }
    return this.now.get(key)!;
  }

  /** The team's quiet stretches in `zone` over the horizon from `at`. */
  stretches(zone: string, at: Instant): Interval[] {
    return quietStretches(this.timesIn(zone), at, at + HORIZON_DAYS * DAY);
  }
}

/**
 * The next time, within two weeks, that you and every teammate are in working hours at once, each
 * outside the team's quiet time in their own zone (when the team has any): the first such stretch, or
 * null. Teammates who share a working pattern are counted once.
 */
export function wholeTeamTogether(
  at: Instant,
  you: { spans: readonly Span[]; zone: string },
  theirs: readonly WorkPattern[],
  quiet: TeamQuietByZone | null,
): Stretch | null {
  if (!theirs.length) return null;
  const patterns = new Map<string, WorkPattern>();
  for (const pattern of theirs)
    patterns.set(
      `${pattern.timeZone}\u0000${weekKey(pattern.week)}\u0000${weekendKey(pattern.weekendDays)}`,
      pattern,
    );
  const own = (spans: Iterable<Span>, zone: string): Interval[] =>
    subtract(
      [...spans].filter((span) => span.end > at).map((span): Interval => [span.start, span.end]),
      quiet ? quiet.stretches(zone, at) : [],
    );
  let together = own(you.spans, you.zone);
  for (const pattern of patterns.values()) {
    if (!together.length) return null;
    together = intersect(together, own(spansFrom(at, pattern, HORIZON_DAYS), pattern.timeZone));
  }
  const first = together[0];
  return first ? { start: Math.max(first[0], at), end: first[1] } : null;
}
