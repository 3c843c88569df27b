import type { CalendarEvent } from './calendar';
import { addDays, atLocalTime, type Instant, localDate, MINUTE, weekdayOf } from './clockTime';
import { focusIntervals } from './focus';
import { clip, type Interval as Span, minutes, union } from './intervals';
import type { Intents } from './intents';
import { lunchWindow } from './lunchWindow';
import type { Settings } from './settings';
import { coreSpansBetween } from './team/coreHours';
import type { TeamFile } from './team/teamFile';
import { TEAM_WEEKDAYS } from './team/teamNames';
import { weekOf } from './weekStart';
import { patternOf, spansOn, type WorkPattern } from './workPattern';

/** The user's weekly focus goal: how much, in blocks of what length, at which time of day. */
export interface FocusGoal {
  weeklyMinutes: number;
  /** The shortest block worth having, and the longest. */
  minBlockMinutes: number;
  maxBlockMinutes: number;
  preferred: 'morning' | 'afternoon' | 'any';
}

/** A block the plan puts on the calendar ahead of time. `key` stays while the block moves within its day. */
export interface GoalBlock {
  key: string;
  date: string;
  start: Instant;
  end: Instant;
  /** Offered with a one-click prompt: held in place until the user starts or skips it. */
  offered?: true;
}

export interface FocusPlan {
  /** The calendar week planned: its first and last local date. */
  from: string;
  to: string;
  /** The week planned is the coming one: nothing of this week's work is left (see goalWeek). */
  coming: boolean;
  goalMinutes: number;
  /**
   * Focus done this week up to now: the same total as the week's days in the history add up to (focus
   * blocks merged where they overlap, cut at the week's bounds). What is still to come of the week's
   * focus (the rest of a running block, blocks planned by hand or offered) is `handPlannedMinutes`.
   */
  doneMinutes: number;
  handPlannedMinutes: number;
  blocks: GoalBlock[];
  /** What the free time of the week cannot hold: said, never crammed. */
  shortMinutes: number;
}

/** A goal block's key: the day it belongs to and its number that day. */
const GOAL_KEY = /^goal:(\d{4}-\d\d-\d\d):(\d+)$/;

/** Blocks for today start a little ahead, on a quarter hour: never "now" under the user's cursor. */
const LEAD_MINUTES = 15;
const QUARTER = 15 * MINUTE;

interface Interval {
  start: Instant;
  end: Instant;
}

/**
 * The week the goal plans at a date: the calendar week that holds it (its first day is the user's
 * `weekStart`), or the coming one when no workday of it is left, as on a Saturday of a week that starts
 * on Monday: a goal set at the weekend plans the week ahead instead of finding no time.
 */
export function goalWeek(
  date: string,
  firstDay: number,
  pattern: WorkPattern,
): { from: string; to: string; coming: boolean } {
  const week = weekOf(date, firstDay);
  for (let day = date; day <= week.to; day = addDays(day, 1))
    if (spansOn(day, pattern).length) return { ...week, coming: false };
  return { ...weekOf(addDays(week.to, 1), firstDay), coming: true };
}

/** What of the team file the goal plans around (issue #24): its core hours and its meeting-free day. */
export type GoalTeam = Pick<TeamFile, 'coreHours' | 'quiet' | 'meetingFreeDay'>;

/** Free stretches of [from, to) outside the busy intervals (sorted or not). */
function freeWithin(from: Instant, to: Instant, busy: readonly Interval[]): Interval[] {
  const gaps: Interval[] = [];
  let cursor = from;
  for (const item of [...busy].sort((a, b) => a.start - b.start)) {
    if (item.end <= cursor || item.start >= to) continue;
    if (item.start > cursor) gaps.push({ start: cursor, end: item.start });
    cursor = Math.max(cursor, item.end);
  }
  if (to > cursor) gaps.push({ start: cursor, end: to });
  return gaps;
}

/**
 * Plans the rest of the week's focus goal into free time: inside working hours, never over lunch (the
 * whole lunch window and its length), meetings, time away or blocks already there. The need left is
 * spread over the days that remain, one block a day before a second, in the preferred half of the day
 * first; what does not fit is `shortMinutes`. Pure: the same inputs give the same blocks and keys.
 * With a team file: never inside the team's core overlap hours (they are for each other), and the
 * meeting-free day (the member's own local weekday) is filled first, before the rest is spread.
 */
export function planFocusGoal(
  at: Instant,
  settings: Settings,
  intents: Intents,
  calendar: readonly CalendarEvent[],
  goal: FocusGoal,
  skipped: ReadonlySet<string> = new Set(),
  team: GoalTeam | null = null,
): FocusPlan {
  const pattern = patternOf(settings);
  const zone = settings.workTimeZone;
  const today = localDate(at, zone);
  const { from, to, coming } = goalWeek(today, settings.weekStart, pattern);
  const weekStart = atLocalTime(from, 0, zone);
  const weekEnd = atLocalTime(addDays(to, 1), 0, zone);
  const minBlock = goal.minBlockMinutes * MINUTE;
  const maxBlock = Math.max(minBlock, goal.maxBlockMinutes * MINUTE);

  const busy: Interval[] = [];
  const focus: Span[] = [];
  for (const block of focusIntervals(intents)) {
    if (block.end <= block.start) continue;
    busy.push(block);
    focus.push([block.start, block.end]);
  }
  // The week's focus, whole: what the plan works from. It stays the same while a block runs, so the plan
  // does not move under the user.
  const focusMinutes = minutes(union(clip(focus, weekStart, weekEnd)));
  // Done is counted as the history counts it, day by day up to now (shared/history.ts), so that the goal
  // and the week's days say the same total; the rest of the week's focus (a running block's) is planned.
  let doneMinutes = 0;
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const dayEnd = Math.min(atLocalTime(addDays(date, 1), 0, zone), at);
    doneMinutes += minutes(union(clip(focus, atLocalTime(date, 0, zone), dayEnd)));
  }
  const done = Math.min(doneMinutes, focusMinutes) * MINUTE;
  let handPlanned = focusMinutes * MINUTE - done;
  // Blocks offered with a prompt stay where they were offered until answered; one whose time passed
  // unanswered did not happen, and its hours go back to the rest of the week.
  const offered: GoalBlock[] = [];
  const written = new Set(intents.focus.map((block) => block.id));
  for (const offer of intents.goalOffers) {
    const key = GOAL_KEY.exec(offer.key);
    if (!key || written.has(offer.key) || skipped.has(offer.key)) continue;
    const start = Date.parse(offer.startAt);
    const end = start + offer.plannedMinutes * MINUTE;
    if (end <= at || key[1]! < from || key[1]! > to) continue;
    busy.push({ start, end });
    handPlanned += end - start;
    offered.push({ key: offer.key, date: key[1]!, start, end, offered: true });
  }
  for (const event of calendar) busy.push(event);
  busy.push(...coreSpansBetween(weekStart, weekEnd, team));
  if (intents.away) busy.push({ start: Date.parse(intents.away.from), end: Date.parse(intents.away.until) });

  let need = Math.max(0, goal.weeklyMinutes * MINUTE - done - handPlanned);
  const earliest = Math.ceil((at + LEAD_MINUTES * MINUTE) / QUARTER) * QUARTER;

  // Each remaining day's free stretches, in the order the user prefers them.
  const days: { date: string; gaps: Interval[] }[] = [];
  for (let date = today < from ? from : today; date <= to; date = addDays(date, 1)) {
    const spans = spansOn(date, pattern);
    if (!spans.length) continue;
    const dayBusy = [...busy];
    if (settings.lunch.enabled) {
      const window = lunchWindow(date, settings);
      dayBusy.push({ start: window.start, end: window.end + settings.lunch.minutes * MINUTE });
    }
    const gaps: Interval[] = [];
    for (const span of spans) {
      const start = Math.max(span.start, earliest, weekStart);
      if (start >= span.end) continue;
      for (const gap of freeWithin(start, span.end, dayBusy))
        if (gap.end - gap.start >= minBlock) gaps.push(gap);
    }
    if (!gaps.length) continue;
    const noon = lunchWindow(date, settings).start;
    if (goal.preferred === 'afternoon')
      gaps.sort((a, b) => Number(a.start < noon) - Number(b.start < noon) || a.start - b.start);
    if (goal.preferred === 'morning')
      gaps.sort((a, b) => Number(a.start >= noon) - Number(b.start >= noon) || a.start - b.start);
    days.push({ date, gaps });
  }

  const blocks: GoalBlock[] = [];
  // A key already used by a block that became real focus is not given again: a day's keys go on after it.
  const perDay = new Map<string, number>();
  // How many of the goal's blocks each day already has: written down ones count as the day's share,
  // so writing a block down never changes the rest of the plan.
  const served = new Map<string, number>();
  const ids = new Set([...intents.focus.map((block) => block.id), ...intents.goalOffers.map((o) => o.key)]);
  for (const id of ids) {
    const taken = GOAL_KEY.exec(id);
    if (!taken) continue;
    perDay.set(taken[1]!, Math.max(perDay.get(taken[1]!) ?? 0, Number(taken[2]) + 1));
    served.set(taken[1]!, (served.get(taken[1]!) ?? 0) + 1);
  }
  const usable = (day: (typeof days)[number]) => day.gaps.some((gap) => gap.end - gap.start >= minBlock);
  /** Places a block of `length` at the start of the gap under the day's next key; a skipped key stays unused. */
  const place = (date: string, gap: { start: number }, length: number): void => {
    const index = perDay.get(date) ?? 0;
    const key = `goal:${date}:${index}`;
    perDay.set(date, index + 1);
    const block = { key, date, start: gap.start, end: gap.start + length };
    gap.start = block.end;
    served.set(date, (served.get(date) ?? 0) + 1);
    if (skipped.has(key)) return;
    blocks.push(block);
    need -= length;
  };
  // The meeting-free day first: as much of the goal as its free time holds, in blocks as long as allowed.
  const quietDay = team?.meetingFreeDay ? TEAM_WEEKDAYS.indexOf(team.meetingFreeDay) + 1 : 0;
  for (const day of days.filter((item) => weekdayOf(item.date) === quietDay)) {
    for (const gap of day.gaps) {
      while (need >= minBlock && gap.end - gap.start >= minBlock) {
        let length = Math.min(maxBlock, gap.end - gap.start, need);
        // A remainder too short for a block of its own goes into this one where it fits, or leaves a
        // whole block's worth for the other days.
        const rest = need - length;
        if (rest > 0 && rest < minBlock)
          length = Math.min(gap.end - gap.start, need <= maxBlock ? need : need - minBlock);
        if (length < minBlock) break;
        place(day.date, gap, length);
      }
    }
  }
  // Rounds: each day gets at most one block per round, so the goal spreads over the week.
  for (let round = 0; need >= minBlock && round < 24 && days.some(usable); round++) {
    const open = (day: (typeof days)[number]) => usable(day) && (served.get(day.date) ?? 0) <= round;
    for (const [position, day] of days.entries()) {
      if (need < minBlock) break;
      if (!open(day)) continue;
      // The days still to come in this round, this one included, share what is left evenly.
      const daysLeft = days.slice(position).filter(open).length;
      const gap = day.gaps.find((item) => item.end - item.start >= minBlock);
      if (!gap) continue;
      // As many blocks as the days can take, as few as the longest block allows, of even length.
      const blocksLeft = Math.max(
        Math.ceil(need / maxBlock),
        Math.min(daysLeft, Math.floor(need / minBlock)),
        1,
      );
      const even = Math.ceil(need / blocksLeft / QUARTER) * QUARTER;
      let length = Math.min(maxBlock, gap.end - gap.start, Math.max(minBlock, even), need);
      // A remainder too short for a block of its own goes into this one, where it fits.
      const rest = need - length;
      if (rest > 0 && rest < minBlock) length = Math.min(need, maxBlock, gap.end - gap.start);
      if (length < minBlock) continue;
      place(day.date, gap, length);
    }
  }
  blocks.push(...offered);
  blocks.sort((a, b) => a.start - b.start);
  return {
    from,
    to,
    coming,
    goalMinutes: goal.weeklyMinutes,
    doneMinutes: Math.round(done / MINUTE),
    handPlannedMinutes: Math.round(handPlanned / MINUTE),
    blocks,
    shortMinutes: Math.round(need / MINUTE),
  };
}

/** The goal the settings ask for, or null when it is off. */
export function goalOf(settings: Settings): FocusGoal | null {
  const goal = settings.focusGoal;
  if (!goal || goal.weeklyHours <= 0) return null;
  return {
    weeklyMinutes: Math.round(goal.weeklyHours * 60),
    minBlockMinutes: goal.minBlockMinutes,
    maxBlockMinutes: goal.maxBlockMinutes,
    preferred: goal.preferred,
  };
}

/**
 * The team file the member's Cadence follows, as the host last read it (main/headless sets it from the
 * team follower): the plan of every caller of userGoalPlan keeps the team's core hours free and fills the
 * meeting-free day first. Null: no team file, or one without either.
 */
let followedTeam: GoalTeam | null = null;

export function setGoalTeam(team: GoalTeam | null): void {
  followedTeam = team && (team.coreHours || team.meetingFreeDay) ? team : null;
}

/** The last plan made, by what it was made from: one refresh asks for it several times (status, plan, calendars). */
let lastGoalPlan: {
  at: Instant;
  settings: Settings;
  intents: Intents;
  calendar: readonly CalendarEvent[];
  team: GoalTeam | null;
  plan: FocusPlan | null;
} | null = null;

/** The week's plan as the user's settings and intents make it (skipped blocks left out); null when off. */
export function userGoalPlan(
  at: Instant,
  settings: Settings,
  intents: Intents,
  calendar: readonly CalendarEvent[],
): FocusPlan | null {
  const last = lastGoalPlan;
  // Settings and intents are never changed in place, so the same objects mean the same plan.
  if (
    last &&
    last.at === at &&
    last.settings === settings &&
    last.intents === intents &&
    last.calendar === calendar &&
    last.team === followedTeam
  )
    return last.plan;
  const goal = goalOf(settings);
  const plan = goal
    ? planFocusGoal(
        at,
        settings,
        intents,
        calendar,
        goal,
        new Set(intents.goalSkips.map((skip) => skip.key)),
        followedTeam,
      )
    : null;
  lastGoalPlan = { at, settings, intents, calendar, team: followedTeam, plan };
  return plan;
}

/**
 * The goal's blocks that become focus blocks now: each is written down as a planned focus block a
 * quarter of an hour before it starts (the plan never places a new block closer than that), and from
 * then on is a focus block like any other: it starts by itself, can be moved or cancelled. Its id is its
 * key, so a restart or a sleep never writes it twice.
 */
export function goalBlocksDue(plan: FocusPlan | null, at: Instant, intents: Intents): GoalBlock[] {
  if (!plan) return [];
  const written = new Set(intents.focus.map((block) => block.id));
  return plan.blocks.filter(
    (block) => !block.offered && block.start <= at + LEAD_MINUTES * MINUTE && !written.has(block.key),
  );
}

/**
 * When the plan next needs the service: the next block to write down (see goalBlocksDue), and the start
 * and end of a block offered with a prompt (the prompt comes and goes then).
 */
export function nextGoalCommit(plan: FocusPlan | null, at: Instant): Instant | null {
  let next: Instant | null = null;
  for (const block of plan?.blocks ?? []) {
    const moments = block.offered ? [block.start, block.end] : [block.start - LEAD_MINUTES * MINUTE];
    for (const moment of moments) if (moment > at && (next === null || moment < next)) next = moment;
  }
  return next;
}

/** The offered block whose time has come, waiting for a click (prompt mode), if any. */
export function openGoalOffer(plan: FocusPlan | null, at: Instant): GoalBlock | null {
  return plan?.blocks.find((block) => block.offered && block.start <= at && at < block.end) ?? null;
}

/** How far ahead focus blocks go on the calendars: the rest of this week and the next days. */
export const PLANNED_AHEAD_DAYS = 8;

/**
 * The focus blocks to show on calendars ahead of time: blocks written down for later (by the user or
 * the goal) and the goal's plan not yet written down, each with the id its event is tagged with (a goal
 * block's key is its focus block's id once written, so its event is found again, not made twice).
 */
export function plannedAhead(
  at: Instant,
  settings: Settings,
  intents: Intents,
  calendar: readonly CalendarEvent[],
): { id: string; start: Instant; end: Instant }[] {
  const horizon = at + PLANNED_AHEAD_DAYS * 24 * 60 * MINUTE;
  const written = focusIntervals(intents)
    .filter((block) => block.start > at && block.end > block.start && block.start < horizon)
    .map((block) => ({ id: block.id, start: block.start, end: block.end }));
  const goal = (userGoalPlan(at, settings, intents, calendar)?.blocks ?? []).map((block) => ({
    id: block.key,
    start: block.start,
    end: block.end,
  }));
  return [...written, ...goal].sort((a, b) => a.start - b.start);
}
