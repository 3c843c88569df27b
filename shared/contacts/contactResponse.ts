import { type Instant, isoInZone } from '../clockTime';
import type { Intents } from '../intents';
import type { Settings } from '../settings';
import { type Contact, outsideHoursAt } from './contactRecord';
import type { KeptContact } from './contactState';

/**
 * What the person did about a contact outside their hours (#25): marked it "Urgent — I'm on it", answered
 * it outside their hours, left it for their hours (answered once they began, or not at all by then),
 * nothing yet (their hours have not begun again), or not known: where Cadence does not read the person's
 * replies (a channel, mail, an invitation), it does not say they left it unanswered.
 */
export type ContactResponse = 'onIt' | 'answeredOutside' | 'leftForHours' | 'notYet' | 'replyNotRead';

/**
 * The channels whose replies the record reads: the person's own messages in the same conversation, and
 * their mail in the same conversation (Sent Items).
 */
const REPLIES_READ: ReadonlySet<Contact['channel']> = new Set([
  'slackDirect',
  'slackGroup',
  'teamsChat',
  'outlookMail',
]);

export function contactResponse(
  contact: Contact,
  now: Instant,
  urgentNudges: readonly Instant[] = [],
): ContactResponse {
  if (contact.onIt || onItByNudge(contact, urgentNudges)) return 'onIt';
  if (contact.answeredAt) return contact.answeredOutside ? 'answeredOutside' : 'leftForHours';
  if (!repliesRead(contact)) return 'replyNotRead';
  // Recorded before the record kept when hours began again: left for them once a day has passed.
  const back = contact.backAt ? Date.parse(contact.backAt) : Date.parse(contact.at) + 24 * 3_600_000;
  return now >= back ? 'leftForHours' : 'notYet';
}

/** A contact as the record shows it: what the person did about it, as of the service's clock. */
export type ShownContact = KeptContact & { response: ContactResponse };

export function shownContact(
  contact: KeptContact,
  now: Instant,
  urgentNudges: readonly Instant[] = [],
): ShownContact {
  return { ...contact, response: contactResponse(contact, now, urgentNudges) };
}

/**
 * An urgent contact the person answered "Urgent — I'm on it" for, in the after-hours nudge: the answer
 * came after it and before their hours began again (a day at most when that is not known).
 */
function onItByNudge(contact: Contact, urgentNudges: readonly Instant[]): boolean {
  if (!contact.urgent || !urgentNudges.length) return false;
  const at = Date.parse(contact.at);
  const back = contact.backAt ? Date.parse(contact.backAt) : at + 24 * 3_600_000;
  return urgentNudges.some((answered) => answered >= at && answered < back);
}

/** The response as a CSV's column says it. */
export const RESPONSE_CODES: Record<ContactResponse, string> = {
  onIt: 'urgent_on_it',
  answeredOutside: 'answered_outside_hours',
  leftForHours: 'left_for_working_hours',
  notYet: 'not_yet',
  replyNotRead: 'reply_not_read',
};

/** The response in words, with the reply's time where there was one ("Answered outside your hours, 21:40"). */
export function responseWords(contact: ShownContact): string {
  const when = contact.answeredAt
    ? `${contact.answeredAt.slice(0, 10)} ${contact.answeredAt.slice(11, 16)}`
    : null;
  switch (contact.response) {
    case 'onIt':
      return `Urgent — you were on it${when ? ` (answered ${when})` : ''}`;
    case 'answeredOutside':
      return `Answered outside your hours (${when})`;
    case 'leftForHours':
      return `Left for your working hours${when ? `; answered ${when}` : ''}`;
    case 'notYet':
      return 'Not answered yet';
    case 'replyNotRead':
      return 'Your reply is not read here';
  }
}

/**
 * Whether the person's replies to this contact are read: its channel's are, and it is kept by its
 * conversation (mail recorded before Cadence read Sent Items is kept by itself: `outlook:<id>`).
 */
function repliesRead(contact: KeptContact | Contact): boolean {
  if (!REPLIES_READ.has(contact.channel)) return false;
  return contact.channel !== 'outlookMail' || ('key' in contact && contact.key.split(':').length >= 3);
}

/** One of the person's own messages, in the conversation whose contacts' keys begin with `where`. */
export interface OwnReply {
  where: string;
  at: Instant;
}

/**
 * The contacts with what the person's own messages say of them: the first after a contact in its
 * conversation is when it was answered (outside their hours or not, by the hours of that moment).
 */
export function withReplies(
  contacts: readonly KeptContact[],
  replies: readonly OwnReply[],
  settings: Settings,
  intents: Intents,
): KeptContact[] {
  if (!replies.length) return [...contacts];
  const sorted = [...replies].sort((a, b) => a.at - b.at);
  return contacts.map((contact) => {
    if (contact.answeredAt) return contact;
    const at = Date.parse(contact.at);
    const reply = sorted.find((r) => contact.key.startsWith(r.where) && r.at > at);
    if (!reply) return contact;
    const answeredOutside = outsideHoursAt(reply.at, settings, intents);
    return { ...contact, answeredAt: isoInZone(reply.at, settings.workTimeZone), answeredOutside };
  });
}
