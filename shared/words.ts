import type { Mode, Reason } from './availability';
import type { PromptKind } from './prompts';
import type { StatusView } from './statusView';
import type { TeammateState } from './teammateGlance';
import { clockTime, sameLocalDay, timeFormat as format, weekdayDayText } from './timeWriting';

/**
 * Every word the user reads about their state, keyed by the domain's types: a new mode, reason or
 * teammate state does not compile until it has words here. The window, the tray, the CLI and the
 * desktop notifications all read from this one module.
 */

export const MODE_WORDS: Record<Mode, string> = {
  focus: 'Focusing',
  meeting: 'In a meeting',
  lunch: 'At lunch',
  working: 'Working',
  off: 'Off',
};

/** The status pill's words: the mode, and after the end of the day whether the day is still open. */
export function pillWords(mode: Mode, reason: Reason): string {
  if (mode === 'off' && reason === 'afterHours') return 'Off · day not closed';
  if (mode === 'working' && reason === 'extended') return 'Working · a little longer';
  return MODE_WORDS[mode];
}

/** Why the user is in their mode, as a sentence. */
export const REASON_WORDS: Record<Reason, string> = {
  focus: 'You are focusing.',
  meeting: 'You are in a meeting.',
  lunch: 'You are at lunch.',
  working: 'You are working.',
  away: 'You are away.',
  dayClosed: 'You closed the day.',
  beforeHours: 'Your workday has not started yet.',
  betweenSpans: 'You are between working hours.',
  afterHours: 'Your working hours are over, and the day is still open: close it when you are ready.',
  extended: 'You are working a little longer.',
  weekend: 'It is the weekend.',
  holiday: 'It is a public holiday.',
  dayOff: 'It is your day off.',
  teamQuietHours: 'Team quiet hours: no one on your team is expected to read or answer.',
  teamQuietDay: 'A quiet day for your team: no one is expected to read or answer.',
  teamHoliday: "A public holiday in your team's calendar: no one is expected to read or answer.",
};

export const TEAMMATE_STATE_WORDS: Record<TeammateState, string> = {
  available: 'Available',
  off: 'Off',
  focusing: 'Focusing',
  meeting: 'In a meeting',
  lunch: 'At lunch',
  dnd: 'Do not disturb',
};

/** The desktop notification each prompt raises. */
/** What a notification's buttons do (where the OS shows buttons): the desktop app maps each to a command. */
export type NotificationActionId =
  | 'lunch.start'
  | 'lunch.later'
  | 'ritual.open'
  | 'shutdown.later'
  | 'nudge.closing'
  | 'nudge.urgent'
  | 'goal.start'
  | 'goal.skip';

export const PROMPT_NOTIFICATIONS: Record<
  PromptKind | 'focusEnded',
  { title: string; body: string; actions?: { id: NotificationActionId; label: string }[] }
> = {
  lunch: {
    title: 'Time for lunch',
    body: 'Step away for a proper break. Start, snooze or skip it in Cadence.',
    actions: [
      { id: 'lunch.start', label: 'Start lunch' },
      { id: 'lunch.later', label: 'In 15 min' },
    ],
  },
  shutdown: {
    title: 'Time to close the day',
    body: "Wrap up: what got done, what carries over, and tomorrow's top three.",
    actions: [
      { id: 'ritual.open', label: 'Close the day' },
      { id: 'shutdown.later', label: '10 more minutes' },
    ],
  },
  afterHours: {
    title: "You're working after hours",
    body: "Close it down? If it can't wait, say so: Cadence won't ask again until your next workday.",
    actions: [
      { id: 'nudge.closing', label: 'Close it down' },
      { id: 'nudge.urgent', label: "Urgent — I'm on it" },
    ],
  },
  goalStart: {
    title: 'Time for planned focus',
    body: 'A block for your weekly focus goal. Start it now? Your status, Do Not Disturb and calendar follow.',
    actions: [
      { id: 'goal.start', label: 'Start focus' },
      { id: 'goal.skip', label: 'Skip' },
    ],
  },
  focusEnded: {
    title: 'Focus block finished',
    body: 'Stand up, stretch, look away from the screen.',
  },
};

// Clock formats live in timeWriting.ts, below every domain module (settings read them for their words).
export { CLOCK_PREFERENCES, type ClockPreference, clockTime, setTimeWriting } from './timeWriting';

/** "14:00" today, "Mon 09:00" on another day. */
export function whenText(iso: string, zone: string, now: number, locale?: string): string {
  if (sameLocalDay(iso, now, zone, locale)) return clockTime(iso, zone, locale);
  return `${weekdayDayText(iso, zone, locale)}, ${clockTime(iso, zone, locale)}`;
}

export function dayTitle(date: string, locale?: string): string {
  return format(locale, 'UTC', { weekday: 'long', day: 'numeric', month: 'long' }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

/** A recent day by its name ("Monday"), an older one with its date ("Mon 16 Nov"), seen from `today`. */
export function dayName(date: string, today: string, locale?: string): string {
  const at = new Date(`${date}T12:00:00Z`);
  const daysAgo = Math.round((Date.parse(`${today}T12:00:00Z`) - at.getTime()) / 86_400_000);
  if (daysAgo === 1) return 'yesterday';
  if (daysAgo > 1 && daysAgo < 7) return weekdayName(date, locale);
  return shortDayTitle(date, locale);
}

/** A date in short, as the app writes days elsewhere: "Mon, 30 Nov" (in the locale's order). */
export function shortDayTitle(date: string, locale?: string): string {
  return format(locale, 'UTC', { weekday: 'short', day: 'numeric', month: 'short' }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

/** A date by day and month alone, "30 Nov" (in the locale's order), where room is short. */
export function shortDate(date: string, locale?: string): string {
  return format(locale, 'UTC', { day: 'numeric', month: 'short' }).format(new Date(`${date}T12:00:00Z`));
}

/** The weekday of a date, "Tuesday". */
export function weekdayName(date: string, locale?: string): string {
  return format(locale, 'UTC', { weekday: 'long' }).format(new Date(`${date}T12:00:00Z`));
}

export function minutesLeft(untilIso: string, now: number): number {
  return Math.max(0, Math.ceil((Date.parse(untilIso) - now) / 60_000));
}

export function countdown(untilIso: string, now: number): string {
  const seconds = Math.max(0, Math.round((Date.parse(untilIso) - now) / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return h
    ? `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`
    : `${m}:${String(s).padStart(2, '0')}`;
}

export function offsetText(minutes: number): string {
  if (minutes === 0) return 'same time';
  const sign = minutes > 0 ? '+' : '−';
  const abs = Math.abs(minutes);
  return `${sign}${Math.floor(abs / 60)}${abs % 60 ? `:${String(abs % 60).padStart(2, '0')}` : ''} h`;
}

const pluralRules = new Map<string, Intl.PluralRules>();
/** "1 minute", "5 minutes": English words, chosen by the locale's plural rules. */
export function minutesWords(count: number, locale?: string): string {
  const key = locale ?? '';
  let rules = pluralRules.get(key);
  if (!rules) pluralRules.set(key, (rules = new Intl.PluralRules(locale ?? 'en')));
  return `${count} ${rules.select(count) === 'one' ? 'minute' : 'minutes'}`;
}

export function durationText(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  return minutes % 60 ? `${h} h ${minutes % 60} min` : `${h} h`;
}

/** One plain sentence of where the user stands: the window's headline, the tray's and the CLI's first line. */
export function headline(status: StatusView, now: number, locale?: string): string {
  const zone = status.timeZone;
  switch (status.mode) {
    case 'focus':
      return status.focus ? `Focusing until ${clockTime(status.focus.endsAt, zone, locale)}.` : 'Focusing.';
    case 'meeting':
      return status.meeting
        ? `In “${status.meeting.title}” until ${clockTime(status.meeting.endsAt, zone, locale)}.`
        : 'In a meeting.';
    case 'lunch':
      return status.lunch ? `At lunch until ${clockTime(status.lunch.endsAt, zone, locale)}.` : 'At lunch.';
    case 'working':
      if (status.reason === 'extended' && status.until)
        return `Working a little longer, until ${clockTime(status.until, zone, locale)}. Close the day when you are done.`;
      if (status.next) {
        const what =
          status.next.kind === 'meeting' ? `“${status.next.title ?? 'a meeting'}”` : status.next.kind;
        return `Working · next: ${what} at ${clockTime(status.next.at, zone, locale)}.`;
      }
      return status.until ? `Working until ${whenText(status.until, zone, now, locale)}.` : 'Working.';
    case 'off': {
      const back = status.nextWorkStart
        ? ` Work resumes ${whenText(status.nextWorkStart, zone, now, locale)}.`
        : '';
      return `${REASON_WORDS[status.reason]}${back}`;
    }
  }
}

/** The wall time written in an ISO instant with an offset ("…T16:30:00.000+01:00" → 4:30 PM), in the locale. */
export function offsetClockTime(iso: string, locale?: string): string {
  return clockTime(wallAsUtc(iso), 'UTC', locale);
}

/** The day and wall time written in an ISO instant with an offset, e.g. "Mon, 30 Nov, 09:00". */
export function offsetDayTime(iso: string, locale?: string): string {
  const at = wallAsUtc(iso);
  const day = format(locale, 'UTC', { weekday: 'short', day: 'numeric', month: 'short' }).format(at);
  return `${day}, ${clockTime(at, 'UTC', locale)}`;
}

function wallAsUtc(iso: string): number {
  return Date.parse(`${iso.slice(0, 19)}Z`);
}

/** "same time as you", "6 h behind you", "5 h 30 min ahead of you": a teammate's clock against yours. */
export function offsetWords(minutes: number): string {
  if (minutes === 0) return 'same time as you';
  return `${durationText(Math.abs(minutes))} ${minutes > 0 ? 'ahead of' : 'behind'} you`;
}

/** "today", "tomorrow", "on Monday" within the week, else "on Mon, 30 Nov": the day of an instant from now. */
export function dayWords(iso: string, zone: string, now: number, locale?: string): string {
  const date = format('en-CA', zone, { year: 'numeric', month: '2-digit', day: '2-digit' });
  const days = Math.round(
    (Date.parse(date.format(new Date(iso))) - Date.parse(date.format(now))) / 86_400_000,
  );
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  const shape: Intl.DateTimeFormatOptions =
    days < 7 ? { weekday: 'long' } : { weekday: 'short', day: 'numeric', month: 'short' };
  return `on ${format(locale, zone, shape).format(new Date(iso))}`;
}

/** The next time you and a teammate both work, in words: "Overlap now, until 17:00", "Overlap tomorrow, 09:00–11:00". */
export function overlapWords(
  overlap: { start: string; end: string } | null,
  zone: string,
  now: number,
  locale?: string,
): string {
  if (!overlap) return 'No overlap in the next two weeks';
  const end = clockTime(overlap.end, zone, locale);
  // An overlap under way starts at the instant it was computed, which a window's coarser clock may not
  // have reached yet: a start within the minute is now.
  if (Date.parse(overlap.start) <= now + 60_000) return `Overlap now, until ${end}`;
  return `Overlap ${dayWords(overlap.start, zone, now, locale)}, ${clockTime(overlap.start, zone, locale)}–${end}`;
}
