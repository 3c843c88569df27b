import path from 'node:path';
import { GraphFake } from '../fakes/graphFake';
import { expect, noSeriousAxeViolations, SCREENSHOTS, test } from './fixtures';
import { signInThroughPopup } from './integrationSteps';

/**
 * Working all day, every day, in a week that starts today (UTC, the window's zone): whatever hour and day
 * the test runs at, there are days ahead to plan focus into (late on the week's last day there were none).
 */
const ALL_WEEK = {
  week: Object.fromEntries(
    ['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ start: '00:00', end: '23:59' }]]),
  ) as never,
  weekendDays: [],
  weekStart: ((new Date().getUTCDay() + 6) % 7) + 1,
};

test('the focus goal turned on after Microsoft was connected: the card asks for the calendar permission, and a new sign-in gives it', async ({
  cadence,
}) => {
  const graph = await new GraphFake().start();
  const env = {
    CADENCE_MICROSOFT_API_URL: graph.apiUrl,
    CADENCE_MICROSOFT_AUTHORIZE_URL: `${graph.server.url}/common/oauth2/v2.0/authorize`,
    CADENCE_MICROSOFT_TOKEN_URL: `${graph.server.url}/common/oauth2/v2.0/token`,
    CADENCE_MICROSOFT_CLIENT_ID: graph.auth.clientId,
  };
  const { page } = await cadence.open({ settings: ALL_WEEK, serve: { env } });
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const row = page.locator('.integration').filter({ hasText: 'Microsoft 365' });
  await signInThroughPopup(page, row.getByRole('button', { name: 'Connect' }));
  await expect(row).toContainText('Connected and up to date');
  expect(graph.signIns.at(-1)).not.toContain('Calendars.ReadWrite');
  const allow = row.getByRole('button', { name: 'Sign in again to allow it' });
  await expect(allow).toHaveCount(0);

  await page.getByLabel('Focus hours a week').fill('5');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  await expect(row).toContainText(
    'To put your focus goal’s blocks on your Outlook calendar, Cadence needs your permission to add events there. Nothing is written to your calendar until you allow it; the rest keeps working.',
  );
  await expect(allow).toBeVisible();
  expect(graph.events.size).toBe(0);
  await noSeriousAxeViolations(page);
  for (const scheme of ['light', 'dark'] as const)
    for (const size of [
      { width: 1280, height: 800 },
      { width: 420, height: 700 },
    ]) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize(size);
      await row.screenshot({
        path: path.join(SCREENSHOTS, `settings-microsoft-permission-${scheme}-${size.width}.png`),
      });
    }
  await cadence.shot('settings-microsoft-permission');

  await signInThroughPopup(page, allow);
  expect(graph.signIns.at(-1)).toContain('Calendars.ReadWrite');
  await expect(allow).toHaveCount(0);
  await expect(row).not.toContainText('needs your permission');
  await expect.poll(() => graph.planned().length).toBeGreaterThan(0);
  await graph.server.stop();
});
