import { z } from 'zod';
import '../validationWords';
import { timeZoneSchema } from '../settings';
import { TEAM_WEEKDAYS } from './teamNames';

export { TEAM_SCHEMA_ADDRESS, TEAM_WEEKDAYS, type TeamWeekday } from './teamNames';

// A team's agreement, written once by the team and read by every member's Cadence (issue #24). Every field
// is optional; a file is used whole or not at all. docs/team-file.schema.json is generated from this schema
// (test/unit/shared/team/teamSchema.test.ts keeps the two the same).

/** A time of day in the file: always the 24-hour "HH:MM", whatever clock the reader uses. */
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
/** Two times in order; said only once both are times (each says its own problem otherwise). */
const inOrder = (from: string, until: string): boolean =>
  !HH_MM.test(from) || !HH_MM.test(until) || from < until;
const time = z
  .string()
  .regex(HH_MM, 'use a 24-hour time like 18:30')
  .meta({ description: 'A 24-hour time of day, "HH:MM"', examples: ['18:30'] });

const weekday = z.enum(TEAM_WEEKDAYS);
const weekdays = z
  .array(weekday)
  .max(7)
  .refine((days) => new Set(days).size === days.length, { error: 'name each day once' });

const zone = timeZoneSchema('not a known IANA time zone (e.g. Europe/Berlin)');

const coreHours = z
  .strictObject({
    timeZone: zone.meta({ description: 'The zone the core hours are written in (IANA, e.g. Europe/Berlin)' }),
    start: time,
    end: time,
    days: weekdays
      .meta({ description: 'The days with core hours; every working day when left out' })
      .optional(),
  })
  .refine((core) => inOrder(core.start, core.end), {
    error: 'core hours end after they start, the same day',
    path: ['end'],
  })
  .meta({ description: 'The hours everyone overlaps, in one named zone' });

const urgency = z
  .strictObject({
    rule: z
      .string()
      .min(1)
      .max(200)
      .meta({ description: 'The words shown to senders ("urgent: call me")' })
      .optional(),
    keywords: z
      .array(z.string().min(1).max(40))
      .max(20)
      .meta({ description: 'Words that mark a message urgent' })
      .optional(),
    alwaysFrom: z
      .array(z.string().min(1).max(80))
      .max(50)
      .meta({ description: 'People whose messages are always urgent (names or ids)' })
      .optional(),
  })
  .meta({ description: 'How something urgent is marked, and who is always urgent' });

const evenings = z
  .strictObject({ from: time, until: time })
  .refine((span) => span.from !== span.until, {
    error: 'quiet hours start and end at the same time: change one of them',
    path: ['until'],
  })
  .meta({
    description: "Each member's quiet hours in their own local time; from 18:30 until 08:00 runs overnight",
  });

const holidays = z
  .strictObject({
    country: z.string().regex(/^[A-Z]{2}$/, 'use a two-letter country code like DE'),
    region: z
      .string()
      .regex(/^[A-Z0-9]{1,3}$/, 'use a region code like BE (Berlin in DE)')
      .optional(),
  })
  .meta({ description: 'A public holiday calendar: no one is expected on its holidays' });

const quiet = z
  .strictObject({
    evenings: evenings.optional(),
    days: weekdays.meta({ description: 'Whole days when no one is expected to read or answer' }).optional(),
    holidays: holidays.optional(),
  })
  .meta({ description: 'When no one is expected to read or answer' });

const reply = z
  .strictObject({
    workingHours: z.number().int().min(1).max(40).optional(),
    workingDays: z.number().int().min(1).max(10).optional(),
  })
  .refine((within) => (within.workingHours === undefined) !== (within.workingDays === undefined), {
    error: 'give either workingHours or workingDays',
  })
  .meta({ description: 'How soon a reply is expected, in working hours or working days' });

const replies = z
  .strictObject({ chat: reply.optional(), email: reply.optional() })
  .meta({ description: 'Reply expectations per channel' });

const lunch = z
  .strictObject({
    minutes: z.number().int().min(10).max(180).optional(),
    between: z
      .strictObject({ from: time, until: time })
      .refine((span) => inOrder(span.from, span.until), {
        error: 'lunch ends after it starts',
        path: ['until'],
      })
      .optional(),
  })
  .meta({ description: 'The lunch break the team expects everyone to take' });

const endOfDay = z
  .strictObject({ by: time.meta({ description: 'The latest a working day is expected to end, local time' }) })
  .meta({ description: 'When the working day is expected to end' });

const disconnecting = z
  .strictObject({
    version: z.string().min(1).max(20),
    date: z.iso.date({ error: 'use a real date like 2026-09-01' }),
    text: z.string().min(1).max(20_000),
    url: z
      .url({
        protocol: /^https$/,
        error: 'use an https address like https://intranet.example.com/disconnecting',
      })
      .optional(),
  })
  .meta({ description: 'The written policy on disconnecting from work, with its version and date' });

export const teamFileSchema = z
  .strictObject({
    $schema: z
      .string()
      .max(500)
      .meta({ description: 'The JSON Schema an editor checks this file with' })
      .optional(),
    name: z.string().min(1).max(80).meta({ description: "The team's name" }).optional(),
    coreHours: coreHours.optional(),
    urgency: urgency.optional(),
    quiet: quiet.optional(),
    meetingFreeDay: weekday.meta({ description: 'The day with no meetings' }).optional(),
    replies: replies.optional(),
    lunch: lunch.optional(),
    endOfDay: endOfDay.optional(),
    disconnecting: disconnecting.optional(),
  })
  .meta({
    title: 'Cadence team file',
    description:
      "A team's agreed working norms, followed by every member's Cadence. Every field is optional.",
  });

export type TeamFile = z.infer<typeof teamFileSchema>;
