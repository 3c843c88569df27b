import { addDays, atLocalTime, type Instant, localDate } from '../clockTime';
import { PROVIDER_NAMES, type ProviderId } from '../integrationView';
import type { Settings } from '../settings';
import { weekStartOf } from '../weekStart';
import type { ContactState } from './contactState';
import { contactSentence, contactWeek } from './contactWeek';
import { type ShownContact, shownContact } from './contactResponse';
import { dayTitle } from '../words';

/** What the person sees of their record: whether it is on, the weeks in sentences, and the contacts asked for. */
export interface ContactsView {
  on: boolean;
  /** When the record began (ISO), or null before it was first on. */
  since: string | null;
  lastWeek: string;
  thisWeek: string;
  /** What the record does not read yet, said beside the weeks. */
  notRead: string;
  /** Services the last reading could not read (a sign-in to renew…), in words; counted once they are. */
  unread: string[];
  contacts: ShownContact[];
}

/** What the record reads: Slack, Google Calendar, Outlook mail, invitations and Teams chats. */
const READ_BY_RECORD: readonly ProviderId[] = ['slack', 'google', 'microsoft'];
const REPLIES_NOT_READ = 'Your replies in Slack channels and your answers to invitations are not read.';
const TEAMS_WORDS = {
  daily:
    'Teams chats are read once a day, a minute before your hours begin (Microsoft allows one reading a day).',
  unsupported: 'Teams chats are not read: Microsoft lets no app read the chats of a personal account.',
};

/**
 * The record as the person reads it: last week and this week so far in sentences against the weeks before
 * (only those wholly recorded), and the contacts between two local dates.
 */
export function contactsView(
  state: ContactState,
  settings: Settings,
  now: Instant,
  connected: readonly ProviderId[],
  range: { from?: string | undefined; to?: string | undefined } = {},
  /** When the person answered the after-hours nudge "Urgent — I'm on it". */
  urgentNudges: readonly Instant[] = [],
  /** How Teams chats are read, where Microsoft 365 is connected. */
  teams: keyof typeof TEAMS_WORDS = 'daily',
): ContactsView {
  const zone = settings.workTimeZone;
  const weekStart = (date: string) => atLocalTime(weekStartOf(date, settings.weekStart), 0, zone);
  const thisStart = weekStart(localDate(now, zone));
  const lastStart = weekStart(addDays(localDate(thisStart, zone), -1));
  const since = state.since ? Date.parse(state.since) : null;
  const missing = READ_BY_RECORD.filter((id) => !connected.includes(id)).map((id) => PROVIDER_NAMES[id]);
  // Weeks before last week that the record covered whole: their average is the usual.
  const earlier: number[] = [];
  for (let start = weekStart(addDays(localDate(lastStart, zone), -1)); since !== null && start >= since;) {
    const end = weekStart(addDays(localDate(start, zone), 7));
    earlier.push(contactWeek(state.contacts, start, end).total);
    if (earlier.length >= 8) break;
    start = weekStart(addDays(localDate(start, zone), -1));
  }
  const usual = earlier.length ? earlier.reduce((a, b) => a + b, 0) / earlier.length : null;
  const dayStart = (date: string) => atLocalTime(date, 0, zone);
  const from = range.from ? dayStart(range.from) : -Infinity;
  const to = range.to ? dayStart(addDays(range.to, 1)) : Infinity;
  const recordedLastWeek = since !== null && since <= lastStart;
  return {
    on: settings.contactRecord,
    since: state.since,
    lastWeek: recordedLastWeek
      ? contactSentence(contactWeek(state.contacts, lastStart, thisStart), 'last week', usual, missing)
      : since !== null && since < thisStart
        ? // Begun during last week: what it saw since, said as such (the days before are not known).
          contactSentence(
            contactWeek(state.contacts, since, thisStart),
            `last week since the record began on ${dayTitle(localDate(since, zone))}`,
            null,
            missing,
          )
        : 'Last week is not on record: the record began this week.',
    thisWeek: contactSentence(
      contactWeek(state.contacts, thisStart, now + 1),
      'this week so far',
      null,
      missing,
    ),
    notRead: [REPLIES_NOT_READ, ...(connected.includes('microsoft') ? [TEAMS_WORDS[teams]] : [])].join(' '),
    unread: [],
    contacts: state.contacts
      .filter((c) => {
        const at = Date.parse(c.at);
        return at >= from && at < to;
      })
      .map((c) => shownContact(c, now, urgentNudges)),
  };
}
