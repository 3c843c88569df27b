import { DAY } from './clockTime';
import type { DaySummary } from './history';
import { type CalendarWeek, hadActivity } from './weekReview';
import { durationText } from './words';

/** A workday with this much time after hours had a late evening. */
export const LATE_EVENING_MINUTES = 30;
/** The weeks before the reviewed one that make the user's usual. */
export const USUAL_WEEKS = 4;

/**
 * Why a figure has no value: its days were stored before Cadence measured it, it saw nothing, or the
 * days came before Cadence first ran.
 */
export type Unknown = 'not measured' | 'none seen' | 'no workday' | 'before Cadence';

/** Whether anything is known of a day: not before Cadence first ran. */
export const known = (day: DaySummary): boolean => day.beforeCadence !== true;

export interface WeekFigures {
  /** The days known (not before Cadence first ran): with none, every figure is unknown. */
  knownDays: number;
  /** The workdays counted, known ones only: what "of N" counts are out of. */
  workdays: number;
  /** The average minutes from first to last activity, over the workdays where any was seen. */
  spanMinutes: number | null;
  afterHoursMinutes: number;
  weekendMinutes: number;
  lunches: number;
  /** The workdays closed on time, among those whose closing was measured. */
  closedOnTime: number | null;
  focusMinutes: number;
  meetingMinutes: number;
  /** Workdays with at least LATE_EVENING_MINUTES after hours, and how many of them were marked urgent. */
  lateEvenings: number;
  urgentEvenings: number;
  /** The workdays whose closing was measured (older stored days did not): what closedOnTime is out of. */
  closingsMeasured: number;
  /** Why spanMinutes or closedOnTime is null. */
  unknown: { spanMinutes?: Unknown; closedOnTime?: Unknown };
}

const sum = (days: readonly DaySummary[], value: (day: DaySummary) => number): number =>
  days.reduce((total, day) => total + value(day), 0);

const isLate = (day: DaySummary): boolean => day.workday && day.afterHoursMinutes >= LATE_EVENING_MINUTES;

/**
 * The figures of some days of a week. Fields older stored days lack are unknown, never zero, and the
 * days before Cadence first ran are left out.
 */
export function weekFigures(all: readonly DaySummary[]): WeekFigures {
  const days = all.filter(known);
  const workdays = days.filter((day) => day.workday);
  const spans = workdays.flatMap((day) => (typeof day.spanMinutes === 'number' ? [day.spanMinutes] : []));
  const closings = workdays.filter((day) => day.closedOnTime !== undefined);
  const why = (measured: number): Unknown =>
    days.length === 0 && all.length > 0
      ? 'before Cadence'
      : workdays.length === 0
        ? 'no workday'
        : measured === 0
          ? 'not measured'
          : 'none seen';
  const unknown: WeekFigures['unknown'] = {};
  if (!spans.length) unknown.spanMinutes = why(workdays.filter((d) => d.spanMinutes !== undefined).length);
  if (!closings.length) unknown.closedOnTime = why(0);
  const late = workdays.filter(isLate);
  return {
    knownDays: days.length,
    workdays: workdays.length,
    spanMinutes: spans.length ? spans.reduce((a, b) => a + b, 0) / spans.length : null,
    afterHoursMinutes: sum(days, (day) => day.afterHoursMinutes),
    weekendMinutes: sum(days, (day) => day.weekendMinutes),
    lunches: workdays.filter((day) => day.lunchTaken).length,
    closedOnTime: closings.length ? closings.filter((day) => day.closedOnTime === true).length : null,
    focusMinutes: sum(days, (day) => day.focusMinutes),
    meetingMinutes: sum(days, (day) => day.meetingMinutes),
    lateEvenings: late.length,
    urgentEvenings: late.filter((day) => day.urgent === true).length,
    closingsMeasured: closings.length,
    unknown,
  };
}

const dayIndex = (date: string): number => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY);

/**
 * The user's usual: each figure averaged over the weeks given, taking of each week only the days at
 * the positions in `positions` (0 the week's first day). The span is the average over all their
 * workdays with a span, so that a short week weighs less; a figure unknown in a week is left out of
 * that one figure's average.
 */
function usualFigures(weeks: readonly CalendarWeek[], positions: ReadonlySet<number>): WeekFigures {
  const chosen = weeks.map((week) =>
    week.days.filter((day) => positions.has(dayIndex(day.date) - dayIndex(week.start))),
  );
  const each = chosen.map(weekFigures);
  const mean = (values: number[]): number | null =>
    values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
  const average = (value: (figures: WeekFigures) => number): number => mean(each.map(value)) ?? 0;
  const pooled = weekFigures(chosen.flat());
  const closed = each.flatMap((figures) => (figures.closedOnTime === null ? [] : [figures.closedOnTime]));
  return {
    knownDays: average((f) => f.knownDays),
    workdays: average((f) => f.workdays),
    spanMinutes: pooled.spanMinutes,
    afterHoursMinutes: average((f) => f.afterHoursMinutes),
    weekendMinutes: average((f) => f.weekendMinutes),
    lunches: average((f) => f.lunches),
    closedOnTime: mean(closed),
    focusMinutes: average((f) => f.focusMinutes),
    meetingMinutes: average((f) => f.meetingMinutes),
    lateEvenings: average((f) => f.lateEvenings),
    urgentEvenings: average((f) => f.urgentEvenings),
    closingsMeasured:
      mean(each.flatMap((figures) => (figures.closedOnTime === null ? [] : [figures.closingsMeasured]))) ?? 0,
    unknown: pooled.unknown,
  };
}

export interface Review {
  /** 'this' once a workday of this week is over; until then last week, whole. */
  which: 'this' | 'last';
  /** The days reviewed: those of the week that are over (before today, or today once it was closed). */
  days: DaySummary[];
  figures: WeekFigures;
  /** The dates of the late evenings, and of those marked urgent. */
  lateDates: string[];
  urgentDates: string[];
  /** The same days of the up to USUAL_WEEKS complete weeks before with any data; null for a new user. */
  usual: { weeks: number; figures: WeekFigures } | null;
}

/**
 * The week in review against the user's usual. While the week is under way, like is compared with
 * like: only the days that are over count (today's figures are still growing), and the usual weeks
 * give the same days of the week, not the whole week, so Monday to Wednesday meets Monday to Wednesday.
 */
export function reviewWeek(weeks: readonly CalendarWeek[], today: string): Review | null {
  const over = (day: DaySummary) => day.date < today || (day.date === today && day.shutdownAt !== null);
  const current = weeks.at(-1);
  if (!current) return null;
  // A week whose days are all from before Cadence first ran has nothing to review: a new user's first
  // review is of the week under way, the days before the first start shown as unknown.
  const under =
    current.days.some((day) => day.workday && known(day) && over(day)) || !weeks.at(-2)?.days.some(known);
  const index = under ? weeks.length - 1 : weeks.length - 2;
  const reviewed = weeks[index];
  if (!reviewed) return null;
  const days = reviewed.days.filter(over);
  // Complete weeks only: the oldest week the history holds may begin after its first day.
  const usualWeeks = weeks
    .slice(0, index)
    .filter((week) => week.days.length === 7 && week.days.every(known) && week.days.some(hadActivity))
    .slice(-USUAL_WEEKS);
  const positions = new Set(days.map((day) => dayIndex(day.date) - dayIndex(reviewed.start)));
  const late = days.filter(isLate);
  return {
    which: under ? 'this' : 'last',
    days,
    figures: weekFigures(days),
    lateDates: late.map((day) => day.date),
    urgentDates: late.filter((day) => day.urgent === true).map((day) => day.date),
    usual: usualWeeks.length
      ? { weeks: usualWeeks.length, figures: usualFigures(usualWeeks, positions) }
      : null,
  };
}

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven'];
const numberWord = (n: number): string => NUMBER_WORDS[n] ?? String(n);
const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
const listFormat = new Intl.ListFormat('en', { type: 'conjunction' });

/** "Three late evenings this week, on Monday, Tuesday and Thursday, all marked urgent." */
function lateSentence(review: Review, dayName: (date: string) => string): string | null {
  const count = review.lateDates.length;
  if (!count) return null;
  const urgent = review.urgentDates.length;
  const marked =
    count === 1
      ? urgent
        ? 'marked urgent'
        : 'not marked urgent'
      : urgent === count
        ? `${count === 2 ? 'both' : 'all'} marked urgent`
        : urgent === 0
          ? 'none marked urgent'
          : `${numberWord(urgent)} of them marked urgent`;
  const when = review.which === 'this' ? 'this week' : 'last week';
  const days = listFormat.format(review.lateDates.map(dayName));
  return `${capital(numberWord(count))} late evening${count === 1 ? '' : 's'} ${when}, on ${days}, ${marked}.`;
}

interface Difference {
  /** How far this week is from the usual, as a share of what makes a difference worth a sentence. */
  weight: number;
  sentence: string;
}

/**
 * The differences from the usual worth a sentence, the most notable first. A minutes figure must move
 * by at least `least` minutes and a quarter of its usual; a count by two. Figures are compared as they
 * are shown (rounded), so a sentence never says "from 2 h to 2 h".
 */
function differences(review: Review, against: string, skipAfterHours: boolean): Difference[] {
  const usual = review.usual?.figures;
  if (!usual) return [];
  const now = review.figures;
  const found: Difference[] = [];
  const minutes = (
    current: number,
    typical: number,
    least: number,
    words: (current: string, typical: string) => string,
  ) => {
    const [a, b] = [Math.round(current), Math.round(typical)];
    const delta = Math.abs(a - b);
    if (delta < least || delta < b / 4) return;
    // "against none", not "against 0 min"; a and b are never both nothing, as they differ.
    const usualText = b === 0 ? 'none' : durationText(b);
    found.push({ weight: delta / Math.max(b, least * 2), sentence: words(durationText(a), usualText) });
  };
  if (now.spanMinutes !== null && usual.spanMinutes !== null) {
    const [a, b] = [Math.round(now.spanMinutes), Math.round(usual.spanMinutes)];
    if (Math.abs(a - b) >= 30)
      found.push({
        weight: Math.abs(a - b) / 60,
        sentence: `Your workdays ran ${durationText(Math.abs(a - b))} ${a > b ? 'longer' : 'shorter'} than ${against}: ${durationText(a)} from first to last activity, against ${durationText(b)}.`,
      });
  }
  if (!skipAfterHours)
    minutes(
      now.afterHoursMinutes + now.weekendMinutes,
      usual.afterHoursMinutes + usual.weekendMinutes,
      30,
      (a, b) =>
        a === '0 min'
          ? `No work after hours or on days off, against ${b} ${against}.`
          : `You worked ${a} after hours and on days off, against ${b} ${against}.`,
    );
  const counts = (current: number, typical: number, words: (typical: number) => string) => {
    const b = Math.round(typical);
    if (Math.abs(current - b) >= 2) found.push({ weight: Math.abs(current - b) / 2, sentence: words(b) });
  };
  if (now.closedOnTime !== null && usual.closedOnTime !== null)
    counts(
      now.closedOnTime,
      usual.closedOnTime,
      (b) =>
        `You closed ${now.closedOnTime} of ${plural(now.closingsMeasured, 'workday')} on time, against ${b} ${against}.`,
    );
  counts(
    now.lunches,
    usual.lunches,
    (b) =>
      `You took ${plural(now.lunches, 'lunch', 'lunches')} in ${plural(now.workdays, 'workday')}, against ${b} ${against}.`,
  );
  minutes(now.focusMinutes, usual.focusMinutes, 60, (a, b) =>
    a === '0 min'
      ? `No focus time, against ${b} ${against}.`
      : `Focus time came to ${a}, against ${b} ${against}.`,
  );
  minutes(now.meetingMinutes, usual.meetingMinutes, 60, (a, b) =>
    a === '0 min' ? `No meetings, against ${b} ${against}.` : `Meetings took ${a}, against ${b} ${against}.`,
  );
  // Sorted by weight; among equals the order above (the sustainability figures first) stands.
  return found.sort((x, y) => y.weight - x.weight);
}

/** "6 h of your 8 h focus goal last week.", "Monday to Wednesday: 3 h of your 8 h focus goal." */
function goalSentence(review: Review, goalHours: number, dayName: (date: string) => string): string | null {
  if (goalHours <= 0 || !review.figures.knownDays) return null;
  const goal = durationText(Math.round(goalHours * 60));
  const focus = durationText(review.figures.focusMinutes);
  const met = review.figures.focusMinutes >= goalHours * 60;
  if (review.which === 'last')
    return met
      ? `You met your ${goal} focus goal last week, with ${focus} of focus.`
      : `${focus} of your ${goal} focus goal last week.`;
  return `${daysText(review, dayName)}: ${met ? `${focus} of focus, your ${goal} goal met.` : `${focus} of your ${goal} focus goal.`}`;
}

/** The days a review covers: "Monday to Wednesday", "Monday". */
export function daysText(review: Review, dayName: (date: string) => string): string {
  const first = review.days[0];
  const last = review.days.at(-1);
  if (!first || !last) return '';
  return first === last ? dayName(first.date) : `${dayName(first.date)} to ${dayName(last.date)}`;
}

/**
 * One or two sentences, true and useful: the late evenings, the most notable difference from the
 * usual, the focus goal, in that order of weight. A steady week says so; a new user is told when the
 * comparison will come.
 */
export function reviewSentences(
  review: Review,
  goalHours: number,
  dayName: (date: string) => string,
): string[] {
  const against = review.which === 'this' ? 'on the same days of a usual week' : 'in a usual week';
  const late = lateSentence(review, dayName);
  const [notable] = differences(review, against, late !== null);
  const goal = goalSentence(review, goalHours, dayName);
  let plain: string | null = null;
  if (!late && !notable) {
    const after = review.figures.afterHoursMinutes + review.figures.weekendMinutes;
    plain = review.usual
      ? `A steady week${review.which === 'this' ? ' so far' : ''}, close to your usual${after === 0 ? ', with no work after hours' : ''}.`
      : 'Your usual shows here once a full week with Cadence is behind you.';
  }
  return [late, notable?.sentence ?? null, plain, goal].filter((s): s is string => s !== null).slice(0, 2);
}
