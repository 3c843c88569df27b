import { SlackFake } from '../fakes/slackFake';
import { expect, test } from './fixtures';

test('connect Slack from Settings, see its health, and the status follow a focus block', async ({
  cadence,
}) => {
  const slack = await new SlackFake().start();
  const env = {
    CADENCE_SLACK_API_URL: slack.apiUrl,
    CADENCE_SLACK_AUTHORIZE_URL: `${slack.server.url}/oauth/v2/authorize`,
    CADENCE_SLACK_TOKEN_URL: `${slack.apiUrl}/oauth.v2.access`,
    CADENCE_SLACK_CLIENT_ID: slack.auth.clientId,
  };
  const allDay = Object.fromEntries(
    ['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ start: '00:00', end: '23:59' }]]),
  );
  const { page } = await cadence.open({
    settings: { week: allDay as never, weekendDays: [] },
    serve: { env },
  });
  await page.getByRole('button', { name: 'Settings' }).click();
  const row = page.locator('.integration').filter({ hasText: 'Slack' });
  await expect(row).toContainText('Not connected');
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
