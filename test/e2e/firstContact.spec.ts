import type { Page } from '@playwright/test';
import { GoogleFake } from '../fakes/googleFake';
import { GraphFake } from '../fakes/graphFake';
import { serve } from '../fakes/processHarness';
import { SlackFake } from '../fakes/slackFake';
import { expect, test } from './fixtures';
import {
  ALL_WEEK,
  connectFromSettings,
  googleEnv,
  graphEnv,
  slackEnv,
  startFocus,
  signInThroughPopup,
} from './integrationSteps';

/**
 * First contact with each service and account kind, from the window, against fakes that accept only the
 * registered redirect: sign in, focus, see the service follow, restart Cadence, focus again — and nothing
 * asks to sign in again.
 */
interface Account {
  name: string;
  env: Record<string, string>;
  clientId: string;
  secret?: string;
  /** How many times the service was told about focus so far. */
  focusPushes: () => number;
  /** What the card says of the account. */
  accountWords: string;
  stop: () => Promise<void>;
}

async function slackAccount(rotating: boolean): Promise<Account> {
  const slack = await new SlackFake().start();
  slack.tokenRotation = rotating;
  return {
    name: 'Slack',
    env: slackEnv(slack),
    clientId: slack.auth.clientId,
    focusPushes: () =>
      slack.server
        .callsTo('/api/users.profile.set')
        .filter((call) => JSON.stringify(call.body).includes('dart')).length,
    accountWords: 'Slack workspace (Acme)',
    stop: () => slack.server.stop(),
  };
}

async function googleAccount(kind: 'workspace' | 'personal'): Promise<Account> {
  const google = await new GoogleFake().start();
  if (kind === 'personal') google.account = { kind: 'personal', address: 'ana@gmail.com' };
  return {
    name: 'Google Calendar',
    env: googleEnv(google),
    clientId: google.auth.clientId,
    secret: google.auth.clientSecret ?? '',
    focusPushes: () => [...google.events.values()].filter((e) => e.summary === 'Focus time').length,
    accountWords:
      kind === 'personal' ? 'personal Google account (ana@gmail.com)' : 'Google Workspace account',
    stop: () => google.server.stop(),
  };
}

async function microsoftAccount(kind: 'work' | 'personal'): Promise<Account> {
  const graph = await new GraphFake().start();
  graph.account = { kind, username: kind === 'work' ? 'ana@contoso.example' : 'ana@outlook.com' };
  return {
    name: 'Microsoft 365',
    env: graphEnv(graph),
    clientId: graph.auth.clientId,
    // A personal account has no Teams presence: what shows it still signed in is every call it makes
    // with its token (the mailbox's zone and hours, the calendar read again after a restart).
    focusPushes: () =>
      kind === 'work'
        ? graph.server
            .callsTo('/v1.0/me/presence/setUserPreferredPresence')
            .filter((call) => JSON.stringify(call.body).includes('DoNotDisturb')).length
        : graph.server.callsTo(/^\/v1\.0\/me\//).filter((call) => call.token).length,
    accountWords:
      kind === 'work'
        ? 'work or school Microsoft account (ana@contoso.example)'
        : 'personal Microsoft account',
    stop: () => graph.server.stop(),
  };
}

const ACCOUNTS: [string, () => Promise<Account>][] = [
  ['Slack, tokens that rotate', () => slackAccount(true)],
  ['Slack, tokens that last', () => slackAccount(false)],
  ['Google Workspace', () => googleAccount('workspace')],
  ['a personal Google account', () => googleAccount('personal')],
  ['Microsoft, work or school', () => microsoftAccount('work')],
  ['a personal Microsoft account', () => microsoftAccount('personal')],
];

/** Nothing on the page or the card asks the user to sign in again. */
async function nothingAsksToReconnect(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click();
  const row = page.locator('.integration').filter({ hasText: name });
  await expect(row).toContainText('Connected and up to date');
  await expect(row.getByRole('button', { name: 'Reconnect' })).toHaveCount(0);
  await expect(page.getByText(/sign in again|reconnect/i)).toHaveCount(0);
}

for (const [title, make] of ACCOUNTS) {
  test(`first contact with ${title}: sign in, focus, restart, focus again`, async ({ cadence, page }) => {
    const account = await make();
    const { service, dir } = await cadence.open({ settings: ALL_WEEK, serve: { env: account.env } });
    const row = await connectFromSettings(page, account.name, account.clientId, account.secret);
    await expect(row).toContainText(account.accountWords);
    await startFocus(page);
    await expect.poll(account.focusPushes).toBeGreaterThan(0);
    await nothingAsksToReconnect(page, account.name);

    const before = account.focusPushes();
    await service.stop('SIGTERM');
    const again = await serve(dir, { env: { TZ: 'UTC', ...account.env } });
    await page.goto('about:blank');
    await page.goto(again.windowUrl);
    await page.getByRole('button', { name: 'Today', exact: true }).click();
    await page.getByRole('button', { name: 'Stop focus' }).click();
    await startFocus(page);
    await expect.poll(account.focusPushes).toBeGreaterThan(before);
    await nothingAsksToReconnect(page, account.name);
    await account.stop();
  });
}

test('a permission the workspace withheld is said as missing, with a way to allow it, never as "reconnect"', async ({
  cadence,
  page,
}) => {
  const slack = await new SlackFake().start();
  slack.withheld = ['users:write'];
  await cadence.open({ settings: ALL_WEEK, serve: { env: slackEnv(slack) } });
  await page.getByRole('button', { name: 'Settings' }).click();
  const row = page.locator('.integration').filter({ hasText: 'Slack' });
  await row.getByLabel('Slack client ID').fill(slack.auth.clientId);
  await row.getByRole('button', { name: 'Save' }).click();
  await signInThroughPopup(page, row.getByRole('button', { name: 'Connect' }));
  await startFocus(page);
  // What the grant allows still reaches Slack: the status; presence needs the withheld permission.
  await expect.poll(() => slack.profile.status_emoji).toBe(':dart:');
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(row.locator('.health-permission')).toHaveText(
    'Cadence is missing a permission in Slack: sign in to Slack again and allow it',
  );
  await expect(row.getByRole('button', { name: 'Sign in again to allow it' })).toBeVisible();
  await expect(row.getByRole('button', { name: 'Reconnect' })).toHaveCount(0);
  await cadence.shot('settings-permission-missing');
  await slack.server.stop();
});
