import type { Page } from '@playwright/test';
import { emptyIntents } from '../../shared/intents';
import path from 'node:path';
import { expect, noSeriousAxeViolations, SCREENSHOTS, test } from './fixtures';

// One clock everywhere, input included: the time fields, the headline and the refusals follow Settings →
// Clock, not the browser's locale. Each describe runs the service under libfaketime on a Wednesday
// (work Mon–Fri 09:00–17:30, lunch from 12:00) and looks at both window sizes.
const SIZES = [
  { name: 'wide', width: 1280, height: 800 },
  { name: 'popover', width: 420, height: 700 },
] as const;

const openSettings = (page: Page) => page.getByRole('button', { name: 'Settings' }).click();
const openToday = (page: Page) => page.getByRole('button', { name: 'Today' }).click();
const span = (page: Page, part: 'start' | 'end') =>
  page.getByLabel(`Every working day span 1 ${part}`, { exact: true });

/** What the window shows around a part of Settings, as the user sees it there (the page is long). */
async function shotOf(page: Page, legend: string, name: string): Promise<void> {
  await page
    .getByRole('group', { name: legend, exact: true })
    .evaluate((element) => element.scrollIntoView());
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

async function noSidewaysScroll(page: Page): Promise<void> {
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0);
}

test.describe('the 24-hour clock in a browser that writes 12 hours (en-US), in Asia/Kolkata', () => {
  test.use({ locale: 'en-US' });

  test('the fields show 17:30, read "5pm" as 17:00, and the headline says 17:00', async ({ cadence }) => {
    const { page } = await cadence.open({
      zone: 'Asia/Kolkata',
      settings: { clock: '24h' },
      intents: emptyIntents(),
      serve: { faketime: '2026-11-25 10:30:00' },
    });
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await openSettings(page);
      await expect(span(page, 'start')).toHaveValue('09:00');
      await expect(span(page, 'end')).toHaveValue('17:30');
      await expect(page.getByLabel('Earliest start')).toHaveValue('12:00');
      await expect(page.getByLabel('Latest start')).toHaveValue('13:30');
      await shotOf(page, 'Working week', `clock-24h-working-week-${size.name}`);
      await shotOf(page, 'Lunch', `clock-24h-lunch-${size.name}`);
      await openToday(page);
      const until = page.getByLabel('Focus until');
      // Typed as a person under either clock types it; written back on the chosen clock once left.
      await until.fill('5pm');
      await until.blur();
      await expect(until).toHaveValue('17:00');
      await expect(until).not.toHaveAttribute('aria-invalid');
      // The timeline's hour lines fall on Kolkata's whole hours, written on the 24-hour clock.
      await expect(page.locator('.timeline .hour').first()).toHaveText('09:00');
      await noSidewaysScroll(page);
      await cadence.shot(`clock-24h-focus-until-${size.name}`);
    }
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Focusing until 17:00.');
    await noSeriousAxeViolations(page);
  });
});

test.describe('the 12-hour clock in a browser that writes 24 hours (en-GB), in UTC', () => {
  test('the fields show 9:00 am, read 17:30 and noon, and refuse what is no time in words', async ({
    cadence,
  }) => {
    const { page } = await cadence.open({
      zone: 'UTC',
      settings: { clock: '12h' },
      intents: emptyIntents(),
      serve: { faketime: '2026-11-25 10:30:00' },
    });
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await openToday(page);
      const until = page.getByLabel('Focus until');
      await until.fill('soon');
      await page.getByRole('button', { name: 'Start', exact: true }).click();
      const problem = page.getByText(
        'Cadence cannot read "soon" as a time: write it like 4:30 pm, 4pm or noon.',
      );
      await expect(problem).toBeVisible();
      await expect(until).toHaveAttribute('aria-invalid', 'true');
      await expect(until).toHaveAccessibleDescription(await problem.innerText());
      // Nothing was started on a time Cadence could not read.
      await expect(page.getByLabel('Status: Working')).toBeVisible();
      await noSidewaysScroll(page);
      await cadence.shot(`clock-12h-unreadable-${size.name}`);
      // Typed with the keyboard, on the 24-hour clock: read, and written back on the 12-hour one.
      await until.fill('');
      await until.pressSequentially('17:30');
      await until.press('Tab');
      await expect(until).toHaveValue('5:30 pm');
      await expect(problem).toBeHidden();
      await expect(until).not.toHaveAttribute('aria-invalid');

      await openSettings(page);
      await expect(span(page, 'start')).toHaveValue('9:00 am');
      await expect(span(page, 'end')).toHaveValue('5:30 pm');
      await page.getByLabel('Earliest start').fill('noon');
      await page.getByLabel('Earliest start').blur();
      await expect(page.getByLabel('Earliest start')).toHaveValue('12:00 pm');
      await shotOf(page, 'Working week', `clock-12h-working-week-${size.name}`);
      await shotOf(page, 'Lunch', `clock-12h-lunch-${size.name}`);
      await page.getByRole('button', { name: 'Teammates' }).click();
      await page.getByRole('button', { name: 'Add a teammate' }).click();
      const form = page.getByRole('form', { name: 'Add a teammate' });
      await expect(form.getByLabel('From')).toHaveValue('9:00 am');
      await expect(form.getByLabel('To')).toHaveValue('5:00 pm');
      await cadence.shot(`clock-12h-teammate-hours-${size.name}`);
      await form.getByRole('button', { name: 'Done' }).click();
    }
    await openToday(page);
    await page.getByLabel('Focus until').fill('5:45 PM');
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Focusing until 5:45 pm.');
    await noSeriousAxeViolations(page);
  });
});
