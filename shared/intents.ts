import { z } from 'zod';
import './validationWords';
import { boundedLine, countWords, MAX_PROBLEM_DETAILS, problemDetails, SetAside } from './problems';
import { timeZoneSchema, weekSchema } from './settings';

export const INTENTS_VERSION = 1;

const instant = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();

/** The longest a focus block may last, extensions included. */
export const MAX_FOCUS_MINUTES = 24 * 60;

export const focusBlockSchema = z.object({
  id: z.string().min(1).max(40),
  startAt: instant,
  plannedMinutes: z.number().int().min(1).max(MAX_FOCUS_MINUTES),
  /** Set when the user stopped the block early, or when it was cancelled before it began. */
  stoppedAt: instant.optional(),
});
export type FocusBlock = z.infer<typeof focusBlockSchema>;

export const lunchRecordSchema = z.object({
  date: isoDate,
  status: z.enum(['taken', 'skipped']),
  startedAt: instant.optional(),
  minutes: z.number().int().min(1).max(240).optional(),
  endedAt: instant.optional(),
  snoozedUntil: instant.optional(),
});
export type LunchRecord = z.infer<typeof lunchRecordSchema>;

export const lunchSnoozeSchema = z.object({ date: isoDate, until: instant });

/** A priority not done on its day, carried to the next: `from` is the first day it was meant for. */
export const carriedPrioritySchema = z.object({ text: z.string().min(1).max(200), from: isoDate });
export type CarriedPriority = z.infer<typeof carriedPrioritySchema>;

/** The most priorities a day can hold: the new top three and what was carried. */
export const MAX_CARRIED = 7;

export const shutdownRecordSchema = z.object({
  /** The workday that was closed (the local date its first span starts on). */
  date: isoDate,
  completedAt: instant,
  done: z.string().max(4000),
  carryOver: z.string().max(4000),
  priorities: z.array(z.string().max(200)).max(3),
  /** Priorities of the closed day that were not done and go on to the next. */
  carried: z.array(carriedPrioritySchema).max(MAX_CARRIED).optional(),
});

/** A block of the focus goal the user skipped ("goal:2026-11-25:0"). */
export const goalSkipSchema = z.object({ key: z.string().min(1).max(40), at: instant });

/**
 * A block of the focus goal offered with a one-click prompt (when planned blocks do not start by
 * themselves): held in place from a quarter hour before it until the user starts or skips it.
 */
export const goalOfferSchema = z.object({
  key: z.string().min(1).max(40),
  startAt: instant,
  plannedMinutes: z.number().int().min(1).max(MAX_FOCUS_MINUTES),
});
export type GoalOffer = z.infer<typeof goalOfferSchema>;

/** A priority ticked as done: of the list the closing of `setOn` made, by its words. */
export const priorityTickSchema = z.object({ setOn: isoDate, text: z.string().min(1).max(200), at: instant });
export type PriorityTick = z.infer<typeof priorityTickSchema>;
export type ShutdownRecord = z.infer<typeof shutdownRecordSchema>;

export const shutdownSnoozeSchema = z.object({
  date: isoDate,
  until: instant,
  totalMinutes: z.number().int().min(0),
});

export const teammateSchema = z.object({
  id: z.string().min(1).max(60),
  name: z.string().trim().min(1).max(80),
  timeZone: timeZoneSchema('not a known IANA time zone'),
  week: weekSchema,
  weekendDays: z.array(z.number().int().min(1).max(7)).max(7),
  source: z.enum(['manual', 'slack', 'google', 'microsoft']),
  /** The hours are a guess (Slack knows none): nine to five until the user or a calendar says otherwise. */
  hoursAssumed: z.literal(true).optional(),
  /** A connected service's teammate (e.g. "slack:U123") this entry stands for, with the hours the user gave. */
  replaces: z.string().min(1).max(80).optional(),
  /** Lets connected calendars tell their busy times and working hours. */
  email: z.email().max(254).optional(),
  /** What a connected service says right now (Slack DND, a Graph schedule), when it says anything. */
  presence: z
    .object({ state: z.enum(['dnd', 'focusing', 'meeting', 'lunch', 'off']), until: z.string().optional() })
    .optional(),
});
export type Teammate = z.infer<typeof teammateSchema>;

const NINE_TO_FIVE = [{ start: '09:00', end: '17:00' }];
/** A teammate's week until someone says otherwise: nine to five, Monday to Friday. */
export const DEFAULT_TEAMMATE_WEEK: Teammate['week'] = {
  '1': NINE_TO_FIVE,
  '2': NINE_TO_FIVE,
  '3': NINE_TO_FIVE,
  '4': NINE_TO_FIVE,
  '5': NINE_TO_FIVE,
  '6': [],
  '7': [],
};
export const DEFAULT_TEAMMATE_WEEKEND: readonly number[] = [6, 7];

/** A notification held back by the policy, delivered when its time comes. */
export const heldNotificationSchema = z.object({
  title: z.string().max(200),
  body: z.string().max(2000),
  from: z.string().max(80).optional(),
  until: instant,
});
export type HeldNotification = z.infer<typeof heldNotificationSchema>;

/** The most minutes a day holds: 25 hours, the day clocks go back. */
const DAY_MINUTES = 1500;

/** A past day as the look-back shows it, kept once its raw records are compacted away. */
export const daySummarySchema = z.object({
  date: isoDate,
  workday: z.boolean(),
  focusMinutes: z.number().int().min(0).max(DAY_MINUTES),
  meetingMinutes: z.number().int().min(0).max(DAY_MINUTES),
  meetings: z.number().int().min(0),
  lunchTaken: z.boolean(),
  /** Minutes of work outside working hours on a workday: focus after hours, and closing the day late. */
  afterHoursMinutes: z.number().int().min(0).max(DAY_MINUTES),
  /** Minutes of work on a weekend, holiday or day off. */
  weekendMinutes: z.number().int().min(0).max(DAY_MINUTES),
  /** When the day was closed, in the work zone's wall-clock time (HH:MM), if it was. */
  shutdownAt: z.string().max(8).nullable(),
  /** Whether a workday was closed by the end of its hours (a few minutes' grace); null when not closed. */
  closedOnTime: z.boolean().nullable().optional(),
  /** First and last moment Cadence saw the user active that day, in the work zone's wall-clock time. */
  firstActive: z.string().max(8).nullable().optional(),
  lastActive: z.string().max(8).nullable().optional(),
  /** Minutes from the first to the last activity Cadence saw (the real span of the day); null: none seen. */
  spanMinutes: z.number().int().min(0).max(DAY_MINUTES).nullable().optional(),
  /** The user answered the after-hours nudge "Urgent — I'm on it" that day. */
  urgent: z.boolean().optional(),
  /** The day came before Cadence first ran: nothing of it is known, and its zeros mean nothing. */
  beforeCadence: z.literal(true).optional(),
});
export type DaySummary = z.infer<typeof daySummarySchema>;

/** A stretch of time the user was active at the machine, as the activity source saw it. */
export const activitySpanSchema = z.object({ from: instant, to: instant });
export type ActivitySpan = z.infer<typeof activitySpanSchema>;

/** The after-hours nudge shown on a day (once), and what the user answered. */
export const nudgeSchema = z.object({
  date: isoDate,
  at: instant,
  answer: z.enum(['urgent', 'closing']).optional(),
});
export type Nudge = z.infer<typeof nudgeSchema>;

/** How many records of each list the stored document holds at most. */
export const INTENT_LIMITS = {
  /** Two weeks of blocks are kept raw (older days are summarised): some 35 a day, and a command stays quick. */
  focus: 500,
  teammates: 20_000,
  held: 500,
  days: 1_000,
  ticks: 1_000,
  goalSkips: 500,
  activity: 5_000,
  nudges: 500,
  goalOffers: 500,
} as const;

export const intentsSchema = z.object({
  version: z.literal(INTENTS_VERSION),
  focus: z.array(focusBlockSchema).max(INTENT_LIMITS.focus),
  lunches: z.array(lunchRecordSchema),
  lunchSnoozes: z.array(lunchSnoozeSchema),
  shutdowns: z.array(shutdownRecordSchema),
  shutdownSnoozes: z.array(shutdownSnoozeSchema),
  away: z.object({ from: instant, until: instant, reason: z.string().max(200) }).nullable(),
  teammates: z.array(teammateSchema).max(INTENT_LIMITS.teammates),
  held: z.array(heldNotificationSchema).max(INTENT_LIMITS.held).default([]),
  /** Days older than the raw records kept, summarised (see shared/retention.ts). */
  days: z.array(daySummarySchema).max(INTENT_LIMITS.days).default([]),
  ticks: z.array(priorityTickSchema).max(INTENT_LIMITS.ticks).default([]),
  /** Blocks of the focus goal the user skipped, by their key: the plan leaves them out. */
  goalSkips: z.array(goalSkipSchema).max(INTENT_LIMITS.goalSkips).default([]),
  /** Activity seen outside working hours (and at lock, unlock and wake), merged stretches. */
  activity: z.array(activitySpanSchema).max(INTENT_LIMITS.activity).default([]),
  nudges: z.array(nudgeSchema).max(INTENT_LIMITS.nudges).default([]),
  goalOffers: z.array(goalOfferSchema).max(INTENT_LIMITS.goalOffers).default([]),
  /**
   * The day Cadence first ran (in the work zone), stored once (shared/firstDay.ts): the days before it
   * are unknown in the review, never zero.
   */
  firstDay: isoDate.optional(),
});
export type Intents = z.infer<typeof intentsSchema>;

export function emptyIntents(): Intents {
  return {
    version: INTENTS_VERSION,
    focus: [],
    lunches: [],
    lunchSnoozes: [],
    shutdowns: [],
    shutdownSnoozes: [],
    away: null,
    teammates: [],
    held: [],
    days: [],
    ticks: [],
    goalSkips: [],
    activity: [],
    nudges: [],
    goalOffers: [],
  };
}

const RECORD_SCHEMAS = {
  focus: focusBlockSchema,
  lunches: lunchRecordSchema,
  lunchSnoozes: lunchSnoozeSchema,
  shutdowns: shutdownRecordSchema,
  shutdownSnoozes: shutdownSnoozeSchema,
  teammates: teammateSchema,
  held: heldNotificationSchema,
  days: daySummarySchema,
  ticks: priorityTickSchema,
  goalSkips: goalSkipSchema,
  activity: activitySpanSchema,
  nudges: nudgeSchema,
  goalOffers: goalOfferSchema,
} as const;
type RecordList = keyof typeof RECORD_SCHEMAS;
const RECORD_LISTS = Object.keys(RECORD_SCHEMAS) as RecordList[];
const awaySchema = intentsSchema.shape.away;

/** How many records set aside are each named in the summary. */
const FEW_SET_ASIDE = 3;

export interface SalvagedIntents {
  intents: Intents;
  /** What was set aside, in a few lines: one per reason, with examples and a count. */
  problems: string[];
  /** One line per record set aside (bounded, see shared/problems.ts), for `cadence problems`. */
  details?: string[];
}

/** Why a record was set aside, grouped for the summary: a teammate's unknown zone in its own words. */
function noteSetAside(
  aside: SetAside,
  list: RecordList,
  index: number,
  item: unknown,
  issue?: z.core.$ZodIssue,
) {
  const message = issue?.message ?? 'not valid';
  const fields = typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {};
  if (list === 'teammates' && issue?.path[0] === 'timeZone') {
    const words = (count: number) =>
      `${countWords(count)} ${count === 1 ? 'teammate has' : 'teammates have'} a time zone Cadence does not know (set aside)`;
    aside.add('teammates:timeZone', words, `${String(fields.name)} (${String(fields.timeZone)})`);
    return;
  }
  const path = issue?.path.length ? `.${issue.path.join('.')}` : '';
  const words = (count: number) =>
    `${countWords(count)} ${list} ${count === 1 ? 'record' : 'records'} set aside (${path ? `${path.slice(1)}: ` : ''}${message})`;
  aside.add(`${list}${path}:${message}`, words, `${list}[${index}]`);
}

/**
 * Reads a stored intents document record by record: a record that does not fit its schema is set
 * aside with a message and every other record is kept, as settings are kept field by field.
 */
export function salvageIntents(raw: unknown): SalvagedIntents {
  const whole = intentsSchema.safeParse(raw);
  if (whole.success) return { intents: whole.data, problems: [] };
  const aside = new SetAside();
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { intents: emptyIntents(), problems: ['the file holds no saved activity; it starts empty'] };
  const source = raw as Record<string, unknown>;
  const intents = emptyIntents();
  const problems: string[] = [];
  const details: string[] = [];
  if (source.version !== INTENTS_VERSION)
    problems.push(`version ${String(source.version)} read as ${INTENTS_VERSION}`);
  for (const list of RECORD_LISTS) {
    const items = source[list];
    if (items === undefined) continue;
    if (!Array.isArray(items)) {
      problems.push(`${list}: not a list; set aside`);
      continue;
    }
    const kept: unknown[] = [];
    items.forEach((item, index) => {
      const parsed = RECORD_SCHEMAS[list].safeParse(item);
      if (parsed.success) kept.push(parsed.data);
      else {
        const issue = parsed.error.issues[0];
        noteSetAside(aside, list, index, item, issue);
        if (details.length <= MAX_PROBLEM_DETAILS)
          details.push(boundedLine(`${list}[${index}]: ${issue?.message ?? 'not valid'}; set aside`));
      }
    });
    const limit = list in INTENT_LIMITS ? INTENT_LIMITS[list as keyof typeof INTENT_LIMITS] : Infinity;
    if (kept.length > limit)
      problems.push(`${list}: ${kept.length - limit} beyond the ${limit} kept set aside`);
    (intents[list] as unknown[]) = kept.length > limit ? newest(list, kept).slice(-limit) : kept;
  }
  // A few records are named one by one; more are grouped by why, with examples and a count.
  problems.push(...(aside.count <= FEW_SET_ASIDE ? details : aside.lines()));
  const away = awaySchema.safeParse(source.away ?? null);
  if (away.success) intents.away = away.data;
  else problems.push('away: not valid; set aside');
  const firstDay = isoDate.safeParse(source.firstDay);
  if (firstDay.success) intents.firstDay = firstDay.data;
  return aside.count > FEW_SET_ASIDE
    ? { intents, problems, details: problemDetails(details) }
    : { intents, problems };
}

/**
 * A list in the order its oldest records go first. Focus blocks never overlap, so those that start last
 * are the running block and the planned ones: they are kept.
 */
function newest(list: RecordList, items: unknown[]): unknown[] {
  if (list !== 'focus') return items;
  const blocks = items as FocusBlock[];
  return [...blocks].sort((a, b) => Date.parse(a.startAt) - Date.parse(b.startAt));
}

/** What a full list means to the user, when it has words of its own. */
function fullList(list: RecordList, limit: number): string {
  if (list === 'focus')
    return `Cadence keeps at most ${limit} focus blocks from the last two weeks, and this would be one more. Each day the oldest are summarised into your history and make room; until then, cancel a planned block to make room.`;
  return `Cadence keeps at most ${limit} ${list}.`;
}

/**
 * Whether a command's new intents can be stored and read back: the stored schema is the one source of
 * every limit. Only records that are new or changed are checked, so a command's cost does not grow
 * with the history.
 */
export function unstorable(before: Intents, after: Intents): string | null {
  for (const list of RECORD_LISTS) {
    const items: readonly unknown[] = after[list];
    if (items === before[list]) continue;
    const limit = list in INTENT_LIMITS ? INTENT_LIMITS[list as keyof typeof INTENT_LIMITS] : Infinity;
    if (items.length > limit) return fullList(list, limit);
    const old = new Set<unknown>(before[list]);
    for (const item of items) {
      if (old.has(item)) continue;
      const parsed = RECORD_SCHEMAS[list].safeParse(item);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return `${list}${issue?.path.length ? `.${issue.path.join('.')}` : ''}: ${issue?.message ?? 'not valid'}`;
      }
    }
  }
  if (after.away !== before.away && !awaySchema.safeParse(after.away).success) return 'away: not valid';
  return null;
}
