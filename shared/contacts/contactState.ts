import { z } from 'zod';
import { DAY, type Instant } from '../clockTime';
import { type Contact, CONTACT_CHANNELS, OUTSIDE_REASONS } from './contactRecord';

/** The record is kept this long by default (#25: "kept 12 months by default"). */
export const KEEP_CONTACTS_MS = 365 * DAY;

export const contactSchema = z.object({
  /** Where it came from, to count it once however often it is read: channel and Slack's ts. */
  key: z.string().min(1).max(200),
  at: z.iso.datetime({ offset: true }),
  channel: z.enum(CONTACT_CHANNELS),
  from: z.object({ id: z.string().max(320), name: z.string().max(120) }),
  urgent: z.boolean(),
  why: z.enum(OUTSIDE_REASONS),
  answeredAt: z.iso.datetime({ offset: true }).optional(),
  answeredOutside: z.boolean().optional(),
  backAt: z.iso.datetime({ offset: true }).optional(),
  onIt: z.boolean().optional(),
  meetingAt: z.iso.datetime({ offset: true }).optional(),
});

/** contacts.json: what the record holds, and where each service's reading stopped. */
export const contactStateSchema = z.object({
  version: z.literal(1),
  /** When the record was turned on (what came before is not known, not zero). */
  since: z.iso.datetime({ offset: true }).nullable(),
  contacts: z.array(contactSchema).max(50_000),
  /** Keys of contacts the person deleted, so a service that lists them again does not bring them back. */
  deleted: z.array(z.string().max(200)).max(20_000).optional(),
  /** Slack: per conversation, the newest message read to its end. */
  slackMarks: z.record(z.string().max(40), z.string().max(40)),
  /** When the person turned the record off (it goes on from when they turn it on again). */
  offSince: z.iso.datetime({ offset: true }).optional(),
  /** Slack: when the channel messages that mention the person were last searched. */
  slackMentionMark: z.iso.datetime({ offset: true }).optional(),
  /** Teams: where the last whole reading of the chats ended (the next reads from there). */
  teamsMark: z.iso.datetime({ offset: true }).optional(),
  /** Teams: when the last reading began (once a day at most, see teamsReadingDue); kept when off. */
  teamsPolledAt: z.iso.datetime({ offset: true }).optional(),
  /** Teams: a reading not yet whole (stopped at its limits, or by a failure), to go on with. */
  teamsPass: z
    .object({
      from: z.iso.datetime({ offset: true }),
      until: z.iso.datetime({ offset: true }),
      chats: z.array(z.string().max(200)).max(5_000).optional(),
      done: z.array(z.string().max(200)).max(5_000),
    })
    .optional(),
  /** Google Calendar: when invitations were last read (the next reading asks for changes since). */
  googleMark: z.iso.datetime({ offset: true }).optional(),
  /** Outlook: when the inbox, and the calendar's invitations, were last read. */
  outlookMark: z.iso.datetime({ offset: true }).optional(),
  outlookEventsMark: z.iso.datetime({ offset: true }).optional(),
  /** Outlook: when Sent Items were last read (the person's answers to mail). */
  outlookSentMark: z.iso.datetime({ offset: true }).optional(),
});
export type ContactState = z.infer<typeof contactStateSchema>;
export type KeptContact = Contact & { key: string };

export const EMPTY_CONTACTS: ContactState = { version: 1, since: null, contacts: [], slackMarks: {} };

/** The state with `added` counted once each (by key), and what is older than the keeping time gone. */
export function withContacts(state: ContactState, added: readonly KeptContact[], now: Instant): ContactState {
  const known = new Set([...state.contacts.map((c) => c.key), ...(state.deleted ?? [])]);
  const fresh = added.filter((c) => !known.has(c.key) && (known.add(c.key), true));
  const kept = [...state.contacts, ...fresh]
    .filter((c) => Date.parse(c.at) >= now - KEEP_CONTACTS_MS)
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return { ...state, contacts: kept };
}

/** The state with one contact marked "Urgent — I'm on it" (or the mark taken back); null: no such contact. */
export function withMark(state: ContactState, key: string, onIt: boolean): ContactState | null {
  if (!state.contacts.some((c) => c.key === key)) return null;
  const contacts = state.contacts.map((c) => {
    if (c.key !== key) return c;
    const { onIt: _old, ...rest } = c;
    return onIt ? { ...rest, onIt: true } : rest;
  });
  return { ...state, contacts };
}

/**
 * The state without the contacts with these keys, or without any (null). Their keys are remembered (the
 * newest 20,000), so that an invitation or mail listed again does not come back.
 */
export function withoutContacts(state: ContactState, keys: readonly string[] | null): ContactState {
  const gone = keys ? new Set(keys) : null;
  const kept = gone ? state.contacts.filter((c) => !gone.has(c.key)) : [];
  const deleted = [
    ...(state.deleted ?? []),
    ...state.contacts.filter((c) => !kept.includes(c)).map((c) => c.key),
  ];
  return { ...state, contacts: kept, deleted: deleted.slice(-20_000) };
}
