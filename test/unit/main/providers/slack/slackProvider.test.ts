import { afterEach, describe, expect, it } from 'vitest';
import { ProviderError } from '../../../../../main/providers/providerError';
import type { TokenSource } from '../../../../../main/providers/provider';
import { SlackProvider } from '../../../../../main/providers/slack/slackProvider';
import { SlackFake } from '../../../../fakes/slackFake';

let fake: SlackFake | null = null;
afterEach(async () => {
  await fake?.server.stop();
  fake = null;
});

async function provider(): Promise<{ slack: SlackProvider; fake: SlackFake; refreshes: () => number }> {
  fake = await new SlackFake().start();
  const token = fake.auth.issueToken();
  let refreshes = 0;
  const tokens: TokenSource = {
    token: async () => token,
    expiresAt: () => null,
    identity: () => null,
    granted: () => null,
    refresh: async () => {
      refreshes++;
      return false;
    },
  };
  const memory = { read: () => ({ kind: 'slack-lasting' as const }), remember: () => undefined };
  return { slack: new SlackProvider(fake.apiUrl, tokens, memory), fake, refreshes: () => refreshes };
}

const desired = {
  mode: 'focus' as const,
  until: null,
  statusText: 'Focus',
  emoji: ':dart:',
  dndUntil: null,
  away: false,
  timeZone: 'Europe/Berlin',
  focus: null,
  endedFocus: null,
  planned: [],
  autoDecline: 'none' as const,
  chatDoNotDisturb: false,
};

describe('Slack errors, by Slack’s own code', () => {
  it('carries the code, and only token_expired leads to a renewal', async () => {
    const { slack, fake, refreshes } = await provider();
    fake.nextAnswer.set('users.profile.get', { status: 200, body: { ok: false, error: 'invalid_auth' } });
    const refused = await slack.apply(desired as never, Date.now()).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ProviderError);
    expect(refused).toMatchObject({ kind: 'auth', code: 'invalid_auth' });
    expect(refreshes()).toBe(0);
    fake.nextAnswer.set('users.profile.get', { status: 200, body: { ok: false, error: 'token_expired' } });
    const expired = await slack.apply(desired as never, Date.now()).catch((error: unknown) => error);
    expect(expired).toMatchObject({ kind: 'auth', code: 'token_expired' });
    expect(refreshes()).toBe(1);
    fake.nextAnswer.set('users.profile.get', { status: 200, body: { ok: false, error: 'ratelimited' } });
    const limited = await slack.apply(desired as never, Date.now()).catch((error: unknown) => error);
    expect(limited).toMatchObject({ kind: 'rateLimited', code: 'ratelimited' });
  });
});
