import { type Instant, isoInZone } from '../../shared/clockTime';
import { recordedContact } from '../../shared/contacts/contactRecord';
import type { ContactState, KeptContact } from '../../shared/contacts/contactState';
import type { Intents } from '../../shared/intents';
import type { Settings } from '../../shared/settings';
import type { Provider } from '../providers/provider';
import { ProviderError } from '../providers/providerError';
import { readFrom } from './outlookReading';

/**
 * How far back each search begins, before the last: Slack says nothing of how soon a message can be
 * found by search; two hours of overlap cost nothing (what is found twice is counted once).
 */
const MENTION_OVERLAP_MS = 2 * 3_600_000;

export interface MentionResult {
  added: KeptContact[];
  /** The new mark (unchanged when the reading failed or was cut short: read again whole next time). */
  mark: string | undefined;
  problem: ProviderError | null;
}

/**
 * Slack's channel messages that mention the person since the last search (two hours' overlap, as search
 * may show a message a while after it was sent; the key counts each once): one that reached them outside
 * their hours is a contact, kept under the same key a direct reading would give it. A search past one
 * reading's pages goes on at the next (the mark moves once it is whole).
 */
export async function readSlackMentions(
  state: ContactState,
  settings: Settings,
  intents: Intents,
  urgency: Settings['urgency'],
  slack: { provider: Provider; self: string; names: ReadonlyMap<string | null, string> },
  now: Instant,
): Promise<MentionResult> {
  const since = Date.parse(state.since!);
  try {
    const from = readFrom(state.slackMentionMark, since, MENTION_OVERLAP_MS);
    const reading = await slack.provider.mentions!(slack.self, from, now);
    const added: KeptContact[] = [];
    for (const mention of reading.mentions) {
      if (mention.at < since) continue;
      const from = { id: mention.user, name: slack.names.get(mention.user) ?? mention.user };
      const incoming = { at: mention.at, channel: 'slackMention' as const, from, text: mention.text };
      const kept = recordedContact(incoming, settings, intents, urgency);
      if (kept) added.push({ ...kept, key: `slack:${mention.channel}:${mention.ts}` });
    }
    const mark = reading.complete
      ? isoInZone(reading.startedAt, settings.workTimeZone)
      : state.slackMentionMark;
    return { added, mark, problem: null };
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    return { added: [], mark: state.slackMentionMark, problem: error };
  }
}
