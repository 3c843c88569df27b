import { z } from 'zod';
import { isHourMinute } from './clockTime';
import { teammateSchema } from './intents';

const minutes = z
  .number()
  .int()
  .min(1)
  .max(12 * 60);
const instant = z.iso.datetime({ offset: true });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use a date like 2026-03-09');
const hourMinute = z.string().refine(isHourMinute, { message: 'use a 24-hour time like 16:30' });

/** Every command any client (window, CLI, tray, preload) may send, with its payload schema. */
export const commandSchemas = {
  'focus.start': z
    .object({ minutes: minutes.optional(), until: hourMinute.optional(), at: instant.optional() })
    .strict()
    .refine((p) => !(p.minutes && p.until), { message: 'give minutes or until, not both' }),
  'focus.extend': z.object({ minutes }).strict(),
  'focus.stop': z.object({}).strict(),
  'lunch.start': z.object({ minutes: minutes.optional() }).strict(),
  'lunch.snooze': z.object({ minutes: z.number().int().min(5).max(90) }).strict(),
  'lunch.skip': z.object({}).strict(),
  'lunch.done': z.object({}).strict(),
  'shutdown.begin': z.object({}).strict(),
  'shutdown.snooze': z.object({ minutes: z.number().int().min(5).max(120) }).strict(),
  'shutdown.complete': z
    .object({
      done: z.string().max(4000).default(''),
      carryOver: z.string().max(4000).default(''),
      priorities: z
        .array(z.string().trim().min(1).max(200))
        .max(3, 'pick at most three priorities')
        .default([]),
    })
    .strict(),
  'away.set': z.object({ until: instant, reason: z.string().max(200).default('') }).strict(),
  'away.clear': z.object({}).strict(),
  // The patch is checked as a whole against the settings schema by applySettingsPatch.
  'settings.update': z.object({ patch: z.record(z.string(), z.unknown()) }).strict(),
  'teammates.add': teammateSchema
    .omit({ id: true, source: true, presence: true })
    .partial({ week: true, weekendDays: true })
    .strict(),
  'teammates.remove': z.object({ id: z.string().min(1).max(60) }).strict(),
  'integration.connect': z.object({ provider: z.enum(['slack', 'google', 'microsoft']) }).strict(),
  'integration.disconnect': z.object({ provider: z.enum(['slack', 'google', 'microsoft']) }).strict(),
  notify: z
    .object({
      title: z.string().min(1).max(200),
      body: z.string().max(2000).default(''),
      urgent: z.boolean().optional(),
      from: z.string().max(80).optional(),
    })
    .strict(),
} as const;

export const querySchemas = {
  status: z.object({}).strict(),
  plan: z.object({ date: isoDate.optional() }).strict(),
  teammates: z.object({}).strict(),
  history: z.object({ from: isoDate, to: isoDate }).strict(),
  settings: z.object({}).strict(),
  integrations: z.object({}).strict(),
} as const;

export type CommandName = keyof typeof commandSchemas;
export type CommandInput<C extends CommandName> = z.input<(typeof commandSchemas)[C]>;
export type QueryName = keyof typeof querySchemas;
export type QueryInput<Q extends QueryName> = z.input<(typeof querySchemas)[Q]>;

export const EVENT_NAMES = [
  'availability.changed',
  'plan.changed',
  'prompt.raised',
  'prompt.cleared',
  'teammates.changed',
  'settings.changed',
  'integration.health.changed',
] as const;
export type EventName = (typeof EVENT_NAMES)[number];

export interface CompanionEvent {
  name: EventName;
  data: unknown;
}

/** A problem with a request, in words a user can act on. */
export interface ApiError {
  error: string;
  message: string;
  issues?: { path: string; message: string }[];
}

export type ApiResult<T> = { ok: true; value: T } | ({ ok: false } & ApiError);

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(commandSchemas, name);
}

export function isQueryName(name: string): name is QueryName {
  return Object.hasOwn(querySchemas, name);
}

export function issuesOf(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}
