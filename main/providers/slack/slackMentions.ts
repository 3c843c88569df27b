import type { Instant } from '../../../shared/clockTime';
import type { SlackCall } from './slackMessages';

/** A message in a channel that mentions the user, as read (its text held in memory only). */
export interface SlackMention {
  channel: string;
  ts: string;
  at: Instant;
  user: string;
  text: string;
}

export interface MentionReading {
  mentions: SlackMention[];
  /** Every match since `from` was read: the next search begins at `startedAt`. */
  complete: boolean;
  /** When this pass over the matches since `from` began. */
  startedAt: Instant;
}

/**
 * Where a pass over the matches stopped, kept between readings: a pass past a reading's pages goes on at
 * the next page. Newest first, a later page may repeat a match (newer ones push the list down) but never
 * skips one; repeats are counted once by key.
 */
export interface MentionMemory {
  from: Instant | null;
  startedAt: Instant;
  page: number;
}

export function mentionMemory(): MentionMemory {
  return { from: null, startedAt: 0, page: 1 };
}

/**
 * Results a page: "Maximum of 100" (`count`, https://docs.slack.dev/reference/methods/search.messages).
 * Pages a reading: search.messages is Tier 2 ("20+ per minute"); a reading makes a few at most.
 */
const PAGE = 100;
const PAGES_A_READING = 5;
/** Search answers a hundred pages at most; past them a pass ends (10,000 mentions). */
const LAST_PAGE = 100;

/** A UTC calendar day, as search's `after:` modifier takes it. */
function day(instant: Instant): string {
  return new Date(instant).toISOString().slice(0, 10);
}

/** The message's text mentions the user: `<@U…>`, or the older `<@U…|name>`. */
function mentions(text: string, self: string): boolean {
  return text.includes(`<@${self}>`) || text.includes(`<@${self}|`);
}

/**
 * Messages in channels that mention the user since `from`, newest first, through search.messages with the
 * user's own token (`search:read`): it finds what the person can see, in every channel, without reading
 * each channel's history (which the newer apps may read once a minute). The query is the mention as it is
 * written in a message's text, `<@U…>`; what comes back is kept only when its text holds that mention.
 * `after:` takes a day, so it asks from two days before and keeps what is from `from` on. Direct and
 * group messages are left to the record's reading of them (which also sees replies); the person's own
 * messages, bots and Slackbot are no contact. Search collapses matches "in close proximity to one
 * another" into one, and "search results will be affected by the search filters set in the Slack UI"
 * (the method's Usage info): what search does not show is not counted.
 */
export async function readMentions(
  call: SlackCall,
  self: string,
  from: Instant,
  memory: MentionMemory,
  now: Instant,
): Promise<MentionReading> {
  if (memory.from !== from) Object.assign(memory, { from, startedAt: now, page: 1 });
  const found: SlackMention[] = [];
  // Where this reading goes; kept only when it returns (a page that fails is read again next time).
  let page = memory.page;
  const done = (complete: boolean): MentionReading => {
    const reading = { mentions: found, complete, startedAt: memory.startedAt };
    Object.assign(memory, complete ? mentionMemory() : { page });
    return reading;
  };
  for (let read = 0; read < PAGES_A_READING; read++, page++) {
    const body = await call('search.messages', {
      query: `<@${self}> after:${day(from - 2 * 86_400_000)}`,
      sort: 'timestamp',
      sort_dir: 'desc',
      count: String(PAGE),
      page: String(page),
    });
    const result = (body.messages ?? {}) as {
      matches?: unknown;
      paging?: { pages?: unknown };
      pagination?: { page_count?: unknown };
    };
    const matches = (Array.isArray(result.matches) ? result.matches : []) as Record<string, unknown>[];
    let older = false;
    for (const match of matches) {
      const channel = (match.channel ?? {}) as Record<string, unknown>;
      if (typeof match.ts !== 'string' || typeof channel.id !== 'string') continue;
      const at = Math.round(Number(match.ts) * 1000);
      if (!Number.isFinite(at)) continue;
      if (at < from) {
        older = true;
        continue;
      }
      const user = match.user;
      if (typeof user !== 'string' || !user || user === self || user === 'USLACKBOT') continue;
      // A direct or group message (its match's type, or its channel's): read with the conversations.
      const direct =
        match.type === 'im' ||
        match.type === 'mpim' ||
        channel.is_im === true ||
        channel.is_mpim === true ||
        channel.id.startsWith('D');
      if (match.bot_id !== undefined || direct) continue;
      const text = typeof match.text === 'string' ? match.text : '';
      if (!mentions(text, self)) continue;
      found.push({ channel: channel.id, ts: match.ts, at, user, text });
    }
    // The pages there are: `paging.pages`, or `pagination.page_count`; told neither, a full page may
    // have more after it.
    const told = Number(result.paging?.pages ?? result.pagination?.page_count);
    const last = Number.isFinite(told) ? page >= told : matches.length < PAGE;
    if (older || !matches.length || last || page >= LAST_PAGE) return done(true);
  }
  return done(false);
}
