import type { Availability, Mode } from './availability';
import { type Instant, localDate, wallClock } from './clockTime';
import type { Settings } from './settings';

/** What every connected service should show, derived from the availability: providers reconcile to this. */
export interface Desired {
  mode: Mode;
  /** When the shown state ends by itself: every push carries it as a server-side expiry. */
  until: Instant | null;
  statusText: string;
  emoji: string;
  /** Do-not-disturb until this instant, or none. */
  dndUntil: Instant | null;
  away: boolean;
  timeZone: string;
  focus: { id: string; start: Instant; end: Instant } | null;
  /** The block that ended last, with its real end: a calendar entry is cut back to it. */
  endedFocus: { id: string; end: Instant } | null;
  /** Focus blocks planned for later (see plannedAhead): calendars hold them ahead of time. */
  planned: { id: string; start: Instant; end: Instant }[];
  autoDecline: Settings['focus']['autoDecline'];
  chatDoNotDisturb: boolean;
}

export const SLACK_STATUS_LIMIT = 100;

const clock = (at: Instant, zone: string): string => wallClock(at, zone, true);

function dayClock(at: Instant, zone: string, now: Instant): string {
  if (localDate(at, zone) === localDate(now, zone)) return clock(at, zone);
  return `${new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'short' }).format(at)} ${clock(at, zone)}`;
}

/** Keeps a status within the provider's limit, cutting the urgency hint before the facts. */
export function fitStatus(main: string, hint: string, limit = SLACK_STATUS_LIMIT): string {
  const full = hint ? `${main} · ${hint}` : main;
  if (full.length <= limit) return full;
  if (main.length <= limit) return main;
  return `${main.slice(0, limit - 1)}…`;
}

export function desiredState(
  availability: Availability,
  settings: Settings,
  now: Instant,
  endedFocus: { id: string; end: Instant } | null = null,
  planned: Desired['planned'] = [],
): Desired {
  const zone = availability.timeZone;
  const hint = settings.urgency.rule.trim();
  const base = {
    mode: availability.mode,
    until: availability.until,
    timeZone: zone,
    focus: availability.focus
      ? { id: availability.focus.id, start: availability.focus.start, end: availability.focus.end }
      : null,
    endedFocus,
    planned,
    autoDecline: settings.focus.autoDecline,
    chatDoNotDisturb: settings.focus.chatDoNotDisturb,
  };
  switch (availability.mode) {
    case 'focus': {
      const end = availability.focus?.end ?? availability.until;
      return {
        ...base,
        statusText: fitStatus(`Focusing until ${end ? clock(end, zone) : 'later'}`, hint),
        emoji: ':dart:',
        dndUntil: settings.focus.chatDoNotDisturb ? end : null,
        away: false,
      };
    }
    case 'lunch':
      return {
        ...base,
        statusText: fitStatus(
          `At lunch until ${availability.lunch ? clock(availability.lunch.end, zone) : 'later'}`,
          '',
        ),
        emoji: ':sandwich:',
        dndUntil: null,
        away: false,
      };
    case 'meeting':
      return {
        ...base,
        statusText: fitStatus(
          `In a meeting until ${availability.until ? clock(availability.until, zone) : 'later'}`,
          hint,
        ),
        emoji: ':calendar:',
        dndUntil: null,
        away: false,
      };
    case 'off': {
      const back = availability.nextWorkStart;
      const text = back ? `Off until ${dayClock(back, zone, now)} (${dayClock(back, 'UTC', now)})` : 'Off';
      return {
        ...base,
        until: back,
        statusText: fitStatus(text, hint),
        emoji: ':crescent_moon:',
        dndUntil: back,
        away: true,
      };
    }
    case 'working':
      return { ...base, statusText: '', emoji: '', dndUntil: null, away: false };
  }
}
