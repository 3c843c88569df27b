import { z } from 'zod';
import './validationWords';
import { isHourMinute } from './clockTime';
import { timeFormsText } from './clockWords';
import { firstDayOfWeek } from './weekStart';
import { teamSettingsSchema } from './team/teamAddress';
import { spanProblem, type WeekdayKey, type WorkSpan } from './workSpans';
import { canonicalZone } from './zoneNames';

export const SETTINGS_VERSION = 2;

/** A time of day as stored ("HH:MM"); refused in words on the user's clock, asked when it is refused. */
export const hourMinute = z
  .string()
  .refine(isHourMinute, { error: () => `use a time like ${timeFormsText()}` });
/** A zone under any of its names, stored under one (shared/zoneNames.ts): Asia/Calcutta is kept as Asia/Kolkata. */
export function timeZoneSchema(message: string) {
  return z
    .string()
    .refine((zone) => canonicalZone(zone) !== null, { message })
    .overwrite((zone) => canonicalZone(zone) ?? zone);
}
const timeZone = timeZoneSchema('not a known IANA time zone (e.g. Europe/Berlin)');
const isoDate = z.iso.date({ message: 'use a real date like 2026-12-24' });

/** A span of work in local time; a span that ends the next day runs past midnight (a night shift). */
export const workSpanSchema = z
  .object({ start: hourMinute, end: hourMinute, nextDay: z.boolean().optional() })
  .superRefine((span, context) => {
    const problem = spanProblem(span);
    if (problem) context.addIssue({ code: 'custom', message: problem, path: ['end'] });
  });
const weekday = z.enum(['1', '2', '3', '4', '5', '6', '7']);
export type { WeekdayKey, WorkSpan } from './workSpans';
// The schemas' types and the plain ones the window's code uses (workSpans.ts, no validator) are one.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _spanTypesAgree: Same<z.infer<typeof workSpanSchema>, WorkSpan> = true;
const _weekdayTypesAgree: Same<z.infer<typeof weekday>, WeekdayKey> = true;
export {
  ENDS_AFTER_START,
  ENDS_BEFORE_START,
  SAME_START_AND_END,
  sharedWorkdayHours,
  spanProblem,
  WEEKDAYS,
  withExplicitNextDay,
  withExplicitNights,
  withWorkdayHours,
} from './workSpans';

export const weekSchema = z.record(weekday, z.array(workSpanSchema).max(6));

export const lunchSchema = z
  .object({
    enabled: z.boolean(),
    earliestStart: hourMinute,
    latestStart: hourMinute,
    minutes: z.number().int().min(10).max(180),
  })
  .refine((lunch) => lunch.earliestStart <= lunch.latestStart, {
    message: 'the latest lunch start must not be before the earliest',
    path: ['latestStart'],
  });

export const shutdownSchema = z.object({
  /** Minutes before the end of the last span of the day to raise the ritual prompt. */
  promptMinutesBefore: z.number().int().min(0).max(120),
  /** How far past the end of the day the prompt may be snoozed, in total. */
  maxSnoozeMinutes: z.number().int().min(0).max(240),
});

export const focusSchema = z.object({
  lengths: z.array(z.number().int().min(5).max(480)).min(1).max(6),
  defaultMinutes: z.number().int().min(5).max(480),
  autoDecline: z.enum([
    'declineNone',
    'declineAllConflictingInvitations',
    'declineOnlyNewConflictingInvitations',
  ]),
  chatDoNotDisturb: z.boolean(),
});

/** The weekly focus goal Cadence plans into free time; 0 hours is off. */
export const focusGoalSchema = z
  .object({
    weeklyHours: z.number().min(0).max(60),
    minBlockMinutes: z.number().int().min(15).max(240),
    maxBlockMinutes: z.number().int().min(15).max(480),
    preferred: z.enum(['morning', 'afternoon', 'any']),
    /** Planned blocks start by themselves, or with a one-click prompt when their time comes. */
    start: z.enum(['auto', 'prompt']).default('auto'),
  })
  .refine((goal) => goal.maxBlockMinutes >= goal.minBlockMinutes, {
    message: 'the longest block cannot be shorter than the shortest',
    path: ['maxBlockMinutes'],
  });

/** Time at the machine outside working hours: measured (on this machine only) and nudged about. */
export const afterHoursSchema = z.object({
  /** Whether Cadence notices activity outside working hours at all. */
  measure: z.boolean(),
  /** A nudge once an evening or day off after this many active minutes; 0 is no nudge. */
  nudgeAfterMinutes: z.number().int().min(0).max(240),
});

export const urgencySchema = z.object({
  /** The team's written rule, shown to teammates ("urgent: call me or @mention with !urgent"). */
  rule: z.string().max(200),
  /** Words that make a message urgent. */
  keywords: z.array(z.string().min(1).max(40)).max(20),
  /** People whose messages are always urgent (names or ids). */
  alwaysFrom: z.array(z.string().min(1).max(80)).max(50),
});

/** The first day of the week, ISO: 1 Monday … 7 Sunday. */
const weekStartSchema = z.number().int().min(1).max(7);

export const settingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  onboarded: z.boolean(),
  homeTimeZone: timeZone,
  /** The zone the working week is anchored in; it follows travel when the user says so. */
  workTimeZone: timeZone,
  week: weekSchema,
  weekendDays: z.array(z.number().int().min(1).max(7)).max(7),
  holidays: z.object({
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, 'use a two-letter country code like DE')
      .nullable(),
    region: z.string().max(10).nullable(),
  }),
  daysOff: z.array(isoDate).max(400),
  lunch: lunchSchema,
  shutdown: shutdownSchema,
  focus: focusSchema,
  focusGoal: focusGoalSchema,
  afterHours: afterHoursSchema,
  urgency: urgencySchema,
  launchAtLogin: z.boolean(),
  /** The installed desktop app looks for updates at start and daily, and installs them when it quits. */
  autoUpdate: z.boolean(),
  /** Microsoft 365: an automatic reply while off, saying when you are back and how to reach you if it is urgent. */
  offHoursAutoReply: z.boolean(),
  /**
   * Keep a record of contacts outside your hours, on this computer only (#25): when, through which
   * channel, from whom, urgent or not; never the text. Off until the person turns it on.
   */
  contactRecord: z.boolean(),
  /** The desktop app's global shortcut that toggles focus (an Electron accelerator). */
  focusShortcut: z
    .string()
    .regex(
      /^((CommandOrControl|CmdOrCtrl|Command|Cmd|Control|Ctrl|Alt|Option|AltGr|Shift|Super|Meta)\+)+([A-Z0-9]|F([1-9]|1[0-9]|2[0-4])|Space|Tab|Enter|Up|Down|Left|Right)$/,
      'use a shortcut like CommandOrControl+Alt+F',
    ),
  locale: z.string().max(35).nullable(),
  /** Times on a 12- or 24-hour clock, or as the locale writes them. */
  clock: z.enum(['locale', '12h', '24h']),
  /**
   * The first day of the week (ISO: 1 Monday … 7 Sunday) for the focus goal, the review and the charts
   * alike; at first the locale's (shared/weekStart.ts).
   */
  weekStart: weekStartSchema,
  /** Where the team's file is (issue #24); what it says is kept in team.json, not here. */
  team: teamSettingsSchema,
});
export type Settings = z.infer<typeof settingsSchema>;

const officeHours = [{ start: '09:00', end: '17:30' }];

/** The defaults; the week starts as `locale` (else the system's) says. */
export function defaultSettings(
  systemTimeZone: string,
  locale?: string | null,
  weekStart: number = firstDayOfWeek(locale),
): Settings {
  const zone = canonicalZone(systemTimeZone) ?? 'UTC';
  return {
    version: SETTINGS_VERSION,
    onboarded: false,
    homeTimeZone: zone,
    workTimeZone: zone,
    week: {
      '1': officeHours,
      '2': officeHours,
      '3': officeHours,
      '4': officeHours,
      '5': officeHours,
      '6': [],
      '7': [],
    },
    weekendDays: [6, 7],
    holidays: { country: null, region: null },
    daysOff: [],
    lunch: { enabled: true, earliestStart: '12:00', latestStart: '13:30', minutes: 45 },
    shutdown: { promptMinutesBefore: 10, maxSnoozeMinutes: 30 },
    focus: { lengths: [25, 50, 90], defaultMinutes: 50, autoDecline: 'declineNone', chatDoNotDisturb: true },
    focusGoal: {
      weeklyHours: 0,
      minBlockMinutes: 45,
      maxBlockMinutes: 120,
      preferred: 'morning',
      start: 'auto',
    },
    afterHours: { measure: true, nudgeAfterMinutes: 20 },
    urgency: { rule: 'Urgent? Call me, or @mention me with !urgent.', keywords: ['!urgent'], alwaysFrom: [] },
    launchAtLogin: false,
    autoUpdate: true,
    offHoursAutoReply: false,
    contactRecord: false,
    focusShortcut: 'CommandOrControl+Alt+F',
    locale: null,
    clock: 'locale',
    weekStart,
    team: { address: null },
  };
}

type Migration = (old: Record<string, unknown>) => Record<string, unknown>;

/** Migrations by the version they upgrade from. Version 1 had one zone and no weekend list. */
const migrations: Record<number, Migration> = {
  1: (old) => {
    const { timeZone, ...rest } = old;
    return { ...rest, homeTimeZone: timeZone, workTimeZone: timeZone, weekendDays: [6, 7], version: 2 };
  },
};

export interface SettingsProblem {
  path: string;
  message: string;
}

export interface LoadedSettings {
  settings: Settings;
  problems: SettingsProblem[];
  migratedFrom: number | null;
}

/**
 * Reads settings from untrusted JSON: migrates old versions, then keeps every valid top-level field and
 * replaces each invalid one by its default, saying which and why. Never throws.
 */
export function loadSettings(raw: unknown, systemTimeZone: string): LoadedSettings {
  // A file from before the week's first day was a setting gets the week of the locale it names.
  const fileLocale =
    typeof raw === 'object' && raw !== null && 'locale' in raw && typeof raw.locale === 'string'
      ? raw.locale
      : null;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return {
      settings: defaultSettings(systemTimeZone, fileLocale),
      problems: [{ path: '', message: 'not a settings object' }],
      migratedFrom: null,
    };
  }
  let data = raw as Record<string, unknown>;
  const startVersion = typeof data.version === 'number' ? data.version : SETTINGS_VERSION;
  let migratedFrom: number | null = null;
  for (let version = startVersion; version < SETTINGS_VERSION; version++) {
    const migrate = migrations[version];
    if (!migrate) break;
    data = migrate(data);
    migratedFrom ??= startVersion;
  }
  // The locale's first day of the week takes a DateTimeFormat, about 8 MB that stay resident: asked only
  // when the file has no valid first day of its own (a valid one replaces the default below anyway).
  const stored = weekStartSchema.safeParse(data.weekStart);
  const defaults = defaultSettings(systemTimeZone, fileLocale, stored.success ? stored.data : undefined);
  const merged: Record<string, unknown> = { ...defaults, ...data, version: SETTINGS_VERSION };
  const problems: SettingsProblem[] = [];
  const first = settingsSchema.safeParse(merged);
  if (first.success) return { settings: first.data, problems, migratedFrom };
  for (const issue of first.error.issues) {
    const key = String(issue.path[0] ?? '');
    problems.push({ path: issue.path.join('.'), message: issue.message });
    if (key in defaults) merged[key] = defaults[key as keyof Settings];
  }
  const second = settingsSchema.safeParse(merged);
  return {
    settings: second.success ? second.data : defaultSettings(systemTimeZone, fileLocale),
    problems,
    migratedFrom,
  };
}

export const settingsPatchSchema = settingsSchema.omit({ version: true }).partial();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/** Applies a patch all-or-nothing: either the whole result is valid or nothing changes. */
export function applySettingsPatch(
  current: Settings,
  patch: SettingsPatch | Record<string, unknown>,
): { ok: true; settings: Settings } | { ok: false; problems: SettingsProblem[] } {
  const unknown = Object.keys(patch).filter((key) => !Object.hasOwn(current, key) || key === 'version');
  if (unknown.length)
    return { ok: false, problems: unknown.map((key) => ({ path: key, message: 'not a setting' })) };
  const result = settingsSchema.safeParse({ ...current, ...patch, version: SETTINGS_VERSION });
  if (result.success) return { ok: true, settings: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  };
}
