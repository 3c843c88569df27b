import { type Instant, isoInZone } from '../../shared/clockTime';
import { invitationContact, recordedContact } from '../../shared/contacts/contactRecord';
import type { ContactState, KeptContact } from '../../shared/contacts/contactState';
import type { Intents } from '../../shared/intents';
import type { Settings } from '../../shared/settings';
import type { Provider } from '../providers/provider';
import { ProviderError } from '../providers/providerError';
import { conversationKey, keyOf } from './contactKeys';
import type { OwnReply } from '../../shared/contacts/contactResponse';

/** Asked for from a little before the last reading: a clock a few minutes off loses nothing. */
export const OVERLAP_MS = 10 * 60_000;

/** Where a reading begins: a little before its service's last mark, never before the record began. */
export function readFrom(mark: string | undefined, since: Instant, overlap = OVERLAP_MS): Instant {
  return Math.max(mark ? Date.parse(mark) - overlap : since, since);
}

export interface OutlookReading {
  added: KeptContact[];
  /** The person's answers to mail (Sent Items), by conversation. */
  replies: OwnReply[];
  /** The marks that moved (a part that failed keeps its own). */
  marks: Pick<ContactState, 'outlookMark' | 'outlookEventsMark' | 'outlookSentMark'>;
  /** What Microsoft 365 refused or could not answer. */
  problem: ProviderError | null;
}

/**
 * Outlook's mail and invitations since their own marks (#25), each part on its own: one refused keeps the
 * other going. Mail cut short at a reading's pages goes on from the newest item read; invitations cut
 * short keep their mark (read again whole next time, counted once by key).
 */
export async function readOutlook(
  state: ContactState,
  settings: Settings,
  intents: Intents,
  urgency: Settings['urgency'],
  outlook: Provider,
  now: Instant,
): Promise<OutlookReading> {
  const since = Date.parse(state.since!);
  const at = (instant: Instant) => isoInZone(instant, settings.workTimeZone);
  const reading: OutlookReading = { added: [], replies: [], marks: {}, problem: null };
  const failed = (error: unknown) => {
    if (!(error instanceof ProviderError)) throw error;
    reading.problem ??= error;
  };
  try {
    const inbox = await outlook.mail!(readFrom(state.outlookMark, since));
    for (const item of inbox.mail) {
      if (item.at < since) continue;
      const incoming = { at: item.at, channel: 'outlookMail' as const, from: item.from, text: item.text };
      const kept = recordedContact(incoming, settings, intents, urgency);
      // Kept by conversation (the person's answer is found in it) and mail, both short.
      const key = item.conversation
        ? `${conversationKey('outlook', item.conversation)}${keyOf('m', item.id).slice(2)}`
        : keyOf('outlook', item.id);
      if (kept) reading.added.push({ ...kept, key });
    }
    const last = inbox.lastAt;
    reading.marks.outlookMark = at(inbox.complete || last === null ? now : last + OVERLAP_MS);
  } catch (error) {
    failed(error);
  }
  try {
    // The person's answers: what they sent since, in the conversations of the mail kept.
    // From the older of the two marks: an answer is never read before the mail it answers is kept.
    const [sentMark, mailMark] = [state.outlookSentMark, state.outlookMark];
    const older = Date.parse(sentMark!) < Date.parse(mailMark!) ? sentMark : mailMark;
    const from = sentMark && mailMark ? older : undefined;
    const sent = await outlook.sentMail?.(readFrom(from, since));
    for (const item of sent?.sent ?? [])
      reading.replies.push({ where: conversationKey('outlook', item.conversation), at: item.at });
    if (sent) reading.marks.outlookSentMark = at(sent.complete || sent.lastAt === null ? now : sent.lastAt);
  } catch (error) {
    failed(error);
  }
  try {
    const events = await outlook.outlookInvitations?.(readFrom(state.outlookEventsMark, since));
    for (const invitation of events?.invitations ?? []) {
      if (invitation.created < since) continue;
      const kept = invitationContact(invitation, settings, intents, urgency);
      if (kept) reading.added.push({ ...kept, key: keyOf('outlook-invitation', invitation.id) });
    }
    if (events?.complete) reading.marks.outlookEventsMark = at(now);
  } catch (error) {
    failed(error);
  }
  return reading;
}
