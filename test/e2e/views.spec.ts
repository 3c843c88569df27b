import fs from 'node:fs';
import path from 'node:path';
import { emptyIntents } from '../../shared/intents';
import { serve } from '../fakes/processHarness';
import { tempDir } from '../fakes/serviceHarness';
import type { Route } from '@playwright/test';
import { expect, noSeriousAxeViolations, test } from './fixtures';

test('first run: onboarding sets the working hours, lunch and zone', async ({ cadence }) => {
  const { page, service } = await cadence.open({ zone: 'Asia/Tokyo', settings: null });
  const dialog = page.getByRole('dialog', { name: 'Welcome to Cadence' });
  await expect(dialog.getByLabel('Your time zone')).toHaveValue('Asia/Tokyo');
  await cadence.shot('onboarding');
  await noSeriousAxeViolations(page);
  await dialog.getByLabel('Start').fill('08:00');
  await dialog.getByLabel('End', { exact: true }).fill('16:00');
  await dialog.getByRole('button', { name: 'Start using Cadence' }).click();
  await expect(dialog).toHaveCount(0);
  const settings = await fetch(`${service.url}/api/query/settings`, {
    method: 'POST',
    headers: { authorization: `Bearer ${service.token}`, 'content-type': 'application/json' },
    body: '{}',
  }).then(
    (r) =>
      r.json() as Promise<{
        value: { week: Record<string, unknown>; workTimeZone: string; onboarded: boolean };
      }>,
  );
  expect(settings.value.week['1']).toEqual([{ start: '08:00', end: '16:00', nextDay: false }]);
  expect(settings.value.workTimeZone).toBe('Asia/Tokyo');
  expect(settings.value.onboarded).toBe(true);
});

test('settings: invalid values are refused with a message by the field, and nothing is saved', async ({
  cadence,
}) => {
  const { page } = await cadence.open({ zone: 'Europe/Berlin' });
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Earliest start').fill('14:00');
  await page.getByLabel('Latest start').fill('12:00');
  await page.getByLabel('Working day runs on').fill('Mars/Base');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Those settings were not saved' })).toBeVisible();
  await expect(page.locator('.field-error').filter({ hasText: 'Unknown time zone' })).toBeVisible();
  await cadence.shot('settings-errors');
  await page.getByRole('button', { name: 'Discard changes' }).click();
  await expect(page.getByLabel('Earliest start')).toHaveValue('12:00');
  await page.getByLabel('Length (minutes)', { exact: true }).fill('30');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  await page.reload();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByLabel('Length (minutes)', { exact: true })).toHaveValue('30');
  await noSeriousAxeViolations(page);
});

test('week review: charts of the last weeks, a true sentence and the week against the usual', async ({
  cadence,
}) => {
  const { page, dir, service } = await cadence.open({ zone: 'UTC' });
  await service.stop();
  const intents = emptyIntents();
  const today = Date.now();
  for (let back = 1; back < 21; back++) {
    const day = new Date(today - back * 86_400_000);
    if (day.getUTCDay() === 0 || day.getUTCDay() === 6) continue;
    const at = (h: number) =>
      new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), h)).toISOString();
    intents.focus.push({ id: `a${back}`, startAt: at(10), plannedMinutes: back < 7 ? 90 : 50 });
    intents.lunches.push({ date: at(0).slice(0, 10), status: 'taken', startedAt: at(12), minutes: 45 });
  }
  fs.writeFileSync(path.join(dir, 'intents.json'), JSON.stringify(intents));
  const again = await serve(dir, { env: { TZ: 'UTC' } });
  await page.goto(again.windowUrl);
  await page.getByRole('button', { name: 'Week' }).click();
  // Focus went from 50 to 90 minutes a day in the last week: the review says it against the usual.
  // On a Monday the review is of last week whole, against the week(s) before it; on other days it is
  // this week so far against your last weeks.
  await expect(page.locator('.review-sentence').first()).toBeVisible();
  await expect(
    page.getByRole('table', {
      name: /^(This week against your last (\d )?weeks?|Last week against the (\d )?weeks? before)$/,
    }),
  ).toBeVisible();
  await expect(page.locator('.chart canvas')).toHaveCount(2);
  await cadence.shot('week-review');
  await noSeriousAxeViolations(page);
  await again.stop();
});

test('a lost connection shows a banner and reconnects by itself', async ({ cadence }) => {
  const allDay = [{ start: '00:00', end: '23:59' }];
  const { page, dir, service } = await cadence.open({
    zone: 'UTC',
    settings: {
      week: { '1': allDay, '2': allDay, '3': allDay, '4': allDay, '5': allDay, '6': allDay, '7': allDay },
      weekendDays: [],
    },
  });
  await expect(page.getByLabel(/^Status:/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Focus 25 min' })).toBeEnabled();
  await service.stop('SIGKILL');
  await expect(page.getByRole('alert').filter({ hasText: 'Lost the connection to Cadence' })).toContainText(
    /What you see is as of \d?\d:\d\d; buttons come back with the connection\./,
  );
  // The pill says so, the day stays on screen, and what needs the service cannot be pressed.
  await expect(page.getByLabel('Status: Not connected')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Focus 25 min' })).toBeDisabled();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('button', { name: 'Save settings' })).toBeDisabled();
  await page.getByRole('button', { name: 'Today' }).click();
  await cadence.shot('connection-lost');
  const again = await serve(dir, { env: { TZ: 'UTC' }, args: ['--port', String(service.port)] });
  await expect(page.getByRole('alert').filter({ hasText: 'Lost the connection' })).toHaveCount(0, {
    timeout: 15_000,
  });
  await expect(page.getByLabel(/^Status: (?!Not connected)/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Focus 25 min' })).toBeEnabled();
  await again.stop();
});

test('a view opened while Cadence is stopped opens when it is back, with unsaved settings kept', async ({
  cadence,
}) => {
  const { page, dir, service } = await cadence.open({ zone: 'UTC' });
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Length (minutes)', { exact: true }).fill('35');
  await service.stop('SIGKILL');
  await expect(page.getByLabel('Status: Not connected')).toBeVisible();
  // The week review's code is fetched on its first opening: now, from a service that is gone.
  await page.getByRole('button', { name: 'Week' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'The week review could not be loaded' }),
  ).toBeVisible();
  const again = await serve(dir, { env: { TZ: 'UTC' }, args: ['--port', String(service.port)] });
  await expect(page.getByRole('heading', { name: /^(This week so far|Last week)$/ })).toBeVisible({
    timeout: 15_000,
  });
  await expect(page.getByRole('button', { name: 'Week' })).toHaveAttribute('aria-current', 'page');
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByLabel('Length (minutes)', { exact: true })).toHaveValue('35');
  await again.stop();
});

test('code that failed to load (Cadence stopping while it came) loads when the window has reloaded itself', async ({
  cadence,
  page,
}) => {
  // Code the week view needs fails while the page waits for it, as when Cadence stops mid-answer. The
  // browser keeps that failure for the page's life: only a new page can load the view.
  const weekCode = /\/assets\/weekStart-[^/]+\.js$/;
  const waiting: Route[] = [];
  let holding = true;
  await page.route(weekCode, (route) => (holding ? void waiting.push(route) : route.continue()));
  await cadence.open({ zone: 'UTC' });
  await page.getByRole('button', { name: 'Week' }).click();
  await expect.poll(() => waiting.length).toBeGreaterThan(0);
  holding = false;
  for (const route of waiting) await route.abort('connectionreset');
  await expect(page.getByRole('heading', { name: /^(This week so far|Last week)$/ })).toBeVisible({
    timeout: 15_000,
  });
  await expect(page.getByRole('button', { name: 'Week' })).toHaveAttribute('aria-current', 'page');
});

test('after travel, Today asks once whether to move the working day', async ({ cadence }) => {
  const { page, service } = await cadence.open({
    zone: 'America/New_York',
    settings: { homeTimeZone: 'Europe/Berlin', workTimeZone: 'Europe/Berlin' },
  });
  const banner = page.getByRole('alert', { name: 'Time zone changed' });
  await expect(banner).toContainText('Your computer is now on America/New_York time.');
  await cadence.shot('today-travel');
  await banner.getByRole('button', { name: 'Move to America/New_York' }).click();
  await expect(banner).toHaveCount(0);
  const status = await fetch(`${service.url}/api/query/status`, {
    method: 'POST',
    headers: { authorization: `Bearer ${service.token}`, 'content-type': 'application/json' },
    body: '{}',
  }).then((r) => r.json() as Promise<{ value: { timeZone: string } }>);
  expect(status.value.timeZone).toBe('America/New_York');
});

test('follows the dark theme, with readable contrast', async ({ cadence, page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const allDay = [{ start: '00:00', end: '23:59' }];
  await cadence.open({
    settings: {
      week: { '1': allDay, '2': allDay, '3': allDay, '4': allDay, '5': allDay, '6': allDay, '7': allDay },
      weekendDays: [],
    },
  });
  await page.getByRole('button', { name: 'Focus 50 min' }).click();
  await expect(page.getByLabel('Status: Focusing')).toBeVisible();
  const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(background).toBe('rgb(21, 23, 28)');
  await cadence.shot('today-dark');
  await noSeriousAxeViolations(page);
});

test('a problem is said once and can be dismissed for the session', async ({ cadence }) => {
  const broken = path.join(tempDir('cadence-org-'), 'cadence-organisation.json');
  fs.writeFileSync(broken, '{ not json');
  const { page } = await cadence.open({ serve: { env: { CADENCE_ORGANISATION_FILE: broken } } });
  const banner = page.getByRole('status').filter({ hasText: 'cadence-organisation.json is not valid JSON' });
  await expect(banner).toHaveCount(1);
  await banner.getByRole('button', { name: 'Dismiss' }).click();
  await expect(banner).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(banner).toHaveCount(0);
  fs.rmSync(path.dirname(broken), { recursive: true, force: true });
});
