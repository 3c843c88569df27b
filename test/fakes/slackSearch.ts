/**
 * search.messages for the Slack fake (https://docs.slack.dev/reference/methods/search.messages), what its
 * page documents, the stricter reading where it is unclear:
 * - `query` is required; here it takes the words it is given (a mention as `<@U…>` among them) and the
 *   `after:YYYY-MM-DD` modifier ("after" a day: the day itself excluded, in whatever zone the searcher is:
 *   the fake keeps only what is after that day's end in the last zone on Earth, UTC−12).
 * - `count`: "Maximum of 100", default 20 (a larger one is refused as `invalid_arguments`); `page` from 1.
 * - `sort`: `score` (default) or `timestamp`; `sort_dir`: `asc` or `desc` (default).
 * - The answer: `messages.total`, `messages.paging` {count, total, page, pages}, `messages.matches`, each
 *   with `channel` {id, name, is_im, is_mpim, is_private}, `user`, `username`, `ts`, `text`, `permalink`.
 * - "When a search query matches multiple messages in close proximity to one another, only one match will
 *   be returned": here, a match within a minute of the one before it in the same channel is left out.
 */
export interface SearchableMessage {
  channel: { id: string; name: string; is_im?: boolean; is_mpim?: boolean; is_private?: boolean };
  ts: string;
  user: string;
  text: string;
  bot_id?: string;
}

export type SearchAnswer = { error: string } | { body: Record<string, unknown> };

const CLOSE_S = 60;

export function searchMessages(
  all: readonly SearchableMessage[],
  form: Record<string, unknown>,
): SearchAnswer {
  const query = String(form.query ?? '').trim();
  if (!query) return { error: 'no_query' };
  const count = Number(form.count ?? 20);
  const page = Number(form.page ?? 1);
  if (!Number.isInteger(count) || count < 1 || count > 100) return { error: 'invalid_arguments' };
  if (!Number.isInteger(page) || page < 1) return { error: 'invalid_arguments' };
  const sort = String(form.sort ?? 'score');
  const dir = String(form.sort_dir ?? 'desc');
  if (!['score', 'timestamp'].includes(sort) || !['asc', 'desc'].includes(dir))
    return { error: 'invalid_arguments' };
  let afterS = -Infinity;
  const words: string[] = [];
  for (const term of query.split(/\s+/)) {
    const after = /^after:(\d{4}-\d{2}-\d{2})$/.exec(term);
    if (after) {
      const dayStart = Date.parse(`${after[1]}T00:00:00Z`);
      if (Number.isNaN(dayStart)) return { error: 'invalid_arguments' };
      // The day's end at UTC−12: its next day's 12:00 UTC.
      afterS = (dayStart + 36 * 3_600_000) / 1000;
    } else words.push(term.toLowerCase());
  }
  const found = all
    .filter((m) => Number(m.ts) >= afterS && words.every((w) => m.text.toLowerCase().includes(w)))
    .sort((a, b) => Number(a.ts) - Number(b.ts));
  // Close matches in one channel: only the first of them.
  const lastIn = new Map<string, number>();
  const apart = found.filter((m) => {
    const before = lastIn.get(m.channel.id);
    lastIn.set(m.channel.id, Number(m.ts));
    return before === undefined || Number(m.ts) - before > CLOSE_S;
  });
  if (dir === 'desc') apart.reverse();
  const pages = Math.max(1, Math.ceil(apart.length / count));
  const matches = apart.slice((page - 1) * count, page * count).map((m) => ({
    type: 'message',
    channel: m.channel,
    user: m.user,
    username: m.user.toLowerCase(),
    ts: m.ts,
    text: m.text,
    ...(m.bot_id ? { bot_id: m.bot_id } : {}),
    permalink: `https://acme.slack.com/archives/${m.channel.id}/p${m.ts.replace('.', '')}`,
  }));
  return {
    body: {
      query,
      messages: {
        total: apart.length,
        paging: { count, total: apart.length, page, pages },
        matches,
      },
    },
  };
}
