import { emptyIntents } from '../../shared/intents';
import { expect, noSeriousAxeViolations, test } from './fixtures';
import { FIVE_HOUR_GOAL } from '../unit/shared/domainFixtures';

// Monday 23 November 2026, 08:00 in Berlin: Mon–Fri 09:00–17:30, lunch from 12:00.
test.describe('the weekly focus goal (under libfaketime)', () => {
  test('set in Settings, planned into the week on Today, a block skipped frees its time', async ({
    cadence,
  }) => {
    const { page } = await cadence.open({
      zone: 'Europe/Berlin',
      serve: { faketime: '2026-11-23 08:00:00' },
    });
    await expect(page.getByText(/Focus goal this week/)).toHaveCount(0);
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByLabel('Focus hours a week').fill('5');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByText('Settings saved.')).toBeVisible();
    await page.getByRole('button', { name: 'Today', exact: true }).click();
    await expect(page.getByText('Focus goal this week: 0 min of 5 h done, 5 h planned.')).toBeVisible();
    // An hour a day, in the morning: today's on the timeline, and in the list with a way to skip it.
    const block = page.getByRole('listitem').filter({ hasText: 'Focus for your goal (planned)' });
    await expect(block).toContainText('9:00–10:00');
    await noSeriousAxeViolations(page);
    await cadence.shot('today-focus-goal');
    await page.getByRole('button', { name: 'Skip focus 9:00–10:00' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'skipped; its time is free' })).toBeVisible();
    await expect(block).toHaveCount(0);
    // The goal is kept: the hour goes to the other days of the week, which the Week view lists.
    await expect(page.getByText('Focus goal this week: 0 min of 5 h done, 5 h planned.')).toBeVisible();
    await page.getByRole('button', { name: 'Week', exact: true }).click();
    const week = page.getByRole('region', { name: 'Focus planned this week' });
    await expect(week.getByRole('heading', { level: 3 })).toHaveText([
      'Tuesday 24 November',
      'Wednesday 25 November',
      'Thursday 26 November',
      'Friday 27 November',
    ]);
    await expect(week).toContainText('9:00–10:15');
    await week.getByRole('button', { name: 'Skip focus 9:00–10:15, Friday 27 November' }).click();
    // Friday is free now; its hour and a quarter goes to a day that still has room (Monday).
    await expect(week.getByRole('heading', { name: 'Friday 27 November' })).toHaveCount(0);
    await expect(week.getByRole('heading', { name: 'Monday 23 November' })).toBeVisible();
    await expect(week).not.toContainText('short');
    await cadence.shot('week-focus-plan');
  });

  test('a week too full for the goal says how many hours it is short', async ({ cadence }) => {
    const { page } = await cadence.open({
      zone: 'Europe/Berlin',
      settings: {
        focusGoal: {
          weeklyHours: 40,
          minBlockMinutes: 45,
          maxBlockMinutes: 120,
          preferred: 'any',
          start: 'auto',
        },
      },
      serve: { faketime: '2026-11-27 15:00:00' },
    });
    await expect(page.getByText(/the week's free time is \d+ h( \d+ min)? short/)).toBeVisible();
  });

  test('with "Ask me first", the block waits for one click at its time, then runs as focus', async ({
    cadence,
  }) => {
    const { page } = await cadence.open({
      zone: 'Europe/Berlin',
      settings: {
        focusGoal: { ...FIVE_HOUR_GOAL, start: 'prompt' },
      },
      // Offered at 08:45 (a quarter hour ahead), as the service writes it down.
      intents: {
        ...emptyIntents(),
        goalOffers: [{ key: 'goal:2026-11-23:0', startAt: '2026-11-23T08:00:00.000Z', plannedMinutes: 60 }],
      },
      serve: { faketime: '2026-11-23 08:59:56' },
    });
    await expect(page.getByText('Focus for your goal (planned) · 9:00–10:00')).toBeVisible();
    // Nothing starts by itself at nine: the block is offered instead.
    const offer = page.getByRole('alert', { name: 'Planned focus' });
    await expect(offer).toContainText('Time for planned focus, 9:00–10:00.', { timeout: 15_000 });
    await expect(page.getByRole('img', { name: 'Status: Working' })).toBeVisible();
    await noSeriousAxeViolations(page);
    await cadence.shot('goal-start-prompt');
    await offer.getByRole('button', { name: 'Start focus' }).click();
    await expect(offer).toHaveCount(0);
    await expect(page.getByRole('img', { name: /^Status: Focus/ })).toBeVisible();
  });
});
