import type { FakeReply } from './fakeHttp';

/**
 * Teams chats for the Graph fake: List chats (https://learn.microsoft.com/en-us/graph/api/chat-list) and
 * List messages in a chat (https://learn.microsoft.com/en-us/graph/api/chat-list-messages), as their pages
 * say, the stricter reading where they are unclear:
 * - Permissions: List chats takes Chat.ReadBasic, Chat.Read or Chat.ReadWrite; List messages Chat.Read or
 *   Chat.ReadWrite; "Delegated (personal Microsoft account): Not supported" for both: refused here with
 *   401, which a personal account's token "may" get on an API for work or school accounts only
 *   (https://learn.microsoft.com/en-us/graph/resolve-auth-errors), the answer that costs the app most.
 * - List chats: "$expand: Currently supports members and lastMessagePreview properties"; "$top: Maximum
 *   allowed $top value is 50"; "$orderBy: Currently supports lastMessagePreview/createdDateTime in
 *   descending order"; "The other OData query parameters are not currently supported" (refused here);
 *   "$filter: Filters results", with no word on which properties: refused here, the stricter reading.
 * - List messages: $top at most 50; $orderby lastModifiedDateTime (the default) or createdDateTime, in
 *   descending order only; $filter: "The lastModifiedDateTime property supports the gt and lt operators.
 *   The createdDateTime property supports the lt operator. You can only filter results if the request
 *   URL contains the $orderBy and $filter query parameters configured for the same property; otherwise,
 *   the $filter query option is ignored" (ignored here too, as written).
 * - Pages: @odata.nextLink, and pages smaller than asked (https://learn.microsoft.com/en-us/graph/paging).
 * - Limits (https://learn.microsoft.com/en-us/graph/throttling-limits, Microsoft Teams service limits):
 *   "A maximum of one request per second per app per tenant can be issued on a given channel or chat";
 *   "A maximum of five requests per second per user can be issued when doing List chats"; past either, a
 *   429 with Retry-After (https://learn.microsoft.com/en-us/graph/throttling). Counted in real time.
 * - A chat the person left answers 403 (undocumented; the stricter reading of a roster check).
 * - Polling: "If your app polls to see whether a resource has changed, you can only do that once per day"
 *   (https://learn.microsoft.com/en-us/graph/api/resources/teams-api-overview, Polling requirements):
 *   the stricter reading, a listing less than a whole day (1,440 minutes, to the minute) after the one
 *   before is counted in `pollsWithinADay`, for tests to hold the app to it.
 */
export interface FakeChatMessage {
  id: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  messageType: 'message' | 'systemEventMessage' | 'unknownFutureValue' | 'chatEvent';
  deletedDateTime: string | null;
  from:
    | { user: { id: string; displayName: string } }
    | { application: { id: string; displayName: string } }
    | null;
  body: { contentType: 'text' | 'html'; content: string };
}

export interface FakeChat {
  id: string;
  chatType: 'oneOnOne' | 'group' | 'meeting';
  /** Oldest first. */
  messages: FakeChatMessage[];
}

const CHAT_SCOPES = ['Chat.ReadBasic', 'Chat.Read', 'Chat.ReadWrite'];
const MESSAGE_SCOPES = ['Chat.Read', 'Chat.ReadWrite'];
const error = (
  status: number,
  code: string,
  message: string,
  headers?: Record<string, string>,
): FakeReply => ({
  status,
  ...(headers ? { headers } : {}),
  body: { error: { code, message } },
});

export class TeamsChatsFake {
  readonly chats = new Map<string, FakeChat>();
  /** Chats the person left: still listed (undocumented either way), their messages refused. */
  readonly left = new Set<string>();
  /** When each listing of the chats began (the fake's clock), and those within a day of the one before. */
  readonly listings: number[] = [];
  pollsWithinADay = 0;
  pageSize = 50;
  /** The next List messages calls get these answers instead (a 429, a server error). */
  readonly plannedMessageAnswers: FakeReply[] = [];
  private readonly lastPerChat = new Map<string, number>();
  private recentListings: number[] = [];

  constructor(
    private readonly apiUrl: () => string,
    private readonly now: () => number,
  ) {}

  /** Someone writes in a chat (created now, unless `at` says when). */
  write(
    chat: string,
    from: FakeChatMessage['from'],
    content: string,
    at: number,
    options: Partial<Pick<FakeChatMessage, 'messageType' | 'body'>> = {},
  ): FakeChatMessage {
    const target = this.chats.get(chat);
    if (!target) throw new Error(`no chat ${chat}`);
    const when = new Date(at).toISOString();
    const message: FakeChatMessage = {
      id: String(at + target.messages.length),
      createdDateTime: when,
      lastModifiedDateTime: when,
      messageType: options.messageType ?? 'message',
      deletedDateTime: null,
      from,
      body: options.body ?? { contentType: 'text', content },
    };
    target.messages.push(message);
    return message;
  }

  route(
    path: string,
    query: URLSearchParams,
    allows: (...scopes: string[]) => boolean,
    personal: boolean,
  ): FakeReply | null {
    const match = /^\/(?:me\/)?chats\/([^/]+)\/messages$/.exec(path);
    if (path !== '/me/chats' && !match) return null;
    const scopes = match ? MESSAGE_SCOPES : CHAT_SCOPES;
    if (personal) return error(401, 'InvalidAuthenticationToken', 'Not supported for personal accounts.');
    if (!allows(...scopes))
      return error(
        403,
        'Forbidden',
        `Missing scope permissions on the request. API requires one of '${scopes.join(', ')}'.`,
      );
    return match ? this.listMessages(decodeURIComponent(match[1]!), query) : this.listChats(query);
  }

  private listChats(query: URLSearchParams): FakeReply {
    const realNow = Date.now();
    this.recentListings = this.recentListings.filter((at) => at > realNow - 1_000);
    if (this.recentListings.length >= 5)
      return error(429, 'TooManyRequests', 'Too many requests.', { 'retry-after': '1' });
    this.recentListings.push(realNow);
    const known = new Set(['$expand', '$top', '$orderby', '$skiptoken', '$filter']);
    for (const key of query.keys())
      if (!known.has(key)) return error(400, 'BadRequest', `Query option '${key}' is not supported.`);
    if (query.has('$filter')) return error(400, 'BadRequest', 'The $filter is not supported here.');
    const expand = (query.get('$expand') ?? '').split(',').filter(Boolean);
    if (expand.some((e) => e !== 'members' && e !== 'lastMessagePreview'))
      return error(400, 'BadRequest', 'Only members and lastMessagePreview can be expanded.');
    const top = Number(query.get('$top') ?? 50);
    if (!Number.isInteger(top) || top < 1 || top > 50)
      return error(400, 'BadRequest', 'Maximum allowed $top value is 50.');
    const order = query.get('$orderby');
    if (order !== null && order !== 'lastMessagePreview/createdDateTime desc')
      return error(400, 'BadRequest', 'Only lastMessagePreview/createdDateTime desc is supported.');
    if (!query.has('$skiptoken')) {
      const minute = (at: number) => Math.floor(at / 60_000);
      const before = this.listings.at(-1);
      if (before !== undefined && minute(this.now()) - minute(before) < 24 * 60) this.pollsWithinADay++;
      this.listings.push(this.now());
    }
    const last = (chat: FakeChat) => chat.messages.at(-1) ?? null;
    let all = [...this.chats.values()];
    if (order !== null)
      all = all.sort(
        (a, b) => Date.parse(last(b)?.createdDateTime ?? '0') - Date.parse(last(a)?.createdDateTime ?? '0'),
      );
    const skip = Number(query.get('$skiptoken') ?? 0) || 0;
    const size = Math.min(top, this.pageSize);
    const value = all.slice(skip, skip + size).map((chat) => {
      const preview = last(chat);
      return {
        id: chat.id,
        chatType: chat.chatType,
        ...(expand.includes('lastMessagePreview')
          ? {
              lastMessagePreview: preview
                ? {
                    id: preview.id,
                    createdDateTime: preview.createdDateTime,
                    isDeleted: preview.deletedDateTime !== null,
                    messageType: preview.messageType,
                    from: preview.from,
                    body: preview.body,
                  }
                : null,
            }
          : {}),
      };
    });
    const next = new URLSearchParams(query);
    next.set('$skiptoken', String(skip + size));
    return {
      status: 200,
      body: {
        value,
        ...(skip + size < all.length ? { '@odata.nextLink': `${this.apiUrl()}/me/chats?${next}` } : {}),
      },
    };
  }

  private listMessages(id: string, query: URLSearchParams): FakeReply {
    const chat = this.chats.get(id);
    if (!chat) return error(404, 'NotFound', 'Chat not found.');
    if (this.left.has(id)) return error(403, 'Forbidden', 'The caller is not a member of the roster.');
    const realNow = Date.now();
    if (realNow - (this.lastPerChat.get(id) ?? -Infinity) < 1_000)
      return error(429, 'TooManyRequests', 'One request a second on a chat.', { 'retry-after': '1' });
    this.lastPerChat.set(id, realNow);
    const known = new Set(['$top', '$orderby', '$filter', '$skiptoken']);
    for (const key of query.keys())
      if (!known.has(key)) return error(400, 'BadRequest', `Query option '${key}' is not supported.`);
    const top = Number(query.get('$top') ?? 20);
    if (!Number.isInteger(top) || top < 1 || top > 50)
      return error(400, 'BadRequest', 'Maximum allowed $top value is 50.');
    const planned = this.plannedMessageAnswers.shift();
    if (planned) return planned;
    const order = query.get('$orderby') ?? 'lastModifiedDateTime desc';
    const ordered = /^(lastModifiedDateTime|createdDateTime) desc$/.exec(order);
    if (!ordered)
      return error(400, 'BadRequest', 'Only lastModifiedDateTime or createdDateTime, descending.');
    const property = ordered[1] as 'lastModifiedDateTime' | 'createdDateTime';
    let items = [...chat.messages].sort((a, b) => Date.parse(b[property]) - Date.parse(a[property]));
    const filter = query.get('$filter');
    if (filter !== null) {
      const clauses = filter.split(' and ');
      const parsed = clauses.map((c) => /^(lastModifiedDateTime|createdDateTime) (gt|lt) (\S+)$/.exec(c));
      if (parsed.some((p) => !p || Number.isNaN(Date.parse(p[3]!))))
        return error(400, 'BadRequest', 'Invalid filter clause.');
      for (const p of parsed) {
        const [, field, op] = p!;
        if (field === 'createdDateTime' && op === 'gt')
          return error(400, 'BadRequest', 'createdDateTime supports the lt operator only.');
      }
      // Filtered only when the URL orders by the same property; otherwise "the $filter query option is
      // ignored" (the default order named nowhere in the URL does not count).
      if (query.has('$orderby') && parsed.every((p) => p![1] === property))
        items = items.filter((m) =>
          parsed.every((p) => {
            const at = Date.parse(m[property]);
            const bound = Date.parse(p![3]!);
            return p![2] === 'gt' ? at > bound : at < bound;
          }),
        );
    }
    const skip = Number(query.get('$skiptoken') ?? 0) || 0;
    const size = Math.min(top, this.pageSize);
    const next = new URLSearchParams(query);
    next.set('$skiptoken', String(skip + size));
    return {
      status: 200,
      body: {
        value: items.slice(skip, skip + size).map((m) => ({ ...m, chatId: id })),
        ...(skip + size < items.length
          ? { '@odata.nextLink': `${this.apiUrl()}/chats/${encodeURIComponent(id)}/messages?${next}` }
          : {}),
      },
    };
  }
}
