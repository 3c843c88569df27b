import { SlackFake } from '../fakes/slackFake';
import { expect, noSeriousAxeViolations, test } from './fixtures';
import { ALL_WEEK, connectFromSettings, eveningZone, signInThroughPopup, slackEnv } from './integrationSteps';

test('message a teammate from the glance: allowed once in Slack, then kept for their working hours', async ({
  cadence,
}) => {
  const slack = await new SlackFake().start();
  slack.members = [{ id: 'UANA', name: 'ana', real_name: 'Ana', tz: eveningZone() }];
  const { page } = await cadence.open({ settings: ALL_WEEK, serve: { env: slackEnv(slack) } });
  await connectFromSettings(page, 'Slack', slack.auth.clientId);
  await page.getByRole('button', { name: 'Teammates' }).click();
  await page.getByRole('button', { name: 'Message Ana' }).click();
  const dialog = page.getByRole('dialog', { name: 'Message Ana on Slack' });
  await expect(dialog).toContainText('Ana is outside their working hours.');
  await dialog.getByLabel('Message').fill('The draft is in the folder.');
  await cadence.shot('message-teammate');
  await noSeriousAxeViolations(page);
  await dialog.getByRole('button', { name: 'Send for when Ana starts' }).click();
  // The first time, Slack is asked for the permission to post as you; what was typed stays.
  await expect(dialog.getByRole('alert')).toContainText(
    'Sending needs Slack to let Cadence post messages as you',
  );
  expect(slack.messages).toEqual([]);
  await signInThroughPopup(page, dialog.getByRole('button', { name: 'Allow sending in Slack' }));
  await expect(dialog.getByLabel('Message')).toHaveValue('The draft is in the folder.');
  await dialog.getByRole('button', { name: 'Send for when Ana starts' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(
    page.getByRole('alert').filter({ hasText: /^Arrives .+ at 9:00 AM, Ana's time \(.+ for you\)\./ }),
  ).toBeVisible();
  expect(slack.messages).toHaveLength(1);
  expect(slack.messages[0]).toMatchObject({ user: 'UANA', text: 'The draft is in the folder.' });
  // Scheduled for her next start, not sent now.
  expect(slack.messages[0]!.scheduledId).not.toBeNull();
  expect(slack.messages[0]!.postAt * 1000).toBeGreaterThan(Date.now() + 60 * 60_000);
  // Changed one's mind: taken back before it lands.
  await page.getByRole('button', { name: 'Take back' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Taken back: it will not be sent.' })).toBeVisible();
  expect(slack.messages).toEqual([]);
  await slack.server.stop();
});
