import type { Instant } from '../../../shared/clockTime';
import { ProviderError } from '../providerError';
import type { SlackCall } from './slackMessages';

/** A message in one of the user's direct or group conversations, as read (its text held in memory only). */
export interface SlackConversationMessage {
  channel: string;
  kind: 'slackDirect' | 'slackGroup';
  /** Slack's id of the message in its conversation. */
  ts: string;
  at: Instant;
  user: string;
  text: string;
}

/** Where a reading of the record stopped: per conversation, the newest message read to its end. */
export type ReadMarks = Record<string, string>;

export interface ConversationReading {
  messages: SlackConversationMessage[];
  marks: ReadMarks;
  /** Every conversation was read to its newest message; false when Slack's limits stopped the reading. */
  complete: boolean;
  /** When Slack asked to wait (a 429's Retry-After), from the reading's start. */
  retryAfterMs: number | null;
}

/**
 * Messages per conversations.history call. Commercially distributed non-Marketplace apps created since
 * 29 May 2025 may ask for at most 15 at a time, once a minute ("Rate limits", App types and rate limits,
 * https://docs.slack.dev/apis/web-api/rate-limits); internal apps have Tier 3. Asking 15 is right for both.
 */
const HISTORY_PAGE = 15;
/** Calls one reading makes at most: Tier 3 is "50+ per minute"; the rest waits for the next reading. */
const CALLS_PER_READING = 40;
const MARK_MARGIN_MS = 2 * 60_000;

/**
 * Reads the user's direct and group conversations (conversations.list of `im,mpim`, then each one's
 * conversations.history since its mark). A conversation's mark moves only once it has been read to its
 * newest message, so a reading cut short by Slack's limits loses nothing: the next one reads it again,
 * and what was read twice is the same message (same channel and ts).
 */
export async function readConversations(
  call: SlackCall,
  marks: ReadMarks,
  since: Instant,
  now: Instant,
): Promise<ConversationReading> {
  const next: ReadMarks = { ...marks };
  const messages: SlackConversationMessage[] = [];
  let calls = 0;
  try {
    const conversations: { id: string; kind: SlackConversationMessage['kind'] }[] = [];
    let cursor = '';
    do {
      calls++;
      const page = await call('conversations.list', {
        types: 'im,mpim',
        exclude_archived: 'true',
        limit: '200',
        ...(cursor ? { cursor } : {}),
      });
      for (const channel of (page.channels ?? []) as Record<string, unknown>[])
        if (typeof channel.id === 'string')
          conversations.push({
            id: channel.id,
            kind: channel.is_mpim === true ? 'slackGroup' : 'slackDirect',
          });
      cursor = String((page.response_metadata as { next_cursor?: unknown } | undefined)?.next_cursor ?? '');
    } while (cursor && calls < CALLS_PER_READING);
    // Those read longest ago first (never read: first of all), so that a reading Slack cuts short after one
    // call a minute still gets round to every conversation.
    const mark = (id: string) => Number(next[id] ?? 0);
    conversations.sort((a, b) => mark(a.id) - mark(b.id));
    for (const conversation of conversations) {
      const oldest = next[conversation.id] ?? (since / 1000).toFixed(6);
      const read: SlackConversationMessage[] = [];
      let newest = oldest;
      let page = '';
      do {
        if (calls >= CALLS_PER_READING) return { messages, marks: next, complete: false, retryAfterMs: null };
        calls++;
        const history = await call('conversations.history', {
          channel: conversation.id,
          oldest,
          limit: String(HISTORY_PAGE),
          ...(page ? { cursor: page } : {}),
        });
        for (const message of (history.messages ?? []) as Record<string, unknown>[]) {
          // Messages from people: no subtype (joins, bots, edits and the like have one).
          if (
            message.subtype !== undefined ||
            typeof message.user !== 'string' ||
            typeof message.ts !== 'string'
          )
            continue;
          if (Number(message.ts) > Number(newest)) newest = message.ts;
          read.push({
            channel: conversation.id,
            kind: conversation.kind,
            ts: message.ts,
            at: Math.round(Number(message.ts) * 1000),
            user: message.user,
            text: typeof message.text === 'string' ? message.text : '',
          });
        }
        page = history.has_more
          ? String((history.response_metadata as { next_cursor?: unknown } | undefined)?.next_cursor ?? '')
          : '';
      } while (page);
      messages.push(...read);
      // Read to its end: the mark moves to its newest message, or to a little before this reading began
      // (a message is in the history within seconds; two minutes' margin).
      next[conversation.id] = Math.max(Number(newest), (now - MARK_MARGIN_MS) / 1000).toFixed(6);
    }
    return { messages, marks: next, complete: true, retryAfterMs: null };
  } catch (error) {
    if (error instanceof ProviderError && error.kind === 'rateLimited')
      return { messages, marks: next, complete: false, retryAfterMs: error.retryAfterMs ?? 60_000 };
    throw error;
  }
}
