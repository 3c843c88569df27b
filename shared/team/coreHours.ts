import { addDays, atLocalTime, type Instant, localDate, minutesOfDay, weekdayOf } from '../clockTime';
import type { TeamFile } from './teamFile';
import { TEAM_WEEKDAYS, type TeamWeekday } from './teamNames';

// The team's core overlap hours (issue #24) as instants: the file writes them in one named zone, on that
// zone's days; each member sees them on their own local day and clock. Pure: zones and DST come from
// clockTime's atLocalTime/localDate, so 15:00 Berlin is 06:00 in Los Angeles most of the year, 07:00 in
// the weeks of March and autumn when only one of the two has changed its clocks.

export type CoreHours = NonNullable<TeamFile['coreHours']>;

export interface CoreSpan {
  start: Instant;
  end: Instant;
}

const WEEKDAY_NUMBER: Record<TeamWeekday, number> = Object.fromEntries(
  TEAM_WEEKDAYS.map((day, index) => [day, index + 1]),
) as Record<TeamWeekday, number>;

/**
 * The ISO weekdays (1 Monday … 7 Sunday, in the core zone) that have core hours: the file's `days`; left
 * out, "every working day": the days that are not the team's quiet days, or Monday to Friday when the
 * file names no quiet days.
 */
export function coreWeekdays(team: Pick<TeamFile, 'coreHours' | 'quiet'>): ReadonlySet<number> {
  const days = team.coreHours?.days;
  if (days) return new Set(days.map((day) => WEEKDAY_NUMBER[day]));
  const quiet = team.quiet?.days;
  if (quiet)
    return new Set(TEAM_WEEKDAYS.filter((day) => !quiet.includes(day)).map((d) => WEEKDAY_NUMBER[d]));
  return new Set([1, 2, 3, 4, 5]);
}

/** The core hours of one date in the core zone, or null when that date has none. */
function spanOfCoreDate(core: CoreHours, days: ReadonlySet<number>, coreDate: string): CoreSpan | null {
  if (!days.has(weekdayOf(coreDate))) return null;
  return {
    start: atLocalTime(coreDate, minutesOfDay(core.start), core.timeZone),
    end: atLocalTime(coreDate, minutesOfDay(core.end), core.timeZone),
  };
}

/**
 * The team's core hours that start on a member's local date, in the member's zone (none when the file
 * sets no core hours, or that day has none). A member far east or west may see them cross midnight: they
 * belong to the day they start on.
 */
export function coreSpansOn(
  date: string,
  zone: string,
  team: Pick<TeamFile, 'coreHours' | 'quiet'> | null,
): CoreSpan[] {
  const core = team?.coreHours;
  if (!core) return [];
  const days = coreWeekdays(team);
  const spans: CoreSpan[] = [];
  // The member's date meets at most the core zone's date before, the same and the one after.
  for (const offset of [-1, 0, 1]) {
    const span = spanOfCoreDate(core, days, addDays(date, offset));
    if (span && localDate(span.start, zone) === date) spans.push(span);
  }
  return spans;
}

/** The core hours running at `at`, or the next ones to come (within two weeks); null when there are none. */
export function currentOrNextCoreSpan(
  at: Instant,
  team: Pick<TeamFile, 'coreHours' | 'quiet'> | null,
): CoreSpan | null {
  const core = team?.coreHours;
  if (!core) return null;
  const days = coreWeekdays(team);
  const today = localDate(at, core.timeZone);
  for (let offset = 0; offset <= 14; offset++) {
    const span = spanOfCoreDate(core, days, addDays(today, offset));
    if (span && span.end > at) return span;
  }
  return null;
}

/** The core hours that meet [from, to): what the focus goal keeps free for each other. */
export function coreSpansBetween(
  from: Instant,
  to: Instant,
  team: Pick<TeamFile, 'coreHours' | 'quiet'> | null,
): CoreSpan[] {
  const core = team?.coreHours;
  if (!core || to <= from) return [];
  const days = coreWeekdays(team);
  const spans: CoreSpan[] = [];
  const last = localDate(to, core.timeZone);
  for (let date = addDays(localDate(from, core.timeZone), -1); date <= last; date = addDays(date, 1)) {
    const span = spanOfCoreDate(core, days, date);
    if (span && span.start < to && span.end > from) spans.push(span);
  }
  return spans;
}

// The words live apart (no date library), for the window's first screen and the CLI.
export { coreHoursText } from './coreHoursWords';
