// Screenshots of the weeks' new states for people to look at (`npm run screenshots`), at both sizes, light
// and dark: a goal set on a Sunday in en-US and en-GB weeks, a new user's first review with the days
// before Cadence unknown, and the empty charts' small scale.
import path from 'node:path';
import type { Page } from '@playwright/test';
import { fromThursday, SIX_HOUR_GOAL } from '../unit/shared/weekFixtures';
import { expect, test } from '../e2e/fixtures';
import { pageShooter, SCHEMES, shotsFolder, SIZES } from './shotKit';

const shoot = pageShooter('weeks');
const ZONE = 'Europe/Berlin';
async function openWeek(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Week', exact: true }).click();
  await expect(page.locator('.chart canvas').first()).toBeVisible();
}

for (const size of SIZES)
  for (const scheme of SCHEMES)
    test(`the weeks, ${size.name}, ${scheme}`, async ({ cadence, page }) => {
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme: scheme });
      const suffix = `${size.name}-${scheme}`;
      // A goal set on Sunday 29 November: weeks from Sunday plan this week, weeks from Monday the next.
      for (const [name, weekStart] of [
        ['sunday-first', 7],
        ['monday-first', 1],
      ] as const) {
        await cadence.open({
          zone: ZONE,
          settings: { focusGoal: SIX_HOUR_GOAL, weekStart },
          serve: { faketime: '2026-11-29 10:00:00' },
        });
        await openWeek(page);
        await expect(page.getByRole('region', { name: /^Focus planned/ })).toBeVisible();
        await shoot(page, `goal-on-sunday-${name}-${suffix}`);
      }
      await page.getByRole('button', { name: 'Settings', exact: true }).click();
      await page.getByLabel(/^Weeks start on/).scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(shotsFolder('weeks'), `setting-${suffix}.png`) });
      // The Monday after the first start: last week reviewed from Thursday on, the days before unknown.
      await cadence.open({
        zone: ZONE,
        settings: { weekStart: 1 },
        intents: fromThursday(ZONE),
        serve: { faketime: '2026-11-30 09:00:00' },
      });
      await openWeek(page);
      await expect(page.getByRole('region', { name: 'Last week' })).toBeVisible();
      await shoot(page, `first-review-${suffix}`);
    });
