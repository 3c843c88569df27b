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
 * Messages per conversations.history call. Apps commercially distributed outside the Marketplace may make
 * 1 request a minute with `limit` "reduced to 15 objects" (https://docs.slack.dev/reference/methods/conversations.history,
 * and "App types and rate limits", https://docs.slack.dev/apis/web-api/rate-limits; newer installations from
 * 29 May 2025, existing ones later); internal apps have Tier 3. Asking 15 is right for both.
 */
const HISTORY_PAGE = 15;
/** Calls one reading makes at most: Tier 3 is "50+ per minute"; the rest waits for the next reading. */
const CALLS_PER_READING = 40;
/** Keys beside a conversation's mark: where a pass cut short got to, and the newest message it saw. */
const UPTO = '~upto';
const NEWEST = '~newest';

/**
 * A message from a person: plain, or one of the subtypes people write (a file shared, a /me message, a
 * thread reply also sent to the conversation); not joins, edits or bots
 * (https://docs.slack.dev/reference/events/message, subtypes).
 */
const PEOPLES_SUBTYPES = new Set(['thread_broadcast', 'file_share', 'me_message']);

/**
 * An error about one conversation rather than the sign-in or the connection: the others are still read.
 * A rate limit stops the reading (it is per method, for every conversation); so do an expired sign-in and a
 * network failure. A permission refused for one kind (group messages) leaves the others read.
 */
function refusedForOne(error: unknown): boolean {
  return (
    error instanceof ProviderError &&
    (error.kind === 'permanent' || error.kind === 'transient') &&
    Boolean(error.code)
  );
}

function fromAPerson(message: Record<string, unknown>): boolean {
  // Slackbot (reminders, its own notes) writes as the user USLACKBOT, without a bot_id: not a person.
  if (typeof message.user !== 'string' || message.bot_id !== undefined || message.user === 'USLACKBOT')
    return false;
  return message.subtype === undefined || PEOPLES_SUBTYPES.has(String(message.subtype));
}

/** A direct or group conversation of the user's, as conversations.list gives it. */
interface Conversation {
  id: string;
  kind: SlackConversationMessage['kind'];
}

/**
 * What the provider keeps between readings: a round visits every conversation once, listed at its start;
 * under Slack's 1-a-minute history limit a reading makes one history call, so a round spans readings.
 */
export interface ReadingMemory {
  /** When each conversation was last visited (an order): the least recently visited go first. */
  visited: Map<string, number>;
  visits: number;
  /** The conversations of the round under way (null: the next reading lists them and begins a round). */
  round: Conversation[] | null;
  roundFrom: number;
  /**
   * When Slack refused a second history call within a minute (null: never): from then on one a reading.
   * Six hours later a reading tries two again, so a passing refusal does not slow the reading for good.
   */
  pacedAt: Instant | null;
}

/** How long one call a reading lasts before a round tries a second call again. */
const PACED_FOR_MS = 6 * 3_600_000;

export function readingMemory(): ReadingMemory {
  return { visited: new Map(), visits: 0, round: null, roundFrom: 0, pacedAt: null };
}

async function listConversations(call: SlackCall): Promise<{ conversations: Conversation[]; calls: number }> {
  const conversations: Conversation[] = [];
  let cursor = '';
  let calls = 0;
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
        conversations.push({ id: channel.id, kind: channel.is_mpim === true ? 'slackGroup' : 'slackDirect' });
    cursor = String((page.response_metadata as { next_cursor?: unknown } | undefined)?.next_cursor ?? '');
  } while (cursor && calls < CALLS_PER_READING);
  return { conversations, calls };
}

/**
 * Reads the user's direct and group conversations (conversations.list of `im,mpim` once a round, then each
 * one's conversations.history since its mark). A conversation's mark moves only once a pass has read down to
 * it, and a pass cut short by Slack's limits goes on from the page it reached, so nothing is lost; what is
 * read twice is the same message (same channel and ts). History holds a conversation's messages, not the
 * replies inside its threads (unless also sent to the conversation). `complete` is true once the round has
 * visited every conversation: the record then waits its usual time before the next round.
 */
export async function readConversations(
  call: SlackCall,
  marks: ReadMarks,
  since: Instant,
  memory: ReadingMemory,
  now: Instant,
): Promise<ConversationReading> {
  const next: ReadMarks = { ...marks };
  const messages: SlackConversationMessage[] = [];
  let calls = 0;
  let histories = 0;
  /** Cut short: the round is over when every conversation was visited in it and no pass is half done. */
  const cut = (retryAfterMs: number | null): ConversationReading => {
    const round = memory.round ?? [];
    const done = round.every(
      ({ id }) => (memory.visited.get(id) ?? 0) > memory.roundFrom && next[`${id}${UPTO}`] === undefined,
    );
    if (done && retryAfterMs === null) memory.round = null;
    return { messages, marks: next, complete: done && retryAfterMs === null, retryAfterMs };
  };
  try {
    if (!memory.round) {
      const listed = await listConversations(call);
      calls += listed.calls;
      memory.round = listed.conversations;
      memory.roundFrom = memory.visits;
    }
    if (memory.pacedAt !== null && now - memory.pacedAt >= PACED_FOR_MS) memory.pacedAt = null;
    // A conversation whose pass was cut short goes on first; then those visited longest ago (never: first
    // of all), so that readings Slack allows one call a minute still get round to every conversation.
    const order = (id: string) => (next[`${id}${UPTO}`] !== undefined ? -1 : (memory.visited.get(id) ?? 0));
    const conversations = [...memory.round]
      .filter(
        ({ id }) => (memory.visited.get(id) ?? 0) <= memory.roundFrom || next[`${id}${UPTO}`] !== undefined,
      )
      .sort((a, b) => order(a.id) - order(b.id));
    for (const conversation of conversations) {
      const id = conversation.id;
      const oldest = next[id] ?? (since / 1000).toFixed(6);
      let cursor: string | null = null;
      // One pass reads from the newest message down to the mark, a page at a time: where it got to
      // (`~upto`) and the newest it saw (`~newest`) are kept, so a pass cut short goes on from there.
      for (;;) {
        if (calls >= CALLS_PER_READING || (memory.pacedAt !== null && histories >= 1)) return cut(null);
        calls++;
        histories++;
        const upto = next[`${id}${UPTO}`];
        let history: Record<string, unknown>;
        try {
          history = await call('conversations.history', {
            channel: id,
            oldest,
            limit: String(HISTORY_PAGE),
            ...(upto ? { latest: upto } : {}),
            ...(cursor ? { cursor } : {}),
          });
        } catch (error) {
          if (!refusedForOne(error)) throw error;
          // This conversation alone cannot be read (gone, access denied…): it goes to the back of the line
          // and its pass starts again from the top next time (its mark did not move: nothing is lost).
          memory.visited.set(id, ++memory.visits);
          delete next[`${id}${UPTO}`];
          delete next[`${id}${NEWEST}`];
          break;
        }
        // Visited once read: a call Slack refused (429) leaves it first in line for the next reading.
        memory.visited.set(id, ++memory.visits);
        const page = ((history.messages ?? []) as Record<string, unknown>[]).filter(
          (m): m is Record<string, unknown> & { ts: string } => typeof m.ts === 'string',
        );
        for (const message of page) {
          if (!fromAPerson(message)) continue;
          messages.push({
            channel: id,
            kind: conversation.kind,
            ts: message.ts,
            at: Math.round(Number(message.ts) * 1000),
            user: String(message.user),
            text: typeof message.text === 'string' ? message.text : '',
          });
        }
        const tss = page.map((m) => Number(m.ts));
        if (tss.length && next[`${id}${NEWEST}`] === undefined)
          next[`${id}${NEWEST}`] = Math.max(...tss).toFixed(6);
        // Never end a pass while Slack says there is more: a page may be short, even empty ("Fewer than the
        // requested number of items may be returned, even if the end of the conversation history hasn't
        // been reached", https://docs.slack.dev/reference/methods/conversations.history); then its cursor
        // goes on, and without one the pass stays open for the next reading.
        if (history.has_more === true) {
          if (tss.length) {
            next[`${id}${UPTO}`] = Math.min(...tss).toFixed(6);
            cursor = null;
            continue;
          }
          const more = (history.response_metadata as { next_cursor?: unknown } | undefined)?.next_cursor;
          if (typeof more === 'string' && more) {
            cursor = more;
            continue;
          }
          break;
        }
        // The pass reached the mark: the mark moves to the newest message it saw (Slack's own time).
        const newest = next[`${id}${NEWEST}`];
        if (newest !== undefined && Number(newest) > Number(oldest)) next[id] = newest;
        delete next[`${id}${UPTO}`];
        delete next[`${id}${NEWEST}`];
        break;
      }
    }
    memory.round = null;
    return { messages, marks: next, complete: true, retryAfterMs: null };
  } catch (error) {
    if (!(error instanceof ProviderError && error.kind === 'rateLimited')) {
      // A conversation gone, a sign-in to renew: the next reading lists the conversations afresh.
      memory.round = null;
      throw error;
    }
    // A second history call within the minute refused: the newer apps' limit, paced from now on.
    if (histories > 1) memory.pacedAt = now;
    return cut(error.retryAfterMs ?? 60_000);
  }
}
