import { DEFAULT_TEAMMATE_WEEK, emptyIntents } from '../../shared/intents';
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

test('the teammates glance marks who is outside the team’s hours, and when the whole team is next together', async ({
  cadence,
}) => {
  // Wednesday 25 November, 16:00 in Berlin: 10:00 in New York, midnight in Tokyo (the team's quiet evening).
  const person = (name: string, timeZone: string) => ({
    id: name.toLowerCase(),
    name,
    timeZone,
    week: DEFAULT_TEAMMATE_WEEK,
    weekendDays: [6, 7],
    source: 'manual' as const,
  });
  const { page } = await cadence.open({
    zone: 'Europe/Berlin',
    settings: { locale: 'en-GB', team: { address: server.url } },
    intents: {
      ...emptyIntents(),
      teammates: [
        person('Lena', 'Europe/Berlin'),
        person('Sam', 'America/New_York'),
        person('Aiko', 'Asia/Tokyo'),
      ],
    },
    serve: { faketime: '2026-11-25 16:00:00' },
  });
  await page.getByRole('button', { name: 'Teammates', exact: true }).click();
  const row = (name: string) => page.getByRole('row').filter({ has: page.getByText(name, { exact: true }) });
  await expect(row('Aiko')).toContainText('Team quiet hours until 0:00');
  await expect(row('Sam')).not.toContainText('Team quiet');
  // Tokyo's working day never meets New York's: the whole team has no time together.
  await expect(page.locator('.team-together')).toHaveText(
    'No time in the next two weeks when all 4 of you are in working hours. 2 of 3 inside the team’s hours now.',
  );
  await cadence.shot('teammates-team-norms');

  // Without Aiko the other three are together now, until Lena's day ends at 17:00.
  await row('Aiko').getByRole('button', { name: 'Remove Aiko' }).click();
  await expect(page.locator('.team-together')).toHaveText(
    'Whole team together now, until 17:00 (all 3 of you). 2 of 2 inside the team’s hours now.',
  );
  await noSeriousAxeViolations(page);
});

test('the window says where the member’s own hours run into the team’s quiet time, until dismissed', async ({
  cadence,
}) => {
  const late = [{ start: '09:00', end: '19:00' }];
  const { page } = await cadence.open({
    zone: 'Europe/Berlin',
    settings: {
      locale: 'en-GB',
      week: { '1': late, '2': late, '3': late, '4': late, '5': late, '6': [], '7': [] },
      team: { address: server.url },
    },
    intents: emptyIntents(),
    serve: { faketime: '2026-11-25 10:00:00' },
  });
  const clash = page.getByRole('status').filter({ hasText: 'Your working hours run past your team' });
  await expect(clash).toHaveText(
    /Your working hours run past your team's quiet hours \(18:30 to 8:00\): Monday, Tuesday, Wednesday, Thursday and Friday until 19:00\. Cadence shows you as off from 18:30\./,
  );
  await cadence.shot('team-quiet-clash');
  await clash.getByRole('button', { name: 'Dismiss' }).click();
  await expect(clash).toHaveCount(0);
});
