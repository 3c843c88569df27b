import type { Locator, Page } from '@playwright/test';
import type { RunningService } from '../fakes/processHarness';
import type { Settings } from '../../shared/settings';
import { expect, noSeriousAxeViolations, test } from './fixtures';

const SIZES = [
  { name: 'wide', width: 1280, height: 800 },
  { name: 'popover', width: 420, height: 700 },
] as const;
const THEMES = ['light', 'dark'] as const;
/** What a validator says in its own words; Cadence never shows these. */
const VALIDATOR_WORDS = /Too (small|big)|Invalid|expected \w+ to be|received|>=|<=|NaN/;

async function savedSettings(service: RunningService): Promise<Settings> {
  const answer = await fetch(`${service.url}/api/query/settings`, {
    method: 'POST',
    headers: { authorization: `Bearer ${service.token}`, 'content-type': 'application/json' },
    body: '{}',
  }).then((r) => r.json() as Promise<{ value: Settings }>);
  return answer.value;
}

/** The message a field is described by, read the way a screen reader finds it. */
async function problemOf(field: Locator): Promise<string> {
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  const id = await field.getAttribute('aria-describedby');
  expect(id).toBeTruthy();
  return (await field.page().locator(`[id="${id}"]`).textContent()) ?? '';
}

/** Nothing scrolls sideways, and no two controls cover each other (the sticky save bar aside). */
async function fitsTheWindow(page: Page, scope: string): Promise<void> {
  const layout = await page.evaluate((selector) => {
    const root = document.documentElement;
    const boxes = [...document.querySelectorAll(`${selector} :is(input, select, button, .field-error)`)]
      .filter((element) => !element.closest('.save-bar') && element.getClientRects().length > 0)
      .map((element) => {
        const box = element.getBoundingClientRect();
        return { what: element.outerHTML.slice(0, 80), box };
      });
    const overlaps: string[] = [];
    boxes.forEach((a, i) =>
      boxes.slice(i + 1).forEach((b) => {
        const apart =
          a.box.right <= b.box.left + 1 ||
          b.box.right <= a.box.left + 1 ||
          a.box.bottom <= b.box.top + 1 ||
          b.box.bottom <= a.box.top + 1;
        if (!apart) overlaps.push(`${a.what} × ${b.what}`);
      }),
    );
    return { sideways: root.scrollWidth - root.clientWidth, overlaps };
  }, scope);
  expect(layout.overlaps).toEqual([]);
  expect(layout.sideways).toBeLessThanOrEqual(0);
}

const openSettings = async (page: Page) => page.getByRole('button', { name: 'Settings' }).click();
const span = (page: Page, name: string, part: 'start' | 'end' | 'ends the next day') =>
  page.getByLabel(`${name} ${part}`, { exact: true });

test('a night shift: an end before the start is refused by the field until it is said to end the next day', async ({
  cadence,
  page,
}) => {
  const { service } = await cadence.open({ zone: 'Europe/Berlin' });
  await openSettings(page);
  const end = span(page, 'Every working day span 1', 'end');
  await span(page, 'Every working day span 1', 'start').fill('22:00');
  await end.fill('06:00');
  expect(await problemOf(end)).toBe("Ends before it starts — tick 'ends the next day' for a night shift");
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Those settings were not saved' })).toContainText(
    'One field needs a fix',
  );
  await expect(end).toBeFocused();
  expect((await savedSettings(service)).week['1']).toEqual([{ start: '09:00', end: '17:30' }]);

  await span(page, 'Every working day span 1', 'ends the next day').check();
  await expect(end).not.toHaveAttribute('aria-invalid');
  const save = page.getByRole('button', { name: 'Save settings' });
  await save.click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  await expect(save).toBeFocused();
  const night = [{ start: '22:00', end: '06:00', nextDay: true }];
  const saved = await savedSettings(service);
  expect(['1', '2', '3', '4', '5'].map((day) => saved.week[day as '1'])).toEqual(Array(5).fill(night));

  // Ticked for a span that ends later the same day, the box is refused too.
  await span(page, 'Every working day span 1', 'end').fill('23:00');
  expect(await problemOf(end)).toBe("Ends later the same day — untick 'ends the next day'");
  await expect(page.getByText('Settings saved.')).toHaveCount(0);
  await expect(page.getByText('Unsaved changes')).toBeVisible();
});

test('a settings file written before the tick box keeps its night shift, shown ticked', async ({
  cadence,
  page,
}) => {
  const night = [{ start: '22:00', end: '06:00' }];
  const { service } = await cadence.open({
    zone: 'Europe/Berlin',
    settings: { week: { '1': night, '2': night, '3': night, '4': night, '5': [], '6': [], '7': [] } },
  });
  await openSettings(page);
  await expect(page.getByLabel('Same hours every working day')).not.toBeChecked();
  await expect(span(page, 'Monday span 1', 'ends the next day')).toBeChecked();
  await expect(span(page, 'Monday span 1', 'end')).not.toHaveAttribute('aria-invalid');
  await expect(page.getByText('Unsaved changes')).toHaveCount(0);
  await page.getByLabel('Length (minutes)', { exact: true }).fill('30');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  expect((await savedSettings(service)).week['1']).toEqual([{ ...night[0], nextDay: true }]);
});

test('the same hours on every working day are one edit; days can differ, and working days are chosen', async ({
  cadence,
  page,
}) => {
  const { service } = await cadence.open({ zone: 'Europe/Berlin' });
  await openSettings(page);
  await expect(page.getByLabel('Same hours every working day')).toBeChecked();
  await span(page, 'Every working day span 1', 'end').fill('16:00');
  await page.getByRole('group', { name: 'Working days' }).getByLabel('Saturday').check();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  let saved = await savedSettings(service);
  const early = [{ start: '09:00', end: '16:00', nextDay: false }];
  expect(['1', '2', '3', '4', '5', '6'].map((day) => saved.week[day as '1'])).toEqual(Array(6).fill(early));
  expect(saved.weekendDays).toEqual([7]);

  await page.getByLabel('Same hours every working day').uncheck();
  await span(page, 'Friday span 1', 'end').fill('13:00');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  saved = await savedSettings(service);
  expect(saved.week['5']).toEqual([{ start: '09:00', end: '13:00', nextDay: false }]);
  expect(saved.week['4']).toEqual(early);
  await page.reload();
  await openSettings(page);
  await expect(page.getByLabel('Same hours every working day')).not.toBeChecked();
  await expect(span(page, 'Friday span 1', 'end')).toHaveValue('13:00');
});

test('every field says its problem in Cadence’s words, by the field, and the first one gets the keyboard', async ({
  cadence,
  page,
}) => {
  await cadence.open({ zone: 'Europe/Berlin' });
  await openSettings(page);
  const bad: [string, string][] = [
    ['Public holidays of (country code)', 'D1'],
    ['Days off (dates, comma-separated)', '2026-12-24, tomorrow'],
    ['Length (minutes)', '5'],
    ['Prompt this many minutes before the end', '-1'],
    ['Allow snoozing up to (minutes past the end)', ''],
    ['Home time zone', 'Mars/Base'],
    ['Working day runs on', 'Atlantis'],
    ['Lengths offered (minutes, comma-separated)', '25, soon'],
    ['Default length (minutes)', '1000'],
    ['Words that make a message urgent', 'x'.repeat(41)],
    ['Always let through messages from', 'y'.repeat(81)],
    ['Shortcut that toggles focus (desktop app)', 'press F'],
  ];
  for (const [label, value] of bad) await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByLabel('Earliest start').fill('14:00');
  await page.getByLabel('Latest start').fill('12:00');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Those settings were not saved' })).toContainText(
    '13 fields need a fix',
  );
  await expect(page.getByLabel('Public holidays of (country code)')).toBeFocused();
  const problems: Record<string, string> = {};
  for (const label of [...bad.map(([field]) => field), 'Latest start'])
    problems[label] = await problemOf(page.getByLabel(label, { exact: true }));
  for (const [label, problem] of Object.entries(problems))
    expect(problem, label).not.toMatch(VALIDATOR_WORDS);
  expect(problems).toMatchObject({
    'Home time zone': 'Unknown time zone — try a city like Europe/Lisbon',
    'Working day runs on': 'Unknown time zone — try a city like Europe/Lisbon',
    'Allow snoozing up to (minutes past the end)': 'expected a number',
    'Length (minutes)': 'use 10 or more',
    'Latest start': 'the latest lunch start must not be before the earliest',
  });
  await noSeriousAxeViolations(page);
});

test('unsaved edits stay through a visit to another view, until saved or discarded', async ({
  cadence,
  page,
}) => {
  const { service } = await cadence.open({ zone: 'Europe/Berlin' });
  await openSettings(page);
  const length = page.getByLabel('Length (minutes)', { exact: true });
  await length.fill('30');
  await page.getByLabel('Lengths offered (minutes, comma-separated)').fill('20, 40, ');
  await expect(page.getByText('Unsaved changes')).toBeVisible();
  await page.getByRole('button', { name: 'Today' }).click();
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Settings');
  await openSettings(page);
  await expect(length).toHaveValue('30');
  await expect(page.getByLabel('Lengths offered (minutes, comma-separated)')).toHaveValue('20, 40');
  await expect(page.getByText('Unsaved changes')).toBeVisible();
  expect((await savedSettings(service)).lunch.minutes).toBe(45);
  await page.getByRole('button', { name: 'Discard changes' }).click();
  await expect(length).toHaveValue('45');
  await expect(page.getByText('Unsaved changes')).toHaveCount(0);
  await length.fill('50');
  await page.getByRole('button', { name: 'Today' }).click();
  await openSettings(page);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  await expect(page.getByText('Unsaved changes')).toHaveCount(0);
  expect((await savedSettings(service)).lunch.minutes).toBe(50);
});

test('onboarding asks for the working days, a night shift only when ticked, and a known zone', async ({
  cadence,
  page,
}) => {
  const { service } = await cadence.open({ zone: 'Europe/Lisbon', settings: null });
  const dialog = page.getByRole('dialog', { name: 'Welcome to Cadence' });
  const days = dialog.getByRole('group', { name: 'Which days do you work?' });
  for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])
    await days.getByLabel(day).uncheck();
  await expect(days.getByText('Pick at least one working day')).toBeVisible();
  for (const day of ['Thursday', 'Friday', 'Saturday', 'Sunday']) await days.getByLabel(day).check();
  await expect(days.getByText('Pick at least one working day')).toHaveCount(0);
  await dialog.getByLabel('Start', { exact: true }).fill('22:00');
  const end = dialog.getByLabel('End', { exact: true });
  await end.fill('06:00');
  await dialog.getByLabel('Your time zone').fill('Atlantis');
  await dialog.getByRole('button', { name: 'Start using Cadence' }).click();
  await expect(end).toBeFocused();
  expect(await problemOf(end)).toBe("Ends before it starts — tick 'ends the next day' for a night shift");
  expect(await problemOf(dialog.getByLabel('Your time zone'))).toBe(
    'Unknown time zone — try a city like Europe/Lisbon',
  );
  await noSeriousAxeViolations(page);
  await dialog.getByLabel('ends the next day').check();
  // A city naming one zone is enough: chosen from the suggestions with the keyboard.
  await dialog.getByLabel('Your time zone').fill('lisbon');
  await page.keyboard.press('Escape');
  await dialog.getByRole('button', { name: 'Start using Cadence' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Today' })).toBeFocused();
  const saved = await savedSettings(service);
  const night = [{ start: '22:00', end: '06:00', nextDay: true }];
  expect(saved.week).toEqual({ '1': [], '2': [], '3': [], '4': night, '5': night, '6': night, '7': night });
  expect(saved.weekendDays).toEqual([1, 2, 3]);
  expect(saved.workTimeZone).toBe('Europe/Lisbon');
});

for (const size of SIZES) {
  for (const theme of THEMES) {
    test(`settings fit a ${size.name} window in the ${theme} theme, errors and all`, async ({
      cadence,
      page,
    }) => {
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme: theme });
      await cadence.open({ zone: 'Europe/Berlin' });
      await page.getByRole('button', { name: 'Settings' }).click();
      await page.getByLabel('Same hours every working day').uncheck();
      await span(page, 'Monday span 1', 'start').fill('22:00');
      await span(page, 'Monday span 1', 'end').fill('06:00');
      await page.getByRole('button', { name: 'Add a span to Tuesday' }).click();
      await span(page, 'Tuesday span 2', 'ends the next day').check();
      await page.getByLabel('Length (minutes)', { exact: true }).fill('5');
      await page.getByLabel('Home time zone').fill('Mars/Base');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await expect(
        page.getByRole('alert').filter({ hasText: 'Those settings were not saved' }),
      ).toBeVisible();
      await cadence.shot(`settings-${size.name}-${theme}`);
      await fitsTheWindow(page, '.settings');
      await noSeriousAxeViolations(page);
    });

    test(`onboarding fits a ${size.name} window in the ${theme} theme`, async ({ cadence, page }) => {
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme: theme });
      await cadence.open({ zone: 'Europe/Lisbon', settings: null });
      const dialog = page.getByRole('dialog', { name: 'Welcome to Cadence' });
      await expect(dialog).toBeVisible();
      await cadence.shot(`onboarding-${size.name}-${theme}`);
      await fitsTheWindow(page, '.onboarding');
      await noSeriousAxeViolations(page);
    });
  }
}

test('onboarding starts with the keyboard in its first field and keeps it inside', async ({
  cadence,
  page,
}) => {
  await cadence.open({ zone: 'Europe/Lisbon', settings: null });
  const dialog = page.getByRole('dialog', { name: 'Welcome to Cadence' });
  await expect(dialog.getByRole('checkbox', { name: 'Monday' })).toBeFocused();
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press(i % 7 === 6 ? 'Shift+Tab' : 'Tab');
    expect(await dialog.evaluate((box) => box.contains(document.activeElement))).toBe(true);
  }
  // There is no leaving a first start with Escape: the dialog stays until it is done.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeVisible();
});
