import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../../../main/providers/providerError';
import { readConversations, readingMemory } from '../../../../main/providers/slack/slackContacts';

const HOUR = 3_600_000;

/**
 * Slack as the reader sees it: three direct messages, each with one message; a history call within a
 * minute of the last is refused with 429 while `limited` (the newer apps' 1-a-minute limit).
 */
function slack() {
  const state = { limited: true, lastHistory: -Infinity, now: 0, histories: 0 };
  const call = async (method: string, form: Record<string, string>) => {
    if (method === 'conversations.list')
      return { ok: true, channels: ['DA', 'DB', 'DC'].map((id) => ({ id, is_im: true })) };
    if (state.limited && state.now - state.lastHistory < 60_000)
      throw new ProviderError('rateLimited', 'slow down', 60_000, 'ratelimited');
    state.lastHistory = state.now;
    state.histories++;
    return { ok: true, has_more: false, messages: [{ ts: '1800000000.000100', user: `U${form.channel}` }] };
  };
  return { state, call };
}

describe('pacing under the 1-a-minute limit', () => {
  it('one refusal makes it one history call a reading, and six hours later two are tried again', async () => {
    const { state, call } = slack();
    const memory = readingMemory();
    const reading = async (at: number) => {
      state.now = at;
      const before = state.histories;
      await readConversations(call, {}, 0, memory, at);
      return state.histories - before;
    };
    expect(await reading(0)).toBe(1); // the second call was refused: paced from now on
    state.limited = false; // an internal app after all, or a passing burst limit
    expect(await reading(10 * 60_000)).toBe(1);
    expect(await reading(20 * 60_000)).toBe(1);
    expect(await reading(6 * HOUR + 1)).toBeGreaterThan(1);
  });
});
