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

interface ListedChat {
  id?: string;
  chatType?: string;
  lastMessagePreview?: { createdDateTime?: string } | null;
}

interface ListedMessage {
  id?: string;
  messageType?: string;
  createdDateTime?: string;
  deletedDateTime?: string | null;
  from?: { user?: { id?: string; displayName?: string } | null } | null;
  body?: { contentType?: string; content?: string };
}

/** "Maximum allowed $top value is 50" (List chats and List messages in a chat). */
const PAGE = 50;
/** Chats read a reading at most, and calls in all: a reading past them is read again whole next time. */
const MAX_CHATS = 100;
const MAX_CALLS = 300;
/**
 * "A maximum of one request per second per app per tenant can be issued on a given channel or chat"
 * (https://learn.microsoft.com/en-us/graph/throttling-limits, Microsoft Teams service limits): a chat's
 * next page waits a second after its last.
 */
const PER_CHAT_GAP_MS = 1_000;

/** The text of a message body for the urgency rule: HTML (always, where it mentions someone) as plain words. */
function plainText(body: ListedMessage['body']): string {
  const content = body?.content ?? '';
  if (body?.contentType !== 'html') return content;
  return content
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/**
 * The messages written since `since` in the user's one-to-one and group chats (not meeting chats, not
 * channels), with the delegated permission Chat.Read, the least privileged one of List messages in a chat
 * (https://learn.microsoft.com/en-us/graph/api/chat-list-messages, Permissions: "Delegated (personal
 * Microsoft account): Not supported"; a personal account is never asked, see the provider).
 * - The chats: GET /me/chats with their last message's preview, newest first (the only order List chats
 *   takes, https://learn.microsoft.com/en-us/graph/api/chat-list): a chat whose last message is older
 *   than `since` has nothing new, and neither have those after it.
 * - Each chat's messages: ordered and filtered by lastModifiedDateTime, the property whose filter takes
 *   `gt` ("You can only filter results if the request URL contains the $orderBy and $filter query
 *   parameters configured for the same property; otherwise, the $filter query option is ignored",
 *   chat-list-messages); a message edited or reacted to since is listed too, and kept only when it was
 *   written (createdDateTime) since.
 * - Only people's messages: not system events, not deleted ones, not an application's (a bot's).
 * A chat Graph will not let the person read (403/404: left, or removed) is passed over.
 */
export async function readTeamsChats(
  apiUrl: string,
  get: GetPage<unknown>,
  since: Instant,
  /** The signed-in person's object id (the ID token's `oid`): their own messages are replies. */
  self: string | null,
  pause: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<{ messages: TeamsChatMessage[]; complete: boolean }> {
  const base = apiUrl.replace(/\/$/, '');
  const from = new Date(since).toISOString();
  const chats: string[] = [];
  let calls = 0;
  let complete = true;
  const next = (body: { '@odata.nextLink'?: unknown }): string | null => {
    const link = body['@odata.nextLink'];
    return typeof link === 'string' && link.startsWith(base) ? link : null;
  };

  const listQuery = new URLSearchParams({
    $expand: 'lastMessagePreview',
    $orderby: 'lastMessagePreview/createdDateTime desc',
    $top: String(PAGE),
  });
  let url: string | null = `${base}/me/chats?${listQuery}`;
  listing: while (url) {
    if (++calls > MAX_CALLS) return { messages: [], complete: false };
    const body = (await get(url, 'list your Teams chats')) as {
      value?: ListedChat[];
      '@odata.nextLink'?: unknown;
    };
    for (const chat of body.value ?? []) {
      const last = Date.parse(chat.lastMessagePreview?.createdDateTime ?? '');
      if (Number.isNaN(last)) continue;
      if (last < since) break listing;
      if (!chat.id || (chat.chatType !== 'oneOnOne' && chat.chatType !== 'group')) continue;
      if (chats.length >= MAX_CHATS) {
        complete = false;
        break listing;
      }
      chats.push(chat.id);
    }
    url = next(body);
  }

  const messages: TeamsChatMessage[] = [];
  for (const chat of chats) {
    const query = new URLSearchParams({
      $top: String(PAGE),
      $orderby: 'lastModifiedDateTime desc',
      $filter: `lastModifiedDateTime gt ${from}`,
    });
    let page: string | null = `${base}/me/chats/${encodeURIComponent(chat)}/messages?${query}`;
    let first = true;
    while (page) {
      if (++calls > MAX_CALLS) return { messages, complete: false };
      if (!first) await pause(PER_CHAT_GAP_MS);
      first = false;
      let body: { value?: ListedMessage[]; '@odata.nextLink'?: unknown };
      try {
        body = (await get(page, 'read your Teams chats')) as typeof body;
      } catch (error) {
        // This chat alone (left, removed, gone: a 403 or 404 once the chats were listed) is passed over; a
        // missing permission would have refused the listing first.
        const gone = /^(http_404|NotFound|ItemNotFound)$/.test(
          error instanceof ProviderError ? (error.code ?? '') : '',
        );
        if (error instanceof ProviderError && (error.kind === 'permission' || gone)) break;
        throw error;
      }
      for (const item of body.value ?? []) {
        const at = Date.parse(item.createdDateTime ?? '');
        const user = item.from?.user;
        if (!item.id || Number.isNaN(at) || at < since || item.messageType !== 'message') continue;
        if (item.deletedDateTime || !user?.id) continue;
        messages.push({
          chat,
          id: item.id,
          at,
          from: { id: user.id, name: (user.displayName || user.id).slice(0, 120) },
          text: plainText(item.body),
          own: user.id === self,
        });
      }
      page = next(body);
    }
  }
  return { messages, complete };
}
