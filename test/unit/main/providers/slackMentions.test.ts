import { describe, expect, it } from 'vitest';
import { type SearchableMessage, searchMessages } from '../../../fakes/slackSearch';
import { mentionMemory, readMentions } from '../../../../main/providers/slack/slackMentions';

const FROM = Date.parse('2026-12-05T18:00:00Z');
const channel = { id: 'CDESIGN', name: 'design' };

/** Slack's search over `messages`, as the fake answers it (its `answer` may rewrite a page). */
function slack(messages: SearchableMessage[], answer = (body: Record<string, unknown>) => body) {
  const pages: number[] = [];
  const call = async (_method: string, form: Record<string, string>) => {
    pages.push(Number(form.page));
    const found = searchMessages(messages, form);
    if ('error' in found) throw new Error(found.error);
    return answer({ ok: true, ...found.body });
  };
  return { call, pages };
}

/** `n` mentions of the user a few minutes apart from 19:00 on, newest last. */
function mentionsOf(n: number): SearchableMessage[] {
  return Array.from({ length: n }, (_, i) => ({
    channel,
    ts: ((Date.parse('2026-12-05T19:00:00Z') + i * 120_000) / 1000).toFixed(6),
    user: 'UANA',
    text: `<@U0ME> note ${i}`,
  }));
}

describe('the mentions of the person, through search', () => {
  it('an evening of more mentions than a reading pages through goes on at the next page, and ends', async () => {
    const { call, pages } = slack(mentionsOf(720));
    const memory = mentionMemory();
    const first = await readMentions(call, 'U0ME', FROM, memory, FROM + 1);
    expect(first.complete).toBe(false);
    expect(first.mentions).toHaveLength(500);
    const second = await readMentions(call, 'U0ME', FROM, memory, FROM + 2);
    expect(second.complete).toBe(true);
    // Pages 6 to 8, not the first five again; the pass's start is the first reading's.
    expect(pages).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(second.startedAt).toBe(FROM + 1);
    expect(new Set([...first.mentions, ...second.mentions].map((m) => m.ts)).size).toBe(720);
  });

  it('leaves out direct messages, matches without the mention in their text, and keeps paging without a count', async () => {
    const found = [
      ...mentionsOf(100),
      { channel: { id: 'DUKAI', name: 'kai' }, ts: '1796583600.000000', user: 'UKAI', text: '<@U0ME> hi' },
    ];
    // Search as Slack may answer it: neither `paging` nor `pagination` (a full page may have more after
    // it), a match whose text does not hold the mention, and one in the older `<@U…|name>` form.
    const { call, pages } = slack(found, (body) => {
      const { paging: _p, ...rest } = body.messages as { paging: unknown; matches: unknown[] };
      const extra = [
        { type: 'message', channel, ts: '1796583700.000000', user: 'UKAI', text: 'about U0ME, no mention' },
        { type: 'message', channel, ts: '1796583800.000000', user: 'UKAI', text: 'old form <@U0ME|me>' },
      ];
      return { ...body, messages: { ...rest, matches: [...extra, ...rest.matches] } };
    });
    const reading = await readMentions(call, 'U0ME', FROM, mentionMemory(), FROM);
    expect(pages).toEqual([1, 2]);
    expect(reading.complete).toBe(true);
    const kai = new Set(reading.mentions.filter((m) => m.user === 'UKAI').map((m) => m.ts));
    expect([...kai]).toEqual(['1796583800.000000']);
    expect(new Set(reading.mentions.map((m) => m.ts)).size).toBe(101);
  });

  it('a page that fails mid-reading is read again next time: nothing read before it is lost', async () => {
    const { call: search } = slack(mentionsOf(450));
    let fail = true;
    const call = async (method: string, form: Record<string, string>) => {
      if (form.page === '3' && fail) {
        fail = false;
        throw new Error('internal_error');
      }
      return search(method, form);
    };
    const memory = mentionMemory();
    await expect(readMentions(call, 'U0ME', FROM, memory, FROM)).rejects.toThrow('internal_error');
    const again = await readMentions(call, 'U0ME', FROM, memory, FROM + 60_000);
    expect(again.complete).toBe(true);
    expect(new Set(again.mentions.map((m) => m.ts)).size).toBe(450);
  });
});
