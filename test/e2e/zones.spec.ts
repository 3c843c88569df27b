import type { Page } from '@playwright/test';
import { expect, noSeriousAxeViolations, test } from './fixtures';
import type { RunningService } from '../fakes/processHarness';

// Zones that Intl.supportedValuesOf('timeZone') spells the old way or leaves out, as the computer
// names them, and the name Cadence stores for each.
const SYSTEM_ZONES = [
  ['Etc/UTC', 'UTC'],
  ['Asia/Kolkata', 'Asia/Kolkata'],
  ['Europe/Kyiv', 'Europe/Kyiv'],
  ['Asia/Ho_Chi_Minh', 'Asia/Ho_Chi_Minh'],
  ['America/Argentina/Buenos_Aires', 'America/Argentina/Buenos_Aires'],
] as const;
const SIZES = [
  { name: 'wide', width: 1280, height: 800 },
  { name: 'narrow', width: 420, height: 700 },
] as const;

async function settingsOf(service: RunningService): Promise<{ homeTimeZone: string; workTimeZone: string }> {
  const response = await fetch(`${service.url}/api/query/settings`, {
    method: 'POST',
    headers: { authorization: `Bearer ${service.token}`, 'content-type': 'application/json' },
    body: '{}',
  });
  return ((await response.json()) as { value: { homeTimeZone: string; workTimeZone: string } }).value;
}

async function noTravelOffer(page: Page): Promise<void> {
  await expect(page.getByRole('alert', { name: 'Time zone changed' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Move to / })).toHaveCount(0);
}

for (const [system, stored] of SYSTEM_ZONES) {
  test.describe(`a new user whose computer is on ${system}`, () => {
    test.use({ timezoneId: system });
    for (const size of SIZES) {
      test(`finishes onboarding with the defaults at ${size.width}×${size.height}`, async ({ cadence }) => {
        const { page, service } = await cadence.open({ zone: system, settings: null });
        await page.setViewportSize(size);
        const dialog = page.getByRole('dialog', { name: 'Welcome to Cadence' });
        const zone = dialog.getByRole('combobox', { name: 'Your time zone' });
        await expect(zone).toHaveValue(stored);
        await dialog.getByRole('button', { name: 'Start using Cadence' }).click();
        await expect(dialog).toHaveCount(0);
        await expect(page.getByText('Unknown time zone')).toHaveCount(0);
        expect(await settingsOf(service)).toMatchObject({ homeTimeZone: stored, workTimeZone: stored });
        // the zone just chosen is the computer's: nothing offers to move the day, now or after a reload
        await noTravelOffer(page);
        await page.reload();
        await expect(page.getByRole('button', { name: 'Settings', exact: true })).toBeVisible();
        await noTravelOffer(page);
        await page.getByRole('button', { name: 'Settings', exact: true }).click();
        await expect(page.getByRole('combobox', { name: 'Working day runs on' })).toHaveValue(stored);
        await expect(page.getByText('Your computer is set to')).toHaveCount(0);
      });
    }
  });
}

test.describe('a zone chosen in onboarding other than the computer’s', () => {
  test.use({ timezoneId: 'Asia/Kolkata' });
  test('is found by a big city in it, and no banner offers to undo it', async ({ cadence }) => {
    const { page, service } = await cadence.open({ zone: 'Asia/Kolkata', settings: null });
    const dialog = page.getByRole('dialog', { name: 'Welcome to Cadence' });
    const zone = dialog.getByRole('combobox', { name: 'Your time zone' });
    await zone.fill('munich');
    await expect(dialog.getByRole('option').first()).toContainText('Munich, Germany');
    await zone.press('ArrowDown');
    await zone.press('Enter');
    await expect(zone).toHaveValue('Europe/Berlin');
    await dialog.getByRole('button', { name: 'Start using Cadence' }).click();
    await expect(dialog).toHaveCount(0);
    expect(await settingsOf(service)).toMatchObject({ workTimeZone: 'Europe/Berlin' });
    await noTravelOffer(page);
  });
});

test.describe('adding a teammate from the window', () => {
  test.use({ timezoneId: 'Europe/Berlin' });
  test('takes every name of a zone, a city, a big city or a country', async ({ cadence }) => {
    const { page } = await cadence.open({ zone: 'Europe/Berlin', settings: { locale: 'en-GB' } });
    await page.getByRole('button', { name: 'Teammates', exact: true }).click();
    await page.getByRole('button', { name: 'Add a teammate' }).click();
    const form = page.getByRole('form', { name: 'Add a teammate' });
    const zone = form.getByRole('combobox', { name: 'Time zone' });
    const suggestions = form.getByRole('listbox');
    const row = (name: string) => page.getByRole('row').filter({ hasText: name });
    const add = async (name: string, typed: string, pick: string | null, stored: string) => {
      await form.getByLabel('Name').fill(name);
      await zone.fill(typed);
      if (pick) {
        await expect(suggestions.getByRole('option').first()).toContainText(pick);
        await expect(suggestions.getByRole('option').first()).toContainText(stored);
        await zone.press('ArrowDown');
        await zone.press('Enter');
        await expect(zone).toHaveValue(stored);
      } else await form.getByLabel('Name').click(); // leaves the field: its list closes
      await form.getByRole('button', { name: 'Add' }).click();
      await expect(form.getByRole('status')).toHaveText(`${name} was added.`);
      await expect(row(name)).toContainText(stored);
    };
    await add('Priya', 'Asia/Kolkata', null, 'Asia/Kolkata');
    await add('Arjun', 'Asia/Calcutta', null, 'Asia/Kolkata');
    await add('Kiran', 'kolkata', 'Kolkata, India', 'Asia/Kolkata');
    await add('Meera', 'mumbai', 'Mumbai, India', 'Asia/Kolkata');
    await add('Lena', 'germany', 'Berlin, Germany', 'Europe/Berlin');
    await add('Olena', 'kyiv', 'Kyiv, Ukraine', 'Europe/Kyiv');
    await add('Linh', 'ho chi minh', 'Ho Chi Minh, Vietnam', 'Asia/Ho_Chi_Minh');
    // typed and sent without picking: a city or country that names one zone is enough
    await add('Ravi', 'mumbai', null, 'Asia/Kolkata');

    for (const size of SIZES) {
      await page.setViewportSize(size);
      await zone.fill('germany');
      await expect(suggestions).toBeVisible();
      const list = await suggestions.boundingBox();
      expect(list!.x + list!.width).toBeLessThanOrEqual(size.width);
      await cadence.shot(`zone-picker-country-${size.name}`);
      await zone.fill('mumbai');
      await expect(suggestions.getByRole('option').first()).toContainText('Mumbai, India');
      await cadence.shot(`zone-picker-city-${size.name}`);
      await noSeriousAxeViolations(page);
    }
  });
});
