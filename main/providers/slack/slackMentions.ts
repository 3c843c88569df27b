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
  /** Every match since `from` was read; false when the reading stopped at its page limit. */
  complete: boolean;
}

/**
 * Results a page: "Maximum of 100" (`count`, https://docs.slack.dev/reference/methods/search.messages).
 * Pages a reading: search.messages is Tier 2 ("20+ per minute"); a reading makes a few at most, and an
 * evening with more mentions than that is read again whole next time (each counted once by key).
 */
const PAGE = 100;
const PAGES_A_READING = 5;

/** A UTC calendar day, as search's `after:` modifier takes it. */
function day(instant: Instant): string {
  return new Date(instant).toISOString().slice(0, 10);
}

/**
 * Messages in channels that mention the user (`<@id>`, the form a mention takes in a message's text) since
 * `from`, newest first, through search.messages with the user's own token (`search:read`): it finds what
 * the person can see, in every channel, without reading each channel's history (which the newer apps may
 * read once a minute). `after:` takes a day, so it asks from two days before and keeps what is from `from`
 * on. Direct and group messages are left to the record's reading of them (which also sees replies); the
 * person's own messages, bots and Slackbot are no contact. Search collapses matches "in close proximity to
 * one another" into one, and "search results will be affected by the search filters set in the Slack UI"
 * (the method's Usage info): what search does not show is not counted.
 */
export async function readMentions(call: SlackCall, self: string, from: Instant): Promise<MentionReading> {
  const mentions: SlackMention[] = [];
  for (let page = 1; page <= PAGES_A_READING; page++) {
    const body = await call('search.messages', {
      query: `<@${self}> after:${day(from - 2 * 86_400_000)}`,
      sort: 'timestamp',
      sort_dir: 'desc',
      count: String(PAGE),
      page: String(page),
    });
    const found = (body.messages ?? {}) as { matches?: unknown; paging?: { pages?: unknown } };
    const matches = (Array.isArray(found.matches) ? found.matches : []) as Record<string, unknown>[];
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
      if (match.bot_id !== undefined || channel.is_im === true || channel.is_mpim === true) continue;
      const text = typeof match.text === 'string' ? match.text : '';
      mentions.push({ channel: channel.id, ts: match.ts, at, user, text });
    }
    const pages = Number(found.paging?.pages ?? 0);
    if (older || !matches.length || page >= pages) return { mentions, complete: true };
  }
  return { mentions, complete: false };
}
