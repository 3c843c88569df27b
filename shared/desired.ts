import type { Availability, Mode } from './availability';
import { type Instant, localDate, wallClock, weekdayOf } from './clockTime';
import type { Settings } from './settings';
import { TEAM_WEEKDAYS } from './team/teamNames';
import { teamOf, urgencyOf } from './team/teamNorms';

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
  /** The team's meeting-free day (ISO weekday, 1 = Monday, in `timeZone`), or null: see declineFor. */
  meetingFreeDay: number | null;
  chatDoNotDisturb: boolean;
  /** What senders should know, whatever the mode: the reply expectation and the urgency rule (for calendars). */
  note: string;
  /**
   * While off, the automatic email reply: when the member is back, the team's email reply expectation and
   * the urgency rule, whole (Graph documents no length limit for it); '' in any other mode.
   */
  autoReply: string;
}

/**
 * Slack's status_text is "a string of no more than 100 characters"
 * (https://docs.slack.dev/apis/web-api/user-presence-and-status). Graph's presence status message documents
 * no limit (https://learn.microsoft.com/en-us/graph/api/resources/presencestatusmessage): the same text goes
 * to every service, so every status is written within the strictest limit.
 */
export const SLACK_STATUS_LIMIT = 100;

const clock = (at: Instant, zone: string): string => wallClock(at, zone, true);

function dayClock(at: Instant, zone: string, now: Instant): string {
  if (localDate(at, zone) === localDate(now, zone)) return clock(at, zone);
  return `${new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'short' }).format(at)} ${clock(at, zone)}`;
}

/** Text cut at a word boundary to at most `limit` characters, "…" included; null when too little is left. */
function shortened(text: string, limit: number, least = 12): string | null {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit - 1).replace(/[\s,.;:·!?-]+\S*$/, '');
  return cut.length >= least ? `${cut}…` : null;
}

/**
 * Keeps a status within the provider's limit: the facts (`main`) first, then the urgency rule (`hint`), then
 * the reply expectation, shown "facts · reply · rule". Too long, the reply expectation goes before the rule
 * is touched; then the rule is shortened at a word ("…"); the facts are never cut for either.
 */
export function fitStatus(main: string, hint: string, limit = SLACK_STATUS_LIMIT, reply = ''): string {
  if (main.length > limit) return shortened(main, limit, 1) ?? `${main.slice(0, limit - 1)}…`;
  const join = (...parts: string[]): string => parts.filter(Boolean).join(' · ');
  const cut = (before: string): string | null => {
    const room = limit - before.length - 3;
    const short = hint && room > 0 ? shortened(hint, room) : null;
    return short ? `${before} · ${short}` : null;
  };
  const candidates = [
    join(main, reply, hint),
    join(main, hint),
    cut(join(main, reply)),
    cut(main),
    join(main, reply),
  ];
  return candidates.find((text): text is string => text !== null && text.length <= limit) ?? main;
}

/**
 * The team's reply expectation for a channel, in the words of a status: "replies within 4 working hours"
 * for chat, "email replies by the next working day" for email; '' when the file sets none.
 */
export function replyExpectation(settings: Settings, channel: 'chat' | 'email' = 'chat'): string {
  const expected = teamOf(settings)?.replies?.[channel];
  if (!expected) return '';
  const replies = channel === 'chat' ? 'replies' : 'email replies';
  if (expected.workingHours !== undefined)
    return `${replies} within ${expected.workingHours} working hour${expected.workingHours === 1 ? '' : 's'}`;
  return expected.workingDays === 1
    ? `${replies} by the next working day`
    : `${replies} within ${expected.workingDays} working days`;
}

type AutoDecline = Settings['focus']['autoDecline'];
const DECLINE_STRICTNESS: readonly AutoDecline[] = [
  'declineNone',
  'declineOnlyNewConflictingInvitations',
  'declineAllConflictingInvitations',
];

/**
 * What the calendar block starting at `start` does with invitations that clash with it: the member's
 * own choice, and on the team's meeting-free day (in the member's zone) at least declining new ones;
 * the stricter of the two wins. `meetingFree` names that day ("Wednesday") for the message senders get.
 */
export function declineFor(
  desired: Desired,
  start: Instant,
): { mode: AutoDecline; meetingFree: string | null } {
  const day = desired.meetingFreeDay;
  if (day === null || weekdayOf(localDate(start, desired.timeZone)) !== day)
    return { mode: desired.autoDecline, meetingFree: null };
  const name = TEAM_WEEKDAYS[day - 1] ?? '';
  const meetingFree = `${name.charAt(0).toUpperCase()}${name.slice(1)}`;
  const team: AutoDecline = 'declineOnlyNewConflictingInvitations';
  const stricter =
    DECLINE_STRICTNESS.indexOf(desired.autoDecline) >= DECLINE_STRICTNESS.indexOf(team)
      ? desired.autoDecline
      : team;
  return { mode: stricter, meetingFree };
}

export function desiredState(
  availability: Availability,
  settings: Settings,
  now: Instant,
  endedFocus: { id: string; end: Instant } | null = null,
  planned: Desired['planned'] = [],
): Desired {
  const zone = availability.timeZone;
  // The team's rule when its file has one, else the member's own; the team's reply expectation before it.
  const rule = urgencyOf(settings).rule.trim();
  const reply = replyExpectation(settings);
  const meetingFree = teamOf(settings)?.meetingFreeDay;
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
    meetingFreeDay: meetingFree ? TEAM_WEEKDAYS.indexOf(meetingFree) + 1 : null,
    chatDoNotDisturb: settings.focus.chatDoNotDisturb,
    note: [reply, rule].filter(Boolean).join(' · '),
    autoReply: '',
  };
  switch (availability.mode) {
    case 'focus': {
      const end = availability.focus?.end ?? availability.until;
      return {
        ...base,
        statusText: fitStatus(
          `Focusing until ${end ? clock(end, zone) : 'later'}`,
          rule,
          SLACK_STATUS_LIMIT,
          reply,
        ),
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
          rule,
          SLACK_STATUS_LIMIT,
          reply,
        ),
        emoji: ':calendar:',
        dndUntil: null,
        away: false,
      };
    case 'off': {
      const back = availability.nextWorkStart;
      const text = back ? `Off until ${dayClock(back, zone, now)} (${dayClock(back, 'UTC', now)})` : 'Off';
      // A sentence each, capitalised and ended once ("Urgent? Call me." stays as it is written).
      const sentence = (words: string) =>
        words ? `${words.charAt(0).toUpperCase()}${words.slice(1)}${/[.!?]$/.test(words) ? '' : '.'}` : '';
      return {
        ...base,
        autoReply: [`${text}.`, sentence(replyExpectation(settings, 'email')), sentence(rule)]
          .filter(Boolean)
          .join(' '),
        until: back,
        statusText: fitStatus(text, rule, SLACK_STATUS_LIMIT, reply),
        emoji: ':crescent_moon:',
        dndUntil: back,
        away: true,
      };
    }
    case 'working':
      return { ...base, statusText: '', emoji: '', dndUntil: null, away: false };
  }
}
