import { type Instant, isoInZone } from '../../shared/clockTime';
import { invitationContact } from '../../shared/contacts/contactRecord';
import type { ContactState, KeptContact } from '../../shared/contacts/contactState';
import type { Intents } from '../../shared/intents';
import type { Settings } from '../../shared/settings';
import type { Provider } from '../providers/provider';
import { ProviderError } from '../providers/providerError';
import { keyOf } from './contactKeys';
import { readFrom } from './outlookReading';

export interface GoogleReading {
  added: KeptContact[];
  /** Where the next reading goes on from (unchanged when this one failed). */
  mark: string | undefined;
  problem: ProviderError | null;
}

/**
 * Google Calendar's invitations from others changed since the last reading (a few minutes' overlap: the
 * key counts each once): one sent while the person was outside their hours, or set for a time outside
 * them, is a contact; it arrived when it was created (or when the person was added to it, see
 * googleInvitations.ts).
 */
export async function readGoogle(
  state: ContactState,
  settings: Settings,
  intents: Intents,
  urgency: Settings['urgency'],
  google: Provider,
  now: Instant,
  /** The clock once Google answered. */
  answeredAt: () => Instant = () => now,
): Promise<GoogleReading> {
  const since = Date.parse(state.since!);
  try {
    const invitations = await google.invitations!(readFrom(state.googleMark, since), now);
    const added: KeptContact[] = [];
    for (const invitation of invitations) {
      if (invitation.created < since) continue;
      const kept = invitationContact(invitation, settings, intents, urgency);
      // A recurring meeting's instances are one invitation ("all occurrences of one event have different
      // ids", Events: list): kept once, by its series.
      if (kept) added.push({ ...kept, key: keyOf('google', invitation.series ?? invitation.id) });
    }
    return { added, mark: isoInZone(now, settings.workTimeZone), problem: null };
  } catch (error) {
    // The Google card says what to do; the mark did not move, so nothing is lost.
    if (!(error instanceof ProviderError)) throw error;
    // Unless the mark is too old for Google (410 updatedMinTooLongAgo, "The request specified an
    // updatedMin that is too far in the past", https://developers.google.com/workspace/calendar/api/guides/errors):
    // the readings go on from now rather than stop for good.
    const tooOld = error.code === 'updatedMinTooLongAgo' || error.code === 'http_410';
    const mark = tooOld ? isoInZone(answeredAt(), settings.workTimeZone) : state.googleMark;
    return { added: [], mark, problem: error };
  }
}
