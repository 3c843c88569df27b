import { GoogleFake } from '../fakes/googleFake';
import { GraphFake } from '../fakes/graphFake';
import { SlackFake } from '../fakes/slackFake';
import { expect, test } from './fixtures';
import { FIVE_HOUR_GOAL } from '../unit/shared/domainFixtures';
import { ALL_WEEK, connectFromSettings, googleEnv, startFocus, signInThroughPopup } from './integrationSteps';

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
  await signInThroughPopup(page, row.getByRole('button', { name: 'Connect' }));
  await expect(row).toContainText('Connected and up to date');
  await expect(row).toContainText('Slack workspace (Acme)');
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
  const env = googleEnv(google);
  const { page } = await cadence.open({ settings: ALL_WEEK, serve: { env } });
  await page.getByRole('button', { name: 'Settings' }).click();
  const row = page.locator('.integration').filter({ hasText: 'Google Calendar' });
  await expect(row).toContainText('Desktop app');
  await row.getByLabel('Google Calendar client ID').fill(google.auth.clientId);
  await row.getByLabel('Google Calendar client secret').fill(google.auth.clientSecret ?? '');
  await row.getByRole('button', { name: 'Save' }).click();
  await signInThroughPopup(page, row.getByRole('button', { name: 'Connect' }));
  await expect(row).toContainText('Connected and up to date');
  await expect(row).toContainText('Google Workspace account (me@example.com)');
  await page.getByRole('button', { name: 'Today' }).click();
  await page.getByRole('button', { name: 'Focus 25 min' }).click();
  await expect
    .poll(() => [...google.events.values()].filter((e) => e.eventType === 'focusTime').length)
    .toBe(1);
  await google.server.stop();
});

test('Slack with token rotation: the window says the sign-in renews itself, and focus reaches Slack', async ({
  cadence,
}) => {
  const slack = await new SlackFake().start();
  slack.tokenRotation = true;
  const env = {
    CADENCE_SLACK_API_URL: slack.apiUrl,
    CADENCE_SLACK_AUTHORIZE_URL: `${slack.server.url}/oauth/v2/authorize`,
    CADENCE_SLACK_TOKEN_URL: `${slack.apiUrl}/oauth.v2.access`,
  };
  const { page } = await cadence.open({ settings: ALL_WEEK, serve: { env } });
  const row = await connectFromSettings(page, 'Slack', slack.auth.clientId);
  await expect(row).toContainText('Slack workspace (Acme): its sign-in lasts 12 hours and Cadence renews it');
  // Slack ends the token early: Cadence renews it once and the focus block still reaches Slack.
  slack.auth.expireAll();
  await startFocus(page);
  await expect.poll(() => slack.profile.status_emoji).toBe(':dart:');
  expect(slack.auth.refreshes).toBe(1);
  await slack.server.stop();
});

test('a personal Google account: focus and days off become busy events, and Settings says why', async ({
  cadence,
}) => {
  const google = await new GoogleFake().start();
  google.account = { kind: 'personal', address: 'ana@gmail.com' };
  const env = googleEnv(google);
  const { page } = await cadence.open({ settings: ALL_WEEK, serve: { env } });
  const row = await connectFromSettings(
    page,
    'Google Calendar',
    google.auth.clientId,
    google.auth.clientSecret ?? '',
  );
  await startFocus(page);
  await expect
    .poll(() => google.visible().map((e) => [e.summary, e.eventType]))
    .toEqual([['Focus time', 'default']]);
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(row).toContainText(
    'personal Google account (ana@gmail.com): focus blocks appear as busy events',
  );
  await expect(row).toContainText('Connected and up to date');
  await cadence.shot('settings-google-personal');
  await google.server.stop();
});

for (const kind of ['work', 'personal'] as const) {
  test(`a ${kind} Microsoft account: connect from Settings and start a focus block`, async ({ cadence }) => {
    const graph = await new GraphFake().start();
    graph.account = { kind, username: kind === 'work' ? 'ana@contoso.example' : 'ana@outlook.com' };
    const env = {
      CADENCE_MICROSOFT_API_URL: graph.apiUrl,
      CADENCE_MICROSOFT_AUTHORIZE_URL: `${graph.server.url}/common/oauth2/v2.0/authorize`,
      CADENCE_MICROSOFT_TOKEN_URL: `${graph.server.url}/common/oauth2/v2.0/token`,
    };
    const { page } = await cadence.open({ settings: ALL_WEEK, serve: { env } });
    const row = await connectFromSettings(page, 'Microsoft 365', graph.auth.clientId);
    await startFocus(page);
    if (kind === 'work') {
      await expect.poll(() => graph.preferredPresence?.availability).toBe('DoNotDisturb');
      await page.getByRole('button', { name: 'Settings' }).click();
      await expect(row).toContainText('work or school Microsoft account (ana@contoso.example)');
    } else {
      await expect.poll(() => graph.server.callsTo('/v1.0/me/mailboxSettings').length).toBeGreaterThan(0);
      await page.getByRole('button', { name: 'Settings' }).click();
      await expect(row).toContainText(
        'personal Microsoft account (ana@outlook.com): Teams presence and teammates’ schedules need a work or school account',
      );
      await expect(row).toContainText('Connected and up to date');
      expect(graph.server.callsTo(/presence/)).toEqual([]);
    }
    await graph.server.stop();
  });
}

test('a Slack teammate’s assumed hours can be set by hand from the glance', async ({ cadence }) => {
  const slack = await new SlackFake().start();
  slack.members = [{ id: 'U1', name: 'rui', real_name: 'Rui Costa', tz: 'Europe/Lisbon' }];
  const env = {
    CADENCE_SLACK_API_URL: slack.apiUrl,
    CADENCE_SLACK_AUTHORIZE_URL: `${slack.server.url}/oauth/v2/authorize`,
    CADENCE_SLACK_TOKEN_URL: `${slack.apiUrl}/oauth.v2.access`,
  };
  const { page } = await cadence.open({ settings: ALL_WEEK, serve: { env } });
  await connectFromSettings(page, 'Slack', slack.auth.clientId);
  await page.getByRole('button', { name: 'Teammates' }).click();
  const row = page.getByRole('row').filter({ hasText: 'Rui Costa' });
  await expect(row).toContainText('hours assumed');
  await cadence.shot('teammates-slack-assumed');
  await row.getByRole('button', { name: 'Set Rui Costa’s working hours' }).click();
  const form = page.getByRole('form', { name: 'Set Rui Costa’s working hours' });
  await expect(form.getByLabel('Time zone')).toHaveValue('Europe/Lisbon');
  await form.getByLabel('From').fill('12:00');
  await form.getByLabel('To').fill('20:00');
  await form.getByRole('button', { name: 'Save hours' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Rui Costa' })).toHaveCount(1);
  await expect(page.getByRole('row').filter({ hasText: 'Rui Costa' })).not.toContainText('hours assumed');
  await slack.server.stop();
});

test('the focus goal on Google Calendar: a meeting accepted on a planned block moves it, on Today and on the calendar', async ({
  cadence,
}) => {
  const google = await new GoogleFake().start();
  const env = googleEnv(google);
  // Monday 23 November, 07:00 in Berlin, time running thirty times as fast: a minute passes in two seconds.
  const { page } = await cadence.open({
    zone: 'Europe/Berlin',
    settings: {
      focusGoal: FIVE_HOUR_GOAL,
    },
    serve: { env, faketime: '@2026-11-23 07:00:00 x30' },
  });
  await connectFromSettings(page, 'Google Calendar', google.auth.clientId, google.auth.clientSecret ?? '');
  await page.getByRole('button', { name: 'Today' }).click();
  const planned = page.getByRole('listitem').filter({ hasText: 'Focus for your goal (planned)' });
  await expect(planned).toContainText('9:00–10:00');
  const onCalendar = () =>
    [...google.events.values()]
      .filter(
        (e) =>
          e.status !== 'cancelled' && e.extendedProperties?.private?.cadenceFocusId === 'goal:2026-11-23:0',
      )
      .map((e) => `${e.start.dateTime}–${e.end.dateTime}`);
  await expect.poll(onCalendar).toEqual(['2026-11-23T08:00:00.000Z–2026-11-23T09:00:00.000Z']);
  // A meeting at nine, accepted in Google Calendar; the user opens Cadence again a few minutes later.
  google.addMeeting(
    'Planning',
    Date.parse('2026-11-23T08:00:00Z'),
    Date.parse('2026-11-23T08:30:00Z'),
    'accepted',
  );
  await page.waitForTimeout(2_500);
  await page.reload();
  await expect(planned).toContainText('9:30–10:30', { timeout: 15_000 });
  await expect(page.getByRole('listitem').filter({ hasText: 'Planning' })).toContainText('9:00–9:30');
  await expect
    .poll(onCalendar, { timeout: 15_000 })
    .toEqual(['2026-11-23T08:30:00.000Z–2026-11-23T09:30:00.000Z']);
  await cadence.shot('goal-block-moved-by-meeting');
  await google.server.stop();
});
