import { type Availability, availabilityAt } from '../availability';
import { type Instant, isoInZone } from '../clockTime';
import type { Intents } from '../intents';
import type { Settings } from '../settings';

/**
 * The record of contacts outside a person's hours (issue #25): when, through which channel, from whom, and
 * whether it was urgent by the team's rule. Never the text: it is read only to decide urgency, then dropped.
 */
export type ContactChannel =
  'slackDirect' | 'slackGroup' | 'slackMention' | 'outlookMail' | 'teamsChat' | 'invitation';

/** A contact as a service's reader sees it, text included (held in memory only, to decide urgency). */
export interface IncomingContact {
  at: Instant;
  channel: ContactChannel;
  from: { id: string; name: string };
  text: string;
}

/** Why a moment was outside the person's hours, in the words of the availability it was measured by. */
export const OUTSIDE_REASONS = [
  'away',
  'dayClosed',
  'beforeHours',
  'betweenSpans',
  'afterHours',
  'weekend',
  'holiday',
  'dayOff',
  'teamQuietHours',
  'teamQuietDay',
  'teamHoliday',
] as const satisfies readonly Availability['reason'][];
export type OutsideReason = (typeof OUTSIDE_REASONS)[number];

/** The channels a contact can come through. */
export const CONTACT_CHANNELS = [
  'slackDirect',
  'slackGroup',
  'slackMention',
  'outlookMail',
  'teamsChat',
  'invitation',
] as const;

/** One contact outside hours, as kept. */
export interface Contact {
  /** When it arrived, in the working zone of that moment (so a report reads in the person's own time). */
  at: string;
  channel: ContactChannel;
  from: { id: string; name: string };
  urgent: boolean;
  /** Why it was outside hours: after hours, a weekend, a holiday, a day off, away… */
  why: OutsideReason;
  /** What the person did about it: their own reply's time, or the mark they gave it. */
  answeredAt?: string | undefined;
  /** That reply came outside their hours too. */
  answeredOutside?: boolean | undefined;
  /** When their hours began again after it: unanswered by then, it was left for their hours. */
  backAt?: string | undefined;
  /** The person marked it "Urgent — I'm on it". */
  onIt?: boolean | undefined;
  /** An invitation: when the meeting is (it may be what is outside the hours). */
  meetingAt?: string | undefined;
}

const OUTSIDE: ReadonlySet<Availability['reason']> = new Set<Availability['reason']>(OUTSIDE_REASONS);

/** Urgent by the team's rule: one of its keywords in the text, or a sender who is always urgent. */
export function urgentByRule(
  contact: Pick<IncomingContact, 'text' | 'from'>,
  urgency: Settings['urgency'],
): boolean {
  const text = contact.text.toLowerCase();
  if (urgency.keywords.some((keyword) => keyword && text.includes(keyword.toLowerCase()))) return true;
  const from = [contact.from.id, contact.from.name].map((who) => who.trim().toLowerCase());
  return urgency.alwaysFrom.some((who) => from.includes(who.trim().toLowerCase()));
}

/**
 * The contact as the record keeps it, when it came outside the person's hours at that moment (their working
 * zone, weekdays, holidays, days off, time away, a day already closed, the team's quiet time); null when it
 * came inside them. The text is not carried over.
 */
export function recordedContact(
  incoming: IncomingContact,
  settings: Settings,
  intents: Intents,
  urgency: Settings['urgency'] = settings.urgency,
): Contact | null {
  const availability = availabilityAt(incoming.at, settings, intents);
  if (availability.mode !== 'off' || !OUTSIDE.has(availability.reason)) return null;
  const back = availability.nextWorkStart;
  return {
    at: isoInZone(incoming.at, settings.workTimeZone),
    channel: incoming.channel,
    // As the record keeps them: a name of 120 characters at most, an id (an address) of 320.
    from: { id: incoming.from.id.slice(0, 320), name: incoming.from.name.slice(0, 120) },
    urgent: urgentByRule(incoming, urgency),
    why: availability.reason as OutsideReason,
    ...(back !== null && back > incoming.at ? { backAt: isoInZone(back, settings.workTimeZone) } : {}),
  };
}

/** Whether the person was outside their hours at `at` (a reply of theirs then was after-hours work). */
export function outsideHoursAt(at: Instant, settings: Settings, intents: Intents): boolean {
  const availability = availabilityAt(at, settings, intents);
  return availability.mode === 'off' && OUTSIDE.has(availability.reason);
}

/** A meeting invitation as a service's reader sees it (its title and description held in memory only). */
export interface IncomingInvitation {
  /** When it was made: when it reached the person. */
  created: Instant;
  /** When the meeting starts; null when not known (a recurring meeting's next one). */
  start: Instant | null;
  from: { id: string; name: string };
  text: string;
}

/**
 * An invitation as the record keeps it: sent while the person was outside their hours (kept at that time),
 * or set for a time outside them (kept at when it was sent, with why its meeting is outside); null when
 * neither. Either way, when the meeting is goes beside it.
 */
export function invitationContact(
  invitation: IncomingInvitation,
  settings: Settings,
  intents: Intents,
  urgency: Settings['urgency'],
): Contact | null {
  const incoming = { channel: 'invitation' as const, from: invitation.from, text: invitation.text };
  const start = invitation.start;
  const meeting = start === null ? {} : { meetingAt: isoInZone(start, settings.workTimeZone) };
  const sent = recordedContact({ ...incoming, at: invitation.created }, settings, intents, urgency);
  if (sent || start === null) return sent && { ...sent, ...meeting };
  const set = recordedContact({ ...incoming, at: start }, settings, intents, urgency);
  return set && { ...set, at: isoInZone(invitation.created, settings.workTimeZone), ...meeting };
}
