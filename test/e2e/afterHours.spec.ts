import { emptyIntents, type Intents } from '../../shared/intents';
import { expect, noSeriousAxeViolations, test } from './fixtures';

// Monday 23 November 2026 in Berlin (09:00–17:30): the day was closed at 17:35, and the computer has been
// in use since (as the activity source saw it), so the nudge is due when the window opens at 18:10.
const closedThenWorking = (): Intents => ({
  ...emptyIntents(),
  shutdowns: [
    {
      date: '2026-11-23',
      completedAt: '2026-11-23T16:35:00.000Z',
      done: 'Shipped the release notes',
      carryOver: '',
      priorities: ['Plan the sprint'],
    },
  ],
  activity: [{ from: '2026-11-23T16:30:00.000Z', to: '2026-11-23T17:10:00.000Z' }],
});

test.describe('the after-hours nudge (under libfaketime)', () => {
  test('asks once after the day was closed; "Urgent — I\'m on it" is kept and the nudge goes', async ({
    cadence,
  }) => {
    const { page } = await cadence.open({
      zone: 'Europe/Berlin',
      intents: closedThenWorking(),
      serve: { faketime: '2026-11-23 18:10:00' },
    });
    const nudge = page.getByRole('alert', { name: 'Working after hours' });
    await expect(nudge).toContainText("You're working after hours.");
    await expect(nudge).toContainText('since you closed the day');
    await noSeriousAxeViolations(page);
    await cadence.shot('after-hours-nudge');
    await nudge.getByRole('button', { name: "Urgent — I'm on it" }).click();
    await expect(
      page.getByText("Noted as urgent. Cadence won't ask again until your next workday"),
    ).toBeVisible();
    await expect(nudge).toHaveCount(0);
    // Reloaded, the evening stays answered: no second nudge.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('alert', { name: 'Working after hours' })).toHaveCount(0);
  });

  test('at the tray-popover size, dark; turned off in Settings, no nudge', async ({ cadence }) => {
    const { page } = await cadence.open({
      zone: 'Europe/Berlin',
      intents: closedThenWorking(),
      serve: { faketime: '2026-11-23 18:10:00' },
    });
    await page.setViewportSize({ width: 420, height: 700 });
    await page.emulateMedia({ colorScheme: 'dark' });
    const nudge = page.getByRole('alert', { name: 'Working after hours' });
    await expect(nudge.getByRole('button', { name: 'Close it down' })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(420);
    await cadence.shot('after-hours-nudge-small-dark');
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    // No activity source in this headless run (no X display): the setting says so plainly.
    await expect(page.locator('#activity-source')).toContainText('Not measured:');
    await page.getByLabel('Ask me to close down after this many minutes (0: never ask)').fill('0');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByText('Settings saved.')).toBeVisible();
    await page.getByRole('button', { name: 'Today', exact: true }).click();
    await expect(page.getByRole('alert', { name: 'Working after hours' })).toHaveCount(0);
  });
});
