// Issue #22, weeks: one first day of the week for the focus goal, the review and the charts (the
// locale's at first, changeable in Settings), a goal set at the weekend plans the coming week, one focus
// total per week, days before Cadence first ran unknown, and charts whose axis and scale read right.
import type { Page } from '@playwright/test';
import { emptyIntents, type Intents } from '../../shared/intents';
import { at } from '../unit/shared/domainFixtures';
import { fromThursday, SIX_HOUR_GOAL, workedDay } from '../unit/shared/weekFixtures';
import { expect, test } from './fixtures';
import { figure } from './weekSteps';

const SIZES = [
  { width: 1280, height: 800 },
  { width: 420, height: 700 },
] as const;
const ZONE = 'Europe/Berlin';

const isoAt = (local: string) => new Date(at(local, ZONE)).toISOString();
const sizeName = (size: (typeof SIZES)[number]) => `${size.width}x${size.height}`;

function focus(intents: Intents, id: string, local: string, plannedMinutes: number): void {
  intents.focus.push({ id, startAt: isoAt(local), plannedMinutes });
}

function weekRow(page: Page, name: string) {
  return page
    .getByRole('table', { name: 'Week by week' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name, exact: true }) });
}

async function openView(page: Page, name: 'Today' | 'Week' | 'Settings'): Promise<void> {
  await page.getByRole('button', { name, exact: true }).click();
}

/** How far the y axis' widest label reaches past the room uPlot gives the axis (> 0: cut off). */
async function yLabelOverflow(page: Page, chart: number, label: string): Promise<number> {
  return page.evaluate(
    ([index, text]) => {
      const figure = document.querySelectorAll('.chart')[index as number]!;
      // uPlot lays an element over each axis, as wide as the axis: the x axis first, then the y axis.
      const axis = figure.querySelectorAll<HTMLElement>('.u-axis')[1]!;
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = '12px system-ui, sans-serif';
      // The label, the tick (10 px) and the gap (5 px) uPlot draws beside it.
      return context.measureText(text as string).width + 15 - axis.getBoundingClientRect().width;
    },
    [chart, label] as const,
  );
}

for (const [locale, firstDay, zone] of [
  ['en-US', 'Sunday', 'America/New_York'],
  ['en-GB', 'Monday', 'Europe/London'],
] as const)
  test.describe(`a new user in ${locale} who sets a focus goal on a Sunday`, () => {
    test.use({ locale, timezoneId: zone });
    for (const size of SIZES)
      test(`gets the locale's week for goal, review and charts at ${sizeName(size)}`, async ({ cadence }) => {
        // Sunday 29 November 2026, mid-morning; Cadence starts for the first time.
        const { page } = await cadence.open({
          zone,
          settings: null,
          serve: { faketime: '2026-11-29 10:00:00' },
        });
        await page.setViewportSize(size);
        const welcome = page.getByRole('dialog', { name: 'Welcome to Cadence' });
        await welcome.getByRole('button', { name: 'Start using Cadence' }).click();
        await expect(welcome).toHaveCount(0);
        await openView(page, 'Settings');
        await page.getByLabel('Focus hours a week').fill('6');
        await page.getByRole('button', { name: 'Save settings' }).click();
        await expect(page.getByText('Settings saved')).toBeVisible();
        await openView(page, 'Week');
        const planned = page.getByRole('region', { name: /^Focus planned/ });
        // Never "the week's free time is 6 h short": Monday to Friday ahead are planned.
        await expect(planned).not.toContainText('short');
        await expect(planned.getByRole('heading', { level: 3 })).toHaveCount(5);
        await expect(planned.getByRole('heading', { level: 3 }).first()).toContainText(/Monday.*30/);
        if (firstDay === 'Sunday') {
          // Today is the first day of this week: it is the week planned, and the table's "This week".
          await expect(planned.getByRole('heading', { level: 2 })).toHaveText('Focus planned this week');
          await expect(planned).toContainText('0 min of 6 h done.');
        } else {
          // Today is the last day of this week: the goal plans the coming one, and says so.
          await expect(planned.getByRole('heading', { level: 2 })).toHaveText('Focus planned for next week');
          await expect(planned).toContainText(
            'No workday is left this week, so your 6 h goal is planned for the week from Monday 30 November.',
          );
        }
        // The review and the charts count the same week; the days before today are unknown, not zero.
        const review = page.getByRole('region', { name: 'This week so far' });
        await expect(figure(page, 'Lunches taken')).toContainText('—');
        await expect(figure(page, 'Lunches taken')).not.toContainText('of');
        await expect(figure(page, 'Focus')).toContainText('—');
        if (firstDay === 'Monday')
          await expect(review).toContainText('Cadence first ran today: the days before are unknown (—).');
        await expect(weekRow(page, 'Last week').getByRole('cell').first()).toHaveText('—');
        // An empty week's charts have a small scale, not 100 h.
        await expect(page.getByRole('img', { name: /^Focus and meetings per day/ })).toHaveAccessibleName(
          'Focus and meetings per day, on a scale up to 2 h',
        );
        await expect(page.getByRole('img', { name: /^Work after hours/ })).toHaveAccessibleName(
          'Work after hours and on days off, per day, on a scale up to 60 min',
        );
        await cadence.shot(`weeks-new-${locale}-sunday-${sizeName(size)}`);
        // The week came from the window's language; changed in Settings, it changes for the goal at once.
        await openView(page, 'Settings');
        await expect(page.getByLabel(/^Weeks start on/)).toHaveValue(firstDay === 'Sunday' ? '7' : '1');
        await page.getByLabel(/^Weeks start on/).selectOption(firstDay === 'Sunday' ? '1' : '7');
        await page.getByRole('button', { name: 'Save settings' }).click();
        await expect(page.getByText('Settings saved')).toBeVisible();
        await openView(page, 'Week');
        await expect(planned.getByRole('heading', { level: 2 })).toHaveText(
          firstDay === 'Sunday' ? 'Focus planned for next week' : 'Focus planned this week',
        );
        await expect(planned.getByRole('heading', { level: 3 })).toHaveCount(5);
      });
  });

/**
 * Wednesday 25 November 2026, 11:20 in Berlin, weeks from Monday: a block from Sunday night into Monday
 * (one hour of it this week), two overlapping blocks on Monday (90 minutes together), 50 minutes on
 * Tuesday and a block running since 10:30 (50 minutes so far): 4 h 10 min of focus this week.
 */
function overlappingWeek(): Intents {
  const intents = emptyIntents();
  for (const date of ['2026-11-09', '2026-11-10', '2026-11-16', '2026-11-17']) workedDay(intents, date, ZONE);
  focus(intents, 'sunday-night', '2026-11-22T23:00', 120);
  focus(intents, 'monday-a', '2026-11-23T10:00', 60);
  focus(intents, 'monday-b', '2026-11-23T10:30', 60);
  focus(intents, 'tuesday', '2026-11-24T10:00', 50);
  focus(intents, 'running', '2026-11-25T10:30', 90);
  return intents;
}

test.describe('one focus total per week', () => {
  for (const size of SIZES)
    test(`the goal, the Today line and the week table say the same at ${sizeName(size)}`, async ({
      cadence,
    }) => {
      const { page } = await cadence.open({
        zone: ZONE,
        settings: { focusGoal: SIX_HOUR_GOAL, weekStart: 1 },
        intents: overlappingWeek(),
        serve: { faketime: '2026-11-25 11:20:00' },
      });
      await page.setViewportSize(size);
      await expect(page.locator('.goal-line')).toContainText('Focus goal this week: 4 h 10 min of 6 h done');
      await openView(page, 'Week');
      await expect(page.getByRole('region', { name: 'Focus planned this week' })).toContainText(
        '4 h 10 min of 6 h done.',
      );
      await expect(weekRow(page, 'This week').getByRole('cell').first()).toHaveText('4 h 10 min');
      // The review's own column is named by the days it covers, so its figure is not read as the week's.
      await expect(page.locator('.review-table').getByRole('columnheader').nth(1)).toHaveText(
        'Monday to Tuesday',
      );
      await expect(figure(page, 'Focus').first()).toHaveText('3 h 20 min of 6 h');
      await cadence.shot(`weeks-one-total-${sizeName(size)}`);
    });
});

test.describe('a first review', () => {
  for (const size of SIZES)
    test(`leaves the days before Cadence first ran unknown at ${sizeName(size)}`, async ({ cadence }) => {
      const { page } = await cadence.open({
        zone: ZONE,
        settings: { weekStart: 1 },
        intents: fromThursday(ZONE),
        serve: { faketime: '2026-11-30 09:00:00' },
      });
      await page.setViewportSize(size);
      await openView(page, 'Week');
      const review = page.getByRole('region', { name: 'Last week' });
      await expect(figure(page, 'Lunches taken')).toHaveText(['2 of 2']);
      await expect(figure(page, 'Closed on time')).toHaveText(['2 of 2']);
      await expect(review).toContainText('Cadence first ran on Thursday: the days before are unknown (—).');
      await expect(review).not.toContainText('never closed');
      await expect(review).not.toContainText('Lunch skipped');
      // Weeks wholly before it are dashes, never zeros.
      const earlier = page
        .getByRole('table', { name: 'Week by week' })
        .getByRole('row')
        .filter({ hasText: 'Week of' });
      await expect(earlier).toHaveCount(2);
      for (const row of await earlier.all()) await expect(row.getByRole('cell').first()).toHaveText('—');
      await expect(weekRow(page, 'Last week').getByRole('cell').first()).toHaveText('2 h');
      // The evening's 130 minutes: the scale reaches past them, and its labels are whole.
      await expect(page.getByRole('img', { name: /^Work after hours/ })).toHaveAccessibleName(
        'Work after hours and on days off, per day, on a scale up to 150 min',
      );
      expect(await yLabelOverflow(page, 1, '150 min')).toBeLessThanOrEqual(0);
      await cadence.shot(`weeks-first-review-${sizeName(size)}`);
    });
});
