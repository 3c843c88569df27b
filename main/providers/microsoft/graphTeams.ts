import type { Instant } from '../../../shared/clockTime';
import { ProviderError } from '../providerError';
import type { GetPage } from './graphMail';

/** A message in one of the user's Teams chats, as read (its text held in memory only). */
export interface TeamsChatMessage {
  chat: string;
  id: string;
  at: Instant;
  from: { id: string; name: string };
  text: string;
  /** Written by the signed-in person: a reply, not a contact. */
  own: boolean;
}

/**
 * One day's reading of the chats, which may take several readings: the messages changed after `from`
 * and before `until` (the reading's start), and the chats already read to their end.
 */
export interface TeamsPass {
  from: Instant;
  until: Instant;
  /** The chats with messages since `from`, once listed (a pass lists them once: a listing is the poll). */
  chats?: string[] | undefined;
  done: string[];
}

export interface TeamsChatsReading {
  messages: TeamsChatMessage[];
  /** Every chat of the pass was read: the next pass begins at `until`. */
  complete: boolean;
  /** The pass as it stands (to go on with when not complete). */
  pass: TeamsPass;
  /** Why it stopped short (a 429 not over after its wait, Graph unreachable…); what was read is kept. */
  problem: ProviderError | null;
}

interface ListedChat {
  id?: string;
  chatType?: string;
  lastMessagePreview?: { createdDateTime?: string } | null;
}

interface ListedMessage {
  id?: string;
  messageType?: string;
  createdDateTime?: string;
  lastModifiedDateTime?: string;
  deletedDateTime?: string | null;
  from?: { user?: { id?: string; displayName?: string; userIdentityType?: string } | null } | null;
  body?: { contentType?: string; content?: string };
}

/** "Maximum allowed $top value is 50" (List chats and List messages in a chat). */
const PAGE = 50;
/** Calls a reading makes at most; a pass past them goes on at the next reading from the chats not done. */
const MAX_CALLS = 400;
/**
 * "A maximum of one request per second per app per tenant can be issued on a given channel or chat"
 * (https://learn.microsoft.com/en-us/graph/throttling-limits, Microsoft Teams service limits): a chat's
 * next page waits a second after its last. And every call a quarter of a second after the one before:
 * "GET 1:1/group chat message" allows 20 a second per app per tenant (the same table), shared by
 * everyone in the organisation who uses Cadence.
 */
const PER_CHAT_GAP_MS = 1_000;
const CALL_GAP_MS = 250;
/** The longest Retry-After waited for within a reading; longer, the reading stops and goes on later. */
const MAX_WAIT_MS = 60_000;

const ENTITIES: Record<string, string> = { nbsp: ' ', lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };

/** The text of a message body for the urgency rule: HTML (always, where it mentions someone) as plain words. */
function plainText(body: ListedMessage['body']): string {
  const content = body?.content ?? '';
  if (body?.contentType !== 'html') return content;
  return content.replace(/<[^>]*>/g, ' ').replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * The messages written between `pass.from` and `pass.until` in the user's one-to-one and group chats (not
 * meeting chats, not channels), with the delegated permission Chat.Read, the least privileged one of List
 * messages in a chat (https://learn.microsoft.com/en-us/graph/api/chat-list-messages, Permissions:
 * "Delegated (personal Microsoft account): Not supported"; a personal account is never asked, see the
 * provider).
 * - The chats: GET /me/chats with their last message's preview, newest first (the only order List chats
 *   takes, https://learn.microsoft.com/en-us/graph/api/chat-list): a whole page of chats whose last
 *   message is older than `from` ends the listing (a page is finished, in case its order is not strict).
 * - Each chat's messages: ordered and filtered by lastModifiedDateTime, the property whose filter takes
 *   `gt` and `lt` ("You can only filter results if the request URL contains the $orderBy and $filter
 *   query parameters configured for the same property; otherwise, the $filter query option is ignored",
 *   chat-list-messages), bounded on both sides ("When polling for new messages, you must specify a date
 *   range where supported", https://learn.microsoft.com/en-us/graph/api/resources/teams-api-overview);
 *   a message edited or reacted to since is listed too, and kept only when it was written (created)
 *   since. Paging stops at an item older than `from`, should the filter ever be ignored.
 * - Only people's messages: not system events, not deleted ones, not an application's (a bot's).
 * - A 429 is waited for (its Retry-After, up to a minute) and the call made again, as Microsoft asks
 *   (https://learn.microsoft.com/en-us/graph/throttling); past that, or with Graph unreachable, the
 *   reading stops and keeps what it read, the pass going on next time.
 * - A chat Graph will not let the person read (403/404: left, or removed) is passed over; every chat
 *   refused is a problem, not a reading.
 */
export async function readTeamsChats(
  apiUrl: string,
  get: GetPage<unknown>,
  pass: TeamsPass,
  /** The signed-in person's object id (the ID token's `oid`): their own messages are replies. */
  self: string,
  /**
   * The reading's time: the window's upper bound as asked (a message written within the window and
   * edited or reacted to after it is still listed; it is kept by when it was written).
   */
  now: Instant,
  pause: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<TeamsChatsReading> {
  const base = apiUrl.replace(/\/$/, '');
  const done = new Set(pass.done);
  const messages: TeamsChatMessage[] = [];
  let calls = 0;
  let lastCall = -Infinity;
  let listed: string[] | undefined = pass.chats;
  const reading = (complete: boolean, problem: ProviderError | null): TeamsChatsReading => ({
    messages,
    complete,
    pass: { ...pass, chats: listed, done: [...done] },
    problem,
  });
  /** One call, paced, a 429 waited for and tried once more. */
  const call = async <T>(url: string, what: string, gap: number): Promise<T> => {
    for (let attempt = 0; ; attempt++) {
      const wait = lastCall + Math.max(gap, CALL_GAP_MS) - Date.now();
      if (wait > 0) await pause(wait);
      calls++;
      lastCall = Date.now();
      try {
        return (await get(url, what)) as T;
      } catch (error) {
        const retry = error instanceof ProviderError && error.kind === 'rateLimited' && attempt === 0;
        if (!retry || (error.retryAfterMs ?? 0) > MAX_WAIT_MS) throw error;
        await pause(error.retryAfterMs ?? PER_CHAT_GAP_MS);
      }
    }
  };
  const next = (body: { '@odata.nextLink'?: unknown }): string | null | false => {
    const link = body['@odata.nextLink'];
    if (link === undefined || link === null) return null;
    // A next page elsewhere than Graph is not followed, and the reading is not complete.
    return typeof link === 'string' && link.startsWith(base) ? link : false;
  };

  /** The one-to-one and group chats with a message since `from` (null: the listing could not end). */
  const listChats = async (): Promise<string[] | null> => {
    const found: string[] = [];
    const listQuery = new URLSearchParams({
      $expand: 'lastMessagePreview',
      $orderby: 'lastMessagePreview/createdDateTime desc',
      $top: String(PAGE),
    });
    let url: string | null | false = `${base}/me/chats?${listQuery}`;
    while (url) {
      if (calls >= MAX_CALLS) return null;
      const body: { value?: ListedChat[]; '@odata.nextLink'?: unknown } = await call(
        url,
        'list your Teams chats',
        0,
      );
      let newer = 0;
      for (const chat of body.value ?? []) {
        const last = Date.parse(chat.lastMessagePreview?.createdDateTime ?? '');
        if (Number.isNaN(last) || last < pass.from) continue;
        newer++;
        if (chat.id && (chat.chatType === 'oneOnOne' || chat.chatType === 'group')) found.push(chat.id);
      }
      url = newer ? next(body) : null;
      if (url === false) return null;
    }
    return found;
  };

  if (!listed) {
    try {
      listed = (await listChats()) ?? undefined;
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      return reading(false, error);
    }
    if (!listed) return reading(false, null);
  }
  const chats = listed.filter((chat) => !done.has(chat));

  const upTo = new Date(Math.max(now, pass.until) + 5 * 60_000).toISOString();
  const range = `lastModifiedDateTime gt ${new Date(pass.from).toISOString()} and lastModifiedDateTime lt ${upTo}`;
  let refusal: ProviderError | null = null;
  const refused: string[] = [];
  let read = 0;
  for (const chat of chats) {
    const query = new URLSearchParams({
      $top: String(PAGE),
      $orderby: 'lastModifiedDateTime desc',
      $filter: range,
    });
    let page: string | null | false = `${base}/me/chats/${encodeURIComponent(chat)}/messages?${query}`;
    let first = true;
    let refusedHere = false;
    while (page) {
      if (calls >= MAX_CALLS) return reading(false, null);
      let body: { value?: ListedMessage[]; '@odata.nextLink'?: unknown };
      try {
        body = await call(page, 'read your Teams chats', first ? 0 : PER_CHAT_GAP_MS);
      } catch (error) {
        if (!(error instanceof ProviderError)) throw error;
        // This chat alone (left, removed, gone) is passed over; anything else stops the reading here.
        // Any refusal of this chat (403, 404, 410…) but a sign-in to renew and a pause.
        const status = error.status ?? 0;
        const gone = status >= 400 && status < 500 && status !== 401 && status !== 429;
        if (!gone) return reading(false, error);
        refusal = error;
        refusedHere = true;
        break;
      }
      first = false;
      let older = false;
      for (const item of body.value ?? []) {
        if (Date.parse(item.lastModifiedDateTime ?? '') <= pass.from) older = true;
        const at = Date.parse(item.createdDateTime ?? '');
        const user = item.from?.user;
        if (!item.id || Number.isNaN(at) || at <= pass.from || at >= pass.until) continue;
        if (item.messageType !== 'message' || item.deletedDateTime || !user?.id) continue;
        messages.push({
          chat,
          id: item.id,
          at,
          from: { id: user.id, name: (user.displayName || user.id).slice(0, 120) },
          text: plainText(item.body),
          own: user.id.toLowerCase() === self.toLowerCase(),
        });
      }
      page = older ? null : next(body);
      if (page === false) return reading(false, null);
    }
    if (refusedHere) refused.push(chat);
    else {
      read++;
      done.add(chat);
    }
  }
  // Every chat refused: a permission or a policy, not chats the person left; nothing was read.
  if (refused.length && !read) return reading(false, refusal);
  for (const chat of refused) done.add(chat);
  return reading(true, null);
}
