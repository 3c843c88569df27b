import { emptyIntents } from '../../shared/intents';
import { TEAM_FILE_EXAMPLE } from '../../shared/team/teamExample';
import { TeamFileServer } from '../fakes/teamFileServer';
import { expect, noSeriousAxeViolations, test } from './fixtures';

// Issue #24: what the team file (core hours 15:00–17:00 Europe/Berlin, Monday to Friday, served over
// HTTP on 127.0.0.1) changes in a member's window, at both window sizes.
const SIZES = [
  { name: 'wide', width: 1280, height: 800 },
  { name: 'popover', width: 420, height: 700 },
] as const;

let server: TeamFileServer;
test.beforeEach(async () => {
  server = await new TeamFileServer(JSON.stringify(TEAM_FILE_EXAMPLE)).start();
});
test.afterEach(async () => {
  await server.close().catch(() => undefined);
});

test('Today shows the team’s core hours in a Los Angeles member’s own time, on their 12-hour clock', async ({
  cadence,
}) => {
  // Monday 9 March 2026, 08:00 in Los Angeles: the US changed its clocks on Sunday, Berlin has not yet.
  const { page } = await cadence.open({
    zone: 'America/Los_Angeles',
    settings: { locale: 'en-US', clock: '12h', team: { address: server.url } },
    intents: emptyIntents(),
    serve: { faketime: '2026-03-09 08:00:00' },
  });
  const line = page.locator('.core-hours');
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await expect(line).toHaveText('Team core hours: 7:00 AM–9:00 AM your time');
    await expect(line).toBeInViewport();
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    await cadence.shot(`team-core-hours-${size.name}`);
  }
  await noSeriousAxeViolations(page);

  // The team drops its core hours: Today says nothing of them once the file is read again.
  const { coreHours: _dropped, ...withoutCore } = TEAM_FILE_EXAMPLE;
  server.publish(JSON.stringify(withoutCore));
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Read the team file now' }).click();
  await page.getByRole('button', { name: 'Today' }).click();
  await expect(page.getByRole('heading', { name: /Monday/ })).toBeVisible();
  await expect(line).toHaveCount(0);
});
