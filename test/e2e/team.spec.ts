import { TEAM_FILE_EXAMPLE } from '../../shared/team/teamExample';
import { TeamFileServer } from '../fakes/teamFileServer';
import { expect, noSeriousAxeViolations, test } from './fixtures';
import { plainHttpTeamFileRefused } from './teamSteps';

const v2 = JSON.stringify({
  ...TEAM_FILE_EXAMPLE,
  quiet: { ...TEAM_FILE_EXAMPLE.quiet, evenings: { from: '18:00', until: '08:00' } },
});

let server: TeamFileServer;
test.beforeEach(async () => {
  server = await new TeamFileServer(JSON.stringify(TEAM_FILE_EXAMPLE)).start();
});
test.afterEach(async () => {
  await server.close().catch(() => undefined);
});

test('Settings → Team follows the team file: read, changed (said once), malformed, 404, offline', async ({
  cadence,
}) => {
  const { page } = await cadence.open({ settings: { locale: 'en-GB', clock: '24h' } });
  await page.getByRole('button', { name: 'Settings' }).click();
  // Plain http elsewhere than this computer is refused, in words, on the field.
  const { team, address } = await plainHttpTeamFileRefused(page);

  await address.fill(server.url);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  await expect(team).toContainText('Following Platform team, last read');
  await expect(team.getByRole('listitem').filter({ hasText: 'Meeting-free day: Wednesday' })).toBeVisible();
  await expect(team).toContainText('Quiet: 18:30 to 8:00');
  expect(server.conditions).toEqual([null]);

  // Unchanged: asked with the ETag, answered 304; nothing to say.
  await team.getByRole('button', { name: 'Read the team file now' }).click();
  await expect.poll(() => server.conditions.length).toBe(2);
  expect(server.conditions[1]).toMatch(/^"/);
  await expect(page.locator('.team-notice')).toHaveCount(0);

  // Changed: said once, in words, until the member has seen it.
  server.publish(v2);
  await team.getByRole('button', { name: 'Read the team file now' }).click();
  const notice = page.locator('.team-notice');
  await expect(notice).toHaveText(/Platform team changed its agreement: Quiet hours now start at 18:00\./);
  await cadence.shot('team-changed');
  await noSeriousAxeViolations(page);
  await notice.getByRole('button', { name: 'Got it' }).click();
  await expect(notice).toHaveCount(0);
  await page.reload();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(team).toContainText('Quiet: 18:00 to 8:00');
  await expect(page.locator('.team-notice')).toHaveCount(0);

  // Malformed: every problem by its field; the copy followed stays as it was.
  server.publish('{ "name": "Platform team", "meetingFreeDay": "Wed" }');
  await team.getByRole('button', { name: 'Read the team file now' }).click();
  await expect(team.getByRole('list', { name: 'Problems in the team file' })).toContainText(
    'meetingFreeDay: choose one of "monday"',
  );
  await expect(team.getByRole('alert')).toContainText(
    'has 1 problem: Cadence keeps following the last good copy',
  );
  await expect(team).toContainText('Meeting-free day: Wednesday');
  await cadence.shot('team-malformed');

  server.publish(null);
  await team.getByRole('button', { name: 'Read the team file now' }).click();
  await expect(team.getByRole('alert')).toContainText(
    `There is no team file at ${server.url} (the server answered 404)`,
  );
  await expect(team).toContainText('Following Platform team');

  await server.close();
  await team.getByRole('button', { name: 'Read the team file now' }).click();
  await expect(team.getByRole('alert')).toContainText('Could not reach');
  await expect(team).toContainText('Quiet: 18:00 to 8:00');
});

test('Settings → Team writes a starter team file from my settings', async ({ cadence }) => {
  const { page } = await cadence.open({ settings: { locale: 'en-GB', clock: '24h' } });
  await page.getByRole('button', { name: 'Settings' }).click();
  const team = page.getByRole('group', { name: 'Team' });
  await team.getByRole('button', { name: 'Write a team file from my settings' }).click();
  const starter = team.getByLabel('A starter team file (share it, agree on it, publish it)');
  const text = await starter.inputValue();
  expect(JSON.parse(text)).toMatchObject({
    urgency: { keywords: ['!urgent'] },
    quiet: { evenings: { from: '17:30', until: '09:00' }, days: ['saturday', 'sunday'] },
    endOfDay: { by: '17:30' },
  });
});
