// Screenshots of the 12/24-hour clock in the window (`npm run screenshots`): the time fields on the clock
// chosen in Settings whatever the browser's locale says, a time typed in another form written back, and
// one Cadence cannot read refused under its field. The real service under libfaketime, Wednesday 10:30.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { emptyIntents } from '../../shared/intents';
import { expect, test } from '../e2e/fixtures';
import { shotsFolder, SIZES } from './shotKit';

const OUT = shotsFolder('clock');
const NOW = '2026-11-25 10:30:00';

/** The viewport as the user sees it, scrolled to a part of the page when one is named. */
async function shoot(page: Page, name: string, group?: string): Promise<void> {
  if (group)
    await page
      .getByRole('group', { name: group, exact: true })
      .evaluate((element) => element.scrollIntoView());
  fs.mkdirSync(OUT, { recursive: true });
  await page.screenshot({ path: path.join(OUT, `${name}.png`) });
}

test.describe('an en-US browser', () => {
  test.use({ locale: 'en-US' });
  for (const size of SIZES)
    test(`onboarding on the locale's clock, then 24 hours chosen, ${size.name}`, async ({
      cadence,
      page,
    }) => {
      await page.setViewportSize(size);
      await cadence.open({ zone: 'Asia/Kolkata', settings: null, serve: { faketime: NOW } });
      await expect(page.getByRole('dialog')).toBeVisible();
      await shoot(page, `onboarding-locale-${size.name}`);
      await cadence.open({
        zone: 'Asia/Kolkata',
        settings: { clock: '24h' },
        intents: emptyIntents(),
        serve: { faketime: NOW },
      });
      await page.getByLabel('Focus until').fill('5:30pm');
      await page.getByLabel('Focus until').blur();
      await shoot(page, `today-24h-focus-until-${size.name}`);
      await page.getByRole('button', { name: 'Settings', exact: true }).click();
      await shoot(page, `settings-24h-working-week-${size.name}`, 'Working week');
      await shoot(page, `settings-24h-lunch-${size.name}`, 'Lunch');
    });
});

for (const size of SIZES)
  test(`the 12-hour clock in an en-GB browser, ${size.name}`, async ({ cadence, page }) => {
    await page.setViewportSize(size);
    await cadence.open({
      zone: 'UTC',
      settings: { clock: '12h' },
      intents: emptyIntents(),
      serve: { faketime: NOW },
    });
    await page.getByLabel('Focus until').fill('half five');
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await expect(page.getByText(/Cadence cannot read "half five"/)).toBeVisible();
    await shoot(page, `today-12h-unreadable-${size.name}`);
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await shoot(page, `settings-12h-working-week-${size.name}`, 'Working week');
    await page.getByRole('button', { name: 'Teammates', exact: true }).click();
    await page.getByRole('button', { name: 'Add a teammate' }).click();
    await page.getByRole('form', { name: 'Add a teammate' }).getByLabel('To').fill('18:15');
    await page.getByRole('form', { name: 'Add a teammate' }).getByLabel('Name').focus();
    await shoot(page, `teammate-hours-12h-${size.name}`);
  });
