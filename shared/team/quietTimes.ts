import { addDays, atLocalTime, type Instant, localDate, minutesOfDay, weekdayOf } from '../clockTime';
import { timeOfDayText } from '../clockWords';
import type { Week, WeekdayKey } from '../workSpans';
import { holidayOn, type HolidaySource, patternOf, type WorkPattern } from '../workPattern';
import type { Settings } from '../settings';
import { teamOf } from './teamNorms';
import type { TeamFile } from './teamFile';
import { TEAM_WEEKDAYS } from './teamNames';

// The team's quiet time (issue #24) in one member's own local time: the evenings, the whole quiet days and
// the public holidays of the team's calendar, each read on the member's own local dates, so a member in
// Riyadh, one in Berlin and one in Los Angeles each get them at their own 18:30, across a DST change too.
// Pure: the member's zone and the holiday source come in.

export type TeamQuiet = NonNullable<TeamFile['quiet']>;
export type QuietKind = 'evening' | 'day' | 'holiday';

/** A stretch of the team's quiet time: from the first quiet minute to the end of the quiet that follows on. */
export interface QuietStretch {
  start: Instant;
  end: Instant;
  /** What makes `at` quiet, the whole day's reason before the evening's. */
  kind: QuietKind;
}

interface Piece {
  start: Instant;
  end: Instant;
  kind: QuietKind;
}

const RANK: Record<QuietKind, number> = { holiday: 3, day: 2, evening: 1 };
/** How far a stretch is followed each way: a quiet week and its evenings on either side. */
const SEARCH_DAYS = 9;

/** The team's quiet pieces that start on a local date of the member's zone. */
function piecesOn(
  date: string,
  quiet: TeamQuiet,
  zone: string,
  holidays: HolidaySource | undefined,
): Piece[] {
  const pieces: Piece[] = [];
  const weekday = TEAM_WEEKDAYS[weekdayOf(date) - 1];
  const wholeDay = { start: atLocalTime(date, 0, zone), end: atLocalTime(addDays(date, 1), 0, zone) };
  if (quiet.days?.some((day) => day === weekday)) pieces.push({ ...wholeDay, kind: 'day' });
  if (quiet.holidays && holidays) {
    const calendar: WorkPattern = {
      timeZone: zone,
      week: {},
      weekendDays: [],
      holidays: { country: quiet.holidays.country, region: quiet.holidays.region ?? null },
      holidaySource: holidays,
    };
    if (holidayOn(date, calendar)) pieces.push({ ...wholeDay, kind: 'holiday' });
  }
  if (quiet.evenings) {
    const from = minutesOfDay(quiet.evenings.from);
    let until = minutesOfDay(quiet.evenings.until);
    if (until <= from) until += 24 * 60; // 18:30 until 08:00 runs overnight
    pieces.push({
      start: atLocalTime(date, from, zone),
      end: atLocalTime(date, until, zone),
      kind: 'evening',
    });
  }
  return pieces;
}

/** The team's quiet time as one member lives it: in their zone, with the host's public holidays. */
export class QuietTimes {
  constructor(
    private readonly quiet: TeamQuiet,
    private readonly zone: string,
    private readonly holidays?: HolidaySource,
  ) {}

  /** The pieces starting from `first` to `last` (local dates), in order of start. */
  private pieces(first: string, last: string): Piece[] {
    const pieces: Piece[] = [];
    for (let date = first; date <= last; date = addDays(date, 1))
      pieces.push(...piecesOn(date, this.quiet, this.zone, this.holidays));
    return pieces.sort((a, b) => a.start - b.start);
  }

  /** The quiet stretch `at` is in, or null when the team expects people to be reachable then. */
  at(at: Instant): QuietStretch | null {
    const today = localDate(at, this.zone);
    const pieces = this.pieces(addDays(today, -SEARCH_DAYS), addDays(today, SEARCH_DAYS));
    const holding = pieces.filter((piece) => piece.start <= at && at < piece.end);
    if (!holding.length) return null;
    let start = Math.min(...holding.map((piece) => piece.start));
    let end = Math.max(...holding.map((piece) => piece.end));
    // Quiet that runs on (Friday evening into a quiet weekend into Monday morning) is one stretch.
    for (let grew = true; grew;) {
      grew = false;
      for (const piece of pieces) {
        if (piece.start <= end && piece.end > end) [end, grew] = [piece.end, true];
        if (piece.end >= start && piece.start < start) [start, grew] = [piece.start, true];
      }
    }
    const kind = holding.reduce(
      (best, piece) => (RANK[piece.kind] > RANK[best] ? piece.kind : best),
      'evening' as QuietKind,
    );
    return { start, end, kind };
  }

  /** When the team's quiet time next begins after `after` (null: not within nine days). */
  nextStart(after: Instant): Instant | null {
    if (this.at(after)) return null;
    const today = localDate(after, this.zone);
    const next = this.pieces(addDays(today, -1), addDays(today, SEARCH_DAYS)).find(
      (piece) => piece.start > after,
    );
    return next?.start ?? null;
  }
}

const memberQuiet = new WeakMap<Settings, { rules: TeamQuiet; pattern: WorkPattern; times: QuietTimes }>();

/**
 * The team's quiet time as the member these settings belong to lives it (their working zone, the host's
 * holidays), or null when the team file they follow sets none. Built once while the settings, the team
 * file's rules and the working pattern stay the same (the team is given to the same settings object anew
 * when its file changes: see withTeam).
 */
export function memberQuietTimes(settings: Settings): QuietTimes | null {
  const rules = teamOf(settings)?.quiet;
  if (!rules) return null;
  const pattern = patternOf(settings);
  const known = memberQuiet.get(settings);
  if (known?.rules === rules && known.pattern === pattern) return known.times;
  const times = new QuietTimes(rules, pattern.timeZone, pattern.holidaySource);
  memberQuiet.set(settings, { rules, pattern, times });
  return times;
}

const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * Where the member's own working hours run into the team's quiet time, in plain words, one line a kind of
 * clash: their hours on a quiet day, or past (or before) the team's quiet evening. The member's hours stay
 * as they are; the quiet time wins while it lasts.
 */
export function quietClashes(week: Week, weekendDays: readonly number[], quiet: TeamQuiet): string[] {
  const lines: string[] = [];
  const workdays = (Object.keys(week) as WeekdayKey[])
    .filter((day) => !weekendDays.includes(Number(day)) && (week[day]?.length ?? 0) > 0)
    .sort();
  const onQuietDays = workdays.filter((day) => quiet.days?.includes(TEAM_WEEKDAYS[Number(day) - 1]!));
  if (onQuietDays.length)
    lines.push(
      `Your working hours include ${list(onQuietDays.map((day) => DAY_NAMES[Number(day) - 1]!))}, a quiet day for your team: Cadence shows you as off all that day.`,
    );
  const evenings = quiet.evenings;
  if (!evenings) return lines;
  const from = minutesOfDay(evenings.from);
  const until = minutesOfDay(evenings.until);
  // The quiet evenings around one working day, in minutes from its midnight (one the night before).
  const quietSpans =
    until <= from
      ? [
          [from - 24 * 60, until],
          [from, until + 24 * 60],
        ]
      : [
          [from, until],
          [from + 24 * 60, until + 24 * 60],
        ];
  const late = new Map<string, string[]>();
  const early = new Map<string, string[]>();
  const add = (into: Map<string, string[]>, time: string, day: string) =>
    into.set(time, [...(into.get(time) ?? []), day]);
  for (const day of workdays) {
    if (onQuietDays.includes(day)) continue;
    for (const span of week[day] ?? []) {
      const start = minutesOfDay(span.start);
      let end = minutesOfDay(span.end);
      if (end <= start) end += 24 * 60;
      const name = DAY_NAMES[Number(day) - 1]!;
      if (quietSpans.some(([qs, qe]) => qs! <= start && start < qe!))
        add(early, `from ${timeOfDayText(span.start)}`, name);
      if (quietSpans.some(([qs]) => start < qs! && qs! < end))
        add(late, `until ${timeOfDayText(span.end)}`, name);
    }
  }
  const times = `${timeOfDayText(evenings.from)} to ${timeOfDayText(evenings.until)}`;
  const said = (found: Map<string, string[]>): string =>
    [...found].map(([time, days]) => `${list(days)} ${time}`).join('; ');
  if (late.size)
    lines.push(
      `Your working hours run past your team's quiet hours (${times}): ${said(late)}. Cadence shows you as off from ${timeOfDayText(evenings.from)}.`,
    );
  if (early.size)
    lines.push(
      `Your working hours start inside your team's quiet hours (${times}): ${said(early)}. Cadence shows you as off until ${timeOfDayText(evenings.until)}.`,
    );
  return lines;
}

const list = (items: readonly string[]): string =>
  items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : (items[0] ?? '');
