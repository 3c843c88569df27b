import { z } from 'zod';
import './validationWords';
import type { DaySummary } from './history';
import type { ContactsView } from './contacts/contactView';
import type { IntegrationView } from './integrationView';
import { MESSAGE_MAX_CHARS, type MessageSentView } from './messageTiming';
import { lunchRecordSchema, MAX_CARRIED, type Teammate, teammateSchema } from './intents';
import { hourMinute, type Settings, settingsPatchSchema } from './settings';
import type { DayPlanView, PromptView, StatusView, TeammateView, TogetherView } from './statusView';
import type { TeamView } from './team/teamView';
import { MAX_PRIORITIES } from './wireWords';

const minutes = z
  .number()
  .int()
  .min(1)
  .max(12 * 60);
const instant = z.iso.datetime({ offset: true });
const isoDate = z.iso.date({ message: 'use a real date like 2026-03-09' });
/** The dates Cadence's date functions can name (four-digit years from the epoch on). */
export { COMMAND_HEADERS, MAX_PRIORITIES } from './wireWords';

export const FIRST_DATE = '1970-01-01';
export const LAST_DATE = '9999-12-31';
const DATE_RANGE = `use a date from ${FIRST_DATE} to ${LAST_DATE}`;
/** A date a query may ask about: a real one, within the years Cadence can write. */
const queryDate = isoDate
  .refine((date) => date >= FIRST_DATE, { message: DATE_RANGE })
  .refine((date) => date <= LAST_DATE, { message: DATE_RANGE });

const SETTING_KEYS = new Set(Object.keys(settingsPatchSchema.shape));

/** A settings patch as sent: an object whose own keys (`__proto__` included) are all settings. */
const settingsPatchInput = z
  .custom<Record<string, unknown>>(
    (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
    { message: 'expected an object of settings' },
  )
  .superRefine((patch, context) => {
    for (const key of Object.keys(patch))
      if (!SETTING_KEYS.has(key)) context.addIssue({ code: 'custom', path: [key], message: 'not a setting' });
  });

/** Every command any client (window, CLI, tray, preload) may send, with its payload schema. */
export const commandSchemas = {
  'focus.start': z
    .object({ minutes: minutes.optional(), until: hourMinute.optional(), at: instant.optional() })
    .strict()
    .refine((p) => !(p.minutes && p.until), { message: 'give minutes or until, not both' }),
  'focus.extend': z.object({ minutes }).strict(),
  'focus.stop': z.object({}).strict(),
  'focus.cancel': z.object({ id: z.string().min(1).max(40) }).strict(),
  'focus.move': z.object({ id: z.string().min(1).max(40), at: instant }).strict(),
  'goal.skip': z.object({ key: z.string().min(1).max(40) }).strict(),
  'goal.start': z.object({ key: z.string().min(1).max(40) }).strict(),
  'nudge.answer': z.object({ answer: z.enum(['urgent', 'closing']) }).strict(),
  'priorities.tick': z
    .object({ setOn: isoDate, text: z.string().min(1).max(200), done: z.boolean() })
    .strict(),
  // The stored lunch record is the one source of the limit.
  'lunch.start': z.object({ minutes: lunchRecordSchema.shape.minutes }).strict(),
  'lunch.snooze': z.object({ minutes: z.number().int().min(5).max(90) }).strict(),
  'lunch.skip': z.object({}).strict(),
  'lunch.done': z.object({}).strict(),
  'shutdown.begin': z.object({}).strict(),
  'shutdown.snooze': z.object({ minutes: z.number().int().min(5).max(120) }).strict(),
  'shutdown.undo': z.object({}).strict(),
  'shutdown.complete': z
    .object({
      done: z.string().max(4000).default(''),
      carryOver: z.string().max(4000).default(''),
      priorities: z
        .array(z.string().trim().min(1).max(200))
        .max(MAX_PRIORITIES, 'pick at most three priorities')
        .default([]),
      /** Priorities of the day being closed, by their words, that were not done and go on to the next. */
      carry: z
        .array(z.string().min(1).max(200))
        .max(MAX_CARRIED, `carry at most ${MAX_CARRIED} priorities`)
        .default([]),
    })
    .strict(),
  'away.set': z.object({ until: instant, reason: z.string().max(200).default('') }).strict(),
  'away.clear': z.object({}).strict(),
  // Each key must be a setting; the values are checked as a whole by applySettingsPatch.
  'settings.update': z.object({ patch: settingsPatchInput }).strict(),
  'teammates.add': teammateSchema
    .omit({ id: true, source: true, presence: true, hoursAssumed: true })
    .partial({ week: true, weekendDays: true })
    .strict(),
  'teammates.remove': z.object({ id: z.string().min(1).max(60) }).strict(),
  // The same limits as adding; only what is given changes, and an email of null is taken away.
  'teammates.edit': teammateSchema
    .pick({ name: true, timeZone: true, week: true, weekendDays: true })
    .partial()
    .extend({ id: teammateSchema.shape.id, email: teammateSchema.shape.email.unwrap().nullable().optional() })
    .strict(),
  'integration.connect': z
    .object({
      provider: z.enum(['slack', 'google', 'microsoft']),
      /**
       * Ask too for what sending messages to teammates needs (incremental consent, #25), or for every
       * permission a feature that is on still lacks (the card's "Sign in again to allow it").
       */
      for: z.enum(['messages', 'permission']).optional(),
    })
    .strict(),
  'integration.configure': z
    .object({
      provider: z.enum(['slack', 'google', 'microsoft']),
      clientId: z
        .string()
        .trim()
        .min(1, 'paste the client id of your app')
        .max(200)
        .regex(/^[\w.:-]+$/, 'a client id has letters, digits, dots, dashes and underscores only'),
      clientSecret: z.string().trim().min(1).max(200).optional(),
    })
    .strict(),
  'integration.disconnect': z.object({ provider: z.enum(['slack', 'google', 'microsoft']) }).strict(),
  'integration.unconfigure': z.object({ provider: z.enum(['slack', 'google', 'microsoft']) }).strict(),
  /** Read the team's file again now (it is read at start and every few hours by itself). */
  'team.refresh': z.object({}).strict(),
  /** The member has seen what changed in the team's file: it is not shown again. */
  'team.seen': z.object({}).strict(),
  /** A Slack message to a teammate, kept until their working hours begin unless marked urgent (#25). */
  'message.send': z
    .object({
      to: z.string().trim().min(1, 'say who it is for').max(80),
      text: z.string().trim().min(1, 'write the message').max(MESSAGE_MAX_CHARS),
      urgent: z.boolean().default(false),
    })
    .strict(),
  /** Deletes contacts from the record of contacts outside hours (#25): those named, or all of it. */
  'contacts.delete': z
    .object({ keys: z.array(z.string().min(1).max(120)).min(1).max(50_000).optional() })
    .strict(),
  /** Marks a contact in the record "Urgent — I'm on it" (onIt false takes the mark back). */
  'contacts.mark': z.object({ key: z.string().min(1).max(120), onIt: z.boolean() }).strict(),
  /** Takes back a message scheduled by message.send, by the id it answered, before it lands. */
  'message.cancel': z.object({ id: z.string().trim().min(3).max(200) }).strict(),
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
  /** The status in the words `cadence status` prints. */
  'status.text': z
    .object({
      /** The CLI's reading of the settings file, so a change made there by hand shows at once. */
      clock: z.enum(['locale', '12h', '24h']).optional(),
      locale: z.string().max(35).nullable().optional(),
    })
    .strict(),
  plan: z.object({ date: queryDate.optional() }).strict(),
  teammates: z.object({}).strict(),
  /** The next time you and every teammate are in working hours at once (issue #24). */
  'teammates.together': z.object({}).strict(),
  history: z.object({ from: queryDate, to: queryDate }).strict(),
  settings: z.object({}).strict(),
  integrations: z.object({}).strict(),
  /** Every problem in full, each record set aside on its own line (status carries a summary). */
  problems: z.object({}).strict(),
  /** The team file followed: its address, what it sets, when it was last read, what went wrong. */
  team: z.object({}).strict(),
  /** The record of contacts outside hours: the weeks in sentences, and the contacts between two dates. */
  contacts: z.object({ from: queryDate.optional(), to: queryDate.optional() }).strict(),
} as const;

export type CommandName = keyof typeof commandSchemas;
/** What a client sends. */
export type CommandInput<C extends CommandName> = z.input<(typeof commandSchemas)[C]>;
/** What a handler receives: the input once validated, defaults filled in. */
export type CommandData<C extends CommandName> = z.output<(typeof commandSchemas)[C]>;
export type QueryName = keyof typeof querySchemas;
export type QueryInput<Q extends QueryName> = z.input<(typeof querySchemas)[Q]>;
export type QueryData<Q extends QueryName> = z.output<(typeof querySchemas)[Q]>;

/** The schemas, typed by name so a generic caller gets the exact data type back. */
export const commandInputSchemas: { [C in CommandName]: z.ZodType<CommandData<C>, CommandInput<C>> } =
  commandSchemas;
export const queryInputSchemas: { [Q in QueryName]: z.ZodType<QueryData<Q>, QueryInput<Q>> } = querySchemas;

/** What a notification sent through Cadence's gate became. */
/**
 * What became of a message. A delivered one answers once the desktop has taken it or refused it:
 * `notShown` then says why it was not shown (no notification service, notify-send missing).
 */
export type NotifyOutcomeView =
  | { action: 'deliver'; why: string; notShown?: string }
  | { action: 'drop'; why: string }
  | { action: 'hold'; why: string; until: string };

/** What each command answers when it succeeds. */
export interface CommandResults {
  'focus.start': { id: string; startAt: string; endsAt: string };
  'focus.extend': { id: string; endsAt: string };
  'focus.stop': { id: string; focusedMinutes: number };
  'focus.cancel': { id: string };
  'focus.move': { id: string; startAt: string; endsAt: string };
  'goal.skip': { key: string };
  'goal.start': { id: string; startAt: string; endsAt: string };
  'nudge.answer': { date: string; answer: 'urgent' | 'closing' };
  'priorities.tick': { setOn: string; text: string; done: boolean };
  'lunch.start': { until: string };
  'lunch.snooze': { until: string };
  'lunch.skip': null;
  'lunch.done': null;
  'shutdown.begin': PromptView;
  'shutdown.snooze': { until: string };
  /** `earlyMinutes`: how long before the end of its working hours the day was closed (0: not before). */
  'shutdown.complete': { workday: string; offUntil: string | null; earlyMinutes: number };
  'shutdown.undo': { workday: string };
  'away.set': null;
  'away.clear': null;
  'settings.update': Settings;
  'teammates.add': Teammate;
  'teammates.remove': Teammate;
  'teammates.edit': Teammate;
  'integration.connect': {
    /** The local page that starts the sign-in in the browser (binds it to that browser); open this one. */
    startUrl: string;
    /** The service's own sign-in address, state included: shown for reference, never opened by Cadence. */
    authorizeUrl: string;
  };
  'integration.configure': IntegrationView;
  'integration.disconnect': null;
  /** The client id the user entered is forgotten, with the sign-in made with it. */
  'integration.unconfigure': IntegrationView;
  'team.refresh': TeamView;
  'team.seen': TeamView;
  'message.send': MessageSentView;
  'message.cancel': { words: string };
  'contacts.delete': { deleted: number };
  'contacts.mark': { marked: boolean };
  notify: NotifyOutcomeView;
}
export type CommandResult<C extends CommandName> = CommandResults[C];

/** What each query answers. */
export interface QueryResults {
  status: StatusView;
  'status.text': { text: string };
  plan: DayPlanView;
  teammates: TeammateView[];
  'teammates.together': TogetherView | null;
  history: DaySummary[];
  settings: Settings;
  integrations: IntegrationView[];
  problems: string[];
  team: TeamView;
  contacts: ContactsView;
}
export type QueryResult<Q extends QueryName> = QueryResults[Q];

/** Every event a client may receive, told apart by name. */
export type CompanionEvent =
  | { name: 'availability.changed'; data: StatusView }
  | { name: 'plan.changed'; data: { cause: CommandName | 'calendar' } }
  | { name: 'prompt.raised'; data: PromptView }
  | { name: 'prompt.cleared'; data: { kind: PromptView['kind']; key: string } }
  | { name: 'teammates.changed'; data: null }
  | { name: 'settings.changed'; data: Settings }
  | { name: 'integration.health.changed'; data: IntegrationView[] }
  | { name: 'team.changed'; data: TeamView };
export type EventName = CompanionEvent['name'];
export type EventData<E extends EventName> = Extract<CompanionEvent, { name: E }>['data'];

/** Every way a request can fail; transports map each to a status of their own. */
export type ErrorCode =
  // refusals by the core
  | 'unknown_command'
  | 'unknown_query'
  | 'invalid_input'
  | 'invalid_settings'
  | 'conflict'
  | 'snooze_limit'
  | 'not_found'
  | 'not_configured'
  | 'not_available'
  | 'storage'
  /** A connected service needs a permission its sign-in did not grant: signing in again asks for it. */
  | 'permission_needed'
  /** A connected service refused or failed what was asked of it. */
  | 'provider'
  // refusals by a transport
  | 'bad_host'
  | 'bad_origin'
  | 'unauthorized'
  | 'method_not_allowed'
  | 'unsupported_media_type'
  | 'too_large'
  | 'bad_request'
  | 'malformed_json'
  | 'forbidden'
  | 'offline'
  /** A command asked again after its answer was lost, of a Cadence restarted meanwhile. */
  | 'outcome_unknown'
  | 'internal';

export interface Issue {
  path: string;
  message: string;
}

/** A problem with a request, in words a user can act on. */
export interface ApiError {
  error: ErrorCode;
  message: string;
  issues?: Issue[];
}

export type Refusal = { ok: false } & ApiError;
export type ApiResult<T> = { ok: true; value: T } | Refusal;

export function refusal(error: ErrorCode, message: string, issues?: Issue[]): Refusal {
  return issues ? { ok: false, error, message, issues } : { ok: false, error, message };
}

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(commandSchemas, name);
}

export function isQueryName(name: string): name is QueryName {
  return Object.hasOwn(querySchemas, name);
}

export function issuesOf(error: z.ZodError): Issue[] {
  return error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

/** A command's input from a transport, checked against its schema (an absent input is an empty one). */
export function commandInput<C extends CommandName>(name: C, input: unknown): ApiResult<CommandData<C>> {
  const parsed = commandInputSchemas[name].safeParse(input === undefined ? {} : input);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : refusal('invalid_input', `The ${name} command's input is not valid.`, issuesOf(parsed.error));
}
