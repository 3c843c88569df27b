import { z } from 'zod';
import { isTimeZone } from './clockTime';
import { weekSchema } from './settings';

export const INTENTS_VERSION = 1;

const instant = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();

export const focusBlockSchema = z.object({
  id: z.string().min(1).max(40),
  startAt: instant,
  plannedMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
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

export const shutdownRecordSchema = z.object({
  /** The workday that was closed (the local date its first span starts on). */
  date: isoDate,
  completedAt: instant,
  done: z.string().max(4000),
  carryOver: z.string().max(4000),
  priorities: z.array(z.string().max(200)).max(3),
});
export type ShutdownRecord = z.infer<typeof shutdownRecordSchema>;

export const shutdownSnoozeSchema = z.object({
  date: isoDate,
  until: instant,
  totalMinutes: z.number().int().min(0),
});

export const teammateSchema = z.object({
  id: z.string().min(1).max(60),
  name: z.string().trim().min(1).max(80),
  timeZone: z.string().refine(isTimeZone, { message: 'not a known IANA time zone' }),
  week: weekSchema,
  weekendDays: z.array(z.number().int().min(1).max(7)).max(7),
  source: z.enum(['manual', 'slack', 'google', 'microsoft']),
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

export const intentsSchema = z.object({
  version: z.literal(INTENTS_VERSION),
  focus: z.array(focusBlockSchema),
  lunches: z.array(lunchRecordSchema),
  lunchSnoozes: z.array(lunchSnoozeSchema),
  shutdowns: z.array(shutdownRecordSchema),
  shutdownSnoozes: z.array(shutdownSnoozeSchema),
  away: z.object({ from: instant, until: instant, reason: z.string().max(200) }).nullable(),
  teammates: z.array(teammateSchema).max(20_000),
  held: z.array(heldNotificationSchema).max(500).default([]),
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
  };
}
