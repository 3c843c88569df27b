import { type Instant, isoInZone } from '../../shared/clockTime';
import { recordedContact } from '../../shared/contacts/contactRecord';
import type { OwnReply } from '../../shared/contacts/contactResponse';
import type { ContactState, KeptContact } from '../../shared/contacts/contactState';
import type { Intents } from '../../shared/intents';
import type { Settings } from '../../shared/settings';
import type { Provider } from '../providers/provider';
import { ProviderError } from '../providers/providerError';
import { conversationKey } from './contactKeys';
import { readFrom } from './outlookReading';

export interface TeamsReading {
  added: KeptContact[];
  /** The person's own messages: the answers to the contacts of their chats. */
  replies: OwnReply[];
  /** When this reading was made (unchanged when it failed: the next reading tries again). */
  mark: string | undefined;
  problem: ProviderError | null;
  /** The account's chats cannot be read at all (a personal Microsoft account). */
  unsupported: boolean;
}

/**
 * The messages others wrote in the person's Teams chats since the last reading (a few minutes' overlap;
 * the key counts each once), and the person's own there; one that reached them outside their hours is a
 * contact. A reading cut short keeps the mark: read again whole at the next (the next day).
 */
export async function readTeams(
  state: ContactState,
  settings: Settings,
  intents: Intents,
  urgency: Settings['urgency'],
  teams: Provider,
  now: Instant,
): Promise<TeamsReading> {
  const since = Date.parse(state.since!);
  const reading: TeamsReading = {
    added: [],
    replies: [],
    mark: state.teamsMark,
    problem: null,
    unsupported: false,
  };
  try {
    const chats = await teams.teamsChats!(readFrom(state.teamsMark, since));
    if (!chats) return { ...reading, unsupported: true };
    for (const message of chats.messages) {
      if (message.at < since) continue;
      const where = conversationKey('teams', message.chat);
      if (message.own) {
        reading.replies.push({ where, at: message.at });
        continue;
      }
      const incoming = {
        at: message.at,
        channel: 'teamsChat' as const,
        from: message.from,
        text: message.text,
      };
      const kept = recordedContact(incoming, settings, intents, urgency);
      if (kept) reading.added.push({ ...kept, key: `${where}${message.id.slice(0, 40)}` });
    }
    // A reading cut short keeps the mark: the next day's reads it all again.
    if (chats.complete) reading.mark = isoInZone(now, settings.workTimeZone);
    return reading;
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    return { ...reading, problem: error };
  }
}
