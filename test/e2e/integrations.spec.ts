import { GoogleFake } from '../fakes/googleFake';
import { SlackFake } from '../fakes/slackFake';
import { expect, test } from './fixtures';

/** Working all day, every day: whatever hour the test runs at, the user is at work. */
const ALL_WEEK = {
  week: Object.fromEntries(
    ['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ start: '00:00', end: '23:59' }]]),
  ) as never,
  weekendDays: [],
};

test('connect Slack from Settings, see its health, and the status follow a focus block', async ({
  cadence,
}) => {
  const slack = await new SlackFake().start();
  const env = {
    CADENCE_SLACK_API_URL: slack.apiUrl,
    CADENCE_SLACK_AUTHORIZE_URL: `${slack.server.url}/oauth/v2/authorize`,
    CADENCE_SLACK_TOKEN_URL: `${slack.apiUrl}/oauth.v2.access`,
  };
  const { page } = await cadence.open({ settings: ALL_WEEK, serve: { env } });
  await page.getByRole('button', { name: 'Settings' }).click();
  const row = page.locator('.integration').filter({ hasText: 'Slack' });
  await expect(row).toContainText('Not connected');
  // A person enters their own app's client id: no environment variable, no restart.
  await expect(row.getByRole('button', { name: 'Connect' })).toHaveCount(0);
  await row.getByLabel('Slack client ID').fill('not a client id!');
  await row.getByRole('button', { name: 'Save' }).click();
  await expect(row).toContainText('a client id has letters, digits, dots, dashes and underscores only');
  await row.getByLabel('Slack client ID').fill(slack.auth.clientId);
  await row.getByRole('button', { name: 'Save' }).click();
  const popup = page.waitForEvent('popup');
  await row.getByRole('button', { name: 'Connect' }).click();
  await expect((await popup).getByRole('heading')).toHaveText('Cadence is connected');
  await expect(row).toContainText('Connected and up to date');
  await cadence.shot('settings-integrations');
  await page.getByRole('button', { name: 'Today' }).click();
  await page.getByRole('button', { name: 'Focus 25 min' }).click();
  await expect.poll(() => slack.profile.status_emoji).toBe(':dart:');
  slack.auth.revokeAll();
  await page.getByRole('button', { name: '+10 min' }).click();
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: 'Slack: Slack refused the token (token_revoked); reconnect Slack' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(row.getByRole('button', { name: 'Reconnect' })).toBeVisible();
  await slack.server.stop();
});

test('connect Google Calendar from Settings with the client id and secret a desktop app needs', async ({
  cadence,
}) => {
  const google = await new GoogleFake().start();
  const env = {
    CADENCE_GOOGLE_API_URL: google.apiUrl,
    CADENCE_GOOGLE_AUTHORIZE_URL: `${google.server.url}/o/oauth2/v2/auth`,
    CADENCE_GOOGLE_TOKEN_URL: `${google.server.url}/token`,
  };
  const { page } = await cadence.open({ settings: ALL_WEEK, serve: { env } });
  await page.getByRole('button', { name: 'Settings' }).click();
  const row = page.locator('.integration').filter({ hasText: 'Google Calendar' });
  await expect(row).toContainText('Desktop app');
  await row.getByLabel('Google Calendar client ID').fill(google.auth.clientId);
  await row.getByLabel('Google Calendar client secret').fill(google.auth.clientSecret ?? '');
  await row.getByRole('button', { name: 'Save' }).click();
  const popup = page.waitForEvent('popup');
  await row.getByRole('button', { name: 'Connect' }).click();
  await expect((await popup).getByRole('heading')).toHaveText('Cadence is connected');
  await expect(row).toContainText('Connected and up to date');
  await page.getByRole('button', { name: 'Today' }).click();
  await page.getByRole('button', { name: 'Focus 25 min' }).click();
  await expect
    .poll(() => [...google.events.values()].filter((e) => e.eventType === 'focusTime').length)
    .toBe(1);
  await google.server.stop();
});
