import type { Instant } from '../../../shared/clockTime';

/** A mail in the user's Outlook inbox, as the record reads it (#25): its subject held in memory only. */
export interface InboxMail {
  id: string;
  at: Instant;
  from: { id: string; name: string };
  /** The subject, read only to see whether it is urgent (Mail.ReadBasic gives no body), then dropped. */
  text: string;
  /** The conversation it belongs to: the person's answer in Sent Items is in the same one. */
  conversation: string | null;
}

interface ListedMail {
  '@odata.type'?: string;
  id?: string;
  receivedDateTime?: string;
  subject?: string;
  from?: { emailAddress?: { name?: string; address?: string } };
  conversationId?: string;
  sentDateTime?: string;
}

/** One GET of a page (the first, or an @odata.nextLink as given); its JSON body. */
export type GetPage<T = ListedMail> = (
  url: string,
  what: string,
) => Promise<{ value?: T[]; '@odata.nextLink'?: unknown }>;

const PAGE = 50;
/** Pages a reading follows at most; past them it is cut short and goes on from its mark next time. */
const MAX_PAGES = 20;

/**
 * Each page of a listing from `first`, following @odata.nextLink as given ("Do not try to extract the
 * $skip value from the @odata.nextLink URL", https://learn.microsoft.com/en-us/graph/api/user-list-messages),
 * never to another host, for MAX_PAGES at most. True when the listing was read to its end.
 */
export async function eachPage<T>(
  apiUrl: string,
  first: string,
  get: GetPage<T>,
  what: string,
  each: (items: T[]) => void,
): Promise<boolean> {
  const base = apiUrl.replace(/\/$/, '');
  let url: string | null = first;
  for (let page = 0; url && page < MAX_PAGES; page++) {
    const body = await get(url, what);
    each(body.value ?? []);
    const next = body['@odata.nextLink'];
    url = typeof next === 'string' && next.startsWith(base) ? next : null;
  }
  return url === null;
}

/**
 * The mail received in the Outlook inbox since `since` (GET /me/mailFolders/inbox/messages, whose least
 * privileged delegated permission is Mail.ReadBasic: https://learn.microsoft.com/en-us/graph/api/mailfolder-list-messages,
 * Permissions; Mail.ReadBasic reads a message "except body, previewBody, attachments and any extended
 * properties", https://learn.microsoft.com/en-us/graph/permissions-reference#mailreadbasic). Only when,
 * from whom and the subject are asked for ($select); pages follow @odata.nextLink as given ("Do not try
 * to extract the $skip value from the @odata.nextLink URL", https://learn.microsoft.com/en-us/graph/api/user-list-messages).
 */
export async function readInbox(
  apiUrl: string,
  get: GetPage,
  since: Instant,
  /** The signed-in person's own address: their own mail (to themselves, sent from another device) is no contact. */
  self: string | null = null,
): Promise<{ mail: InboxMail[]; complete: boolean; lastAt: Instant | null }> {
  const base = apiUrl.replace(/\/$/, '');
  const query = new URLSearchParams({
    $select: 'receivedDateTime,from,subject,conversationId',
    $filter: `receivedDateTime ge ${new Date(since).toISOString()}`,
    // Oldest first (allowed: the property ordered by is the one filtered on, first): a reading cut short
    // at MAX_PAGES goes on from the last mail it read (https://learn.microsoft.com/en-us/graph/api/user-list-messages).
    $orderby: 'receivedDateTime asc',
    $top: String(PAGE),
  });
  const mail: InboxMail[] = [];
  /** The newest item read, of any kind: a reading cut short goes on from there. */
  let lastAt: Instant | null = null;
  const inbox = `${base}/me/mailFolders/inbox/messages?${query}`;
  const complete = await eachPage(
    apiUrl,
    inbox,
    get,
    'read your inbox for your record of contacts',
    (items) => {
      for (const item of items) {
        const at = Date.parse(item.receivedDateTime ?? '');
        if (!Number.isNaN(at)) lastAt = Math.max(lastAt ?? at, at);
        // A meeting request in the inbox is an invitation, counted from the calendar (graphInvitations.ts).
        if (item['@odata.type']?.startsWith('#microsoft.graph.eventMessage')) continue;
        const address = item.from?.emailAddress?.address;
        if (!item.id || Number.isNaN(at) || !address || address.toLowerCase() === self) continue;
        mail.push({
          id: item.id,
          at,
          from: { id: address.toLowerCase(), name: item.from?.emailAddress?.name || address },
          text: item.subject ?? '',
          conversation: typeof item.conversationId === 'string' ? item.conversationId : null,
        });
      }
    },
  );
  return { mail, complete, lastAt };
}

/**
 * What the person sent since `since` (Sent Items, the well-known folder `sentitems`,
 * https://learn.microsoft.com/en-us/graph/api/resources/mailfolder; listed as the inbox is, with the same
 * least privileged Mail.ReadBasic): when, and in which conversation; never to whom or what. An answer to
 * a mail of the inbox is in its conversation.
 */
export async function readSent(
  apiUrl: string,
  get: GetPage,
  since: Instant,
): Promise<{ sent: { conversation: string; at: Instant }[]; complete: boolean; lastAt: Instant | null }> {
  const base = apiUrl.replace(/\/$/, '');
  const query = new URLSearchParams({
    $select: 'sentDateTime,conversationId',
    $filter: `sentDateTime ge ${new Date(since).toISOString()}`,
    $orderby: 'sentDateTime asc',
    $top: String(PAGE),
  });
  const sent: { conversation: string; at: Instant }[] = [];
  let lastAt: Instant | null = null;
  const what = 'read when you answered mail, for your record of contacts';
  const sentItems = `${base}/me/mailFolders/sentitems/messages?${query}`;
  const complete = await eachPage(apiUrl, sentItems, get, what, (items) => {
    for (const item of items) {
      const at = Date.parse(item.sentDateTime ?? '');
      if (Number.isNaN(at)) continue;
      lastAt = Math.max(lastAt ?? at, at);
      // A meeting's answer (accept, decline) is the invitation's, not an answer to mail.
      if (item['@odata.type']?.startsWith('#microsoft.graph.eventMessage')) continue;
      if (typeof item.conversationId === 'string') sent.push({ conversation: item.conversationId, at });
    }
  });
  return { sent, complete, lastAt };
}
