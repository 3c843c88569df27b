import { addDays, atLocalTime, type Instant } from '../clockTime';
import { type Interval, subtract } from '../intervals';
import type { Settings } from '../settings';
import { patternOf, type Span, spansOn, workdayEnd } from '../workPattern';
import { memberQuietTimes } from './quietTimes';
import { quietStretches } from './teamTogether';

// A member's working day as the team file leaves it (issue #24): their own spans with the team's quiet
// time taken out, so that Today's timeline, its free time and the end-of-day ritual say what the status
// does (off from the team's 18:30, not the member's own 19:00). Without quiet time in the file, the
// member's own day, as it is.

/** The member's working spans of a local date, the team's quiet time taken out. */
export function memberSpansOn(date: string, settings: Settings): Span[] {
  const spans = spansOn(date, patternOf(settings));
  const quiet = memberQuietTimes(settings);
  if (!quiet || !spans.length) return spans;
  const zone = settings.workTimeZone;
  // The quiet around the date: a stretch that began the evening before runs into its morning.
  const from = atLocalTime(addDays(date, -1), 0, zone);
  const to = atLocalTime(addDays(date, 2), 0, zone);
  const working = spans.map((span): Interval => [span.start, span.end]);
  return subtract(working, quietStretches(quiet, from, to)).map(([start, end]) => ({
    workday: date,
    start,
    end,
  }));
}

/** When the member's working day ends, the team's quiet time taken out; null on a day without work. */
export function memberWorkdayEnd(date: string, settings: Settings): Instant | null {
  if (!memberQuietTimes(settings)) return workdayEnd(date, patternOf(settings));
  const spans = memberSpansOn(date, settings);
  return spans.length ? Math.max(...spans.map((span) => span.end)) : null;
}
