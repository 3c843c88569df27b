import type { Locator, Page } from '@playwright/test';
import { DEFAULT_TEAMMATE_WEEK, emptyIntents, type Teammate } from '../../shared/intents';
import { expect, noSeriousAxeViolations, test, type CadenceFixture } from './fixtures';
import { manyTeammates } from '../fakes/teammateFixtures';

// A Wednesday afternoon in Berlin; the user works 09:00–17:30 (the default week).
const AFTERNOON = '2026-11-25 16:00:00';
const BERLIN = 'Europe/Berlin';
const SIZES = [
  { name: 'wide', width: 1280, height: 800 },
  { name: 'narrow', width: 420, height: 700 },
] as const;
const THEMES = ['light', 'dark'] as const;

function person(name: string, timeZone: string, week: Teammate['week'] = DEFAULT_TEAMMATE_WEEK): Teammate {
  return { id: name.toLowerCase(), name, timeZone, week, weekendDays: [6, 7], source: 'manual' };
}

async function openTeammates(open: CadenceFixture['open'], teammates: Teammate[]) {
  const { page, service } = await open({
    zone: BERLIN,
    settings: { locale: 'en-GB' },
    intents: { ...emptyIntents(), teammates },
    serve: { faketime: AFTERNOON },
  });
  await page.getByRole('button', { name: 'Teammates', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Teammates' })).toBeVisible();
  return { page, service };
}

const row = (page: Page, name: string) => page.getByRole('row').filter({ hasText: name });

/** Where a part of a bar sits along it, as fractions of the bar (the user's day). */
async function along(bar: Locator, part: Locator): Promise<{ from: number; to: number }> {
  const [outer, inner] = [await bar.boundingBox(), await part.boundingBox()];
  if (!outer || !inner) throw new Error('bar not drawn');
  // the bar has a one-pixel border
  const width = outer.width - 2;
  return { from: (inner.x - outer.x - 1) / width, to: (inner.x + inner.width - outer.x - 1) / width };
}

/** Nothing wider than the window, and no two cells of a teammate's row on top of each other. */
async function fitsTheWindow(page: Page): Promise<void> {
  const sideways = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(sideways).toBeLessThanOrEqual(0);
  // After a resize the list measures its rows again (three lines each in a narrow window): the layout
  // is checked once it has settled, not in the frame between.
  const overlaps = () =>
    page.evaluate(() => {
      const found: string[] = [];
      for (const row of document.querySelectorAll('.teammate-row:not(.teammate-heads)')) {
        const cells = [...row.querySelectorAll(':scope > [role=cell]')]
          .map((cell) => ({ cell, box: cell.getBoundingClientRect() }))
          .filter(({ box }) => box.width > 0 && box.height > 0);
        const outer = row.getBoundingClientRect();
        for (const [i, a] of cells.entries()) {
          if (a.box.right > outer.right + 0.5 || a.box.bottom > outer.bottom + 0.5)
            found.push(`${row.textContent}: cell ${i} overflows its row`);
          for (const b of cells.slice(i + 1)) {
            const apart =
              a.box.right <= b.box.left ||
              b.box.right <= a.box.left ||
              a.box.bottom <= b.box.top ||
              b.box.bottom <= a.box.top;
            if (!apart) found.push(`${row.textContent}: cells overlap`);
          }
          // text cut off sideways inside a cell
          for (const text of a.cell.querySelectorAll('strong, span, button')) {
            const box = text.getBoundingClientRect();
            if (
              box.width > 0 &&
              box.right > a.box.right + 0.5 &&
              getComputedStyle(text).overflow !== 'hidden'
            )
              found.push(`${row.textContent}: "${text.textContent}" sticks out of its cell`);
          }
        }
      }
      return found;
    });
  await expect.poll(overlaps).toEqual([]);
}

test.describe('teammates', () => {
  test('each day bar is drawn on your day, with your working hours as a band and a line at now', async ({
    cadence,
  }) => {
    const { page } = await openTeammates(cadence.open, [
      person('Ana', 'America/New_York'),
      person('Ken', 'Asia/Tokyo'),
      person('Mia', 'Australia/Sydney'),
      person('Lea', BERLIN),
    ]);
    const bar = (name: string) => row(page, name).locator('.daybar');
    // New York's nine to five is 15:00–23:00 on a Berlin clock, Tokyo's 01:00–09:00
    const ana = await along(bar('Ana'), bar('Ana').locator('.daybar-work'));
    expect(ana.from).toBeCloseTo(15 / 24, 2);
    expect(ana.to).toBeCloseTo(23 / 24, 2);
    const ken = await along(bar('Ken'), bar('Ken').locator('.daybar-work'));
    expect(ken.from).toBeCloseTo(1 / 24, 2);
    expect(ken.to).toBeCloseTo(9 / 24, 2);
    // Sydney's Wednesday ends at 07:00 here, and its Thursday starts at 23:00
    await expect(bar('Mia').locator('.daybar-work')).toHaveCount(2);
    await expect(row(page, 'Mia')).toContainText('Working until 7:00 and from 23:00 your time');
    await expect(row(page, 'Ana')).toContainText('Working 15:00–23:00 your time');
    // your own hours, 09:00–17:30, as the same band in every bar; now at 16:00
    for (const name of ['Ana', 'Ken', 'Lea']) {
      const band = await along(bar(name), bar(name).locator('.daybar-you'));
      expect(band.from).toBeCloseTo(9 / 24, 2);
      expect(band.to).toBeCloseTo(17.5 / 24, 2);
      const now = await along(bar(name), bar(name).locator('.daybar-now'));
      expect(now.from).toBeCloseTo(16 / 24, 2);
    }
    await expect(page.getByRole('columnheader', { name: 'Working hours on Your day' })).toContainText(
      '12:00',
    );
    for (const size of SIZES) {
      await page.setViewportSize(size);
      for (const theme of THEMES) {
        await page.emulateMedia({ colorScheme: theme });
        await fitsTheWindow(page);
        await cadence.shot(`teammates-${size.name}-${theme}`);
        await noSeriousAxeViolations(page);
      }
    }
  });

  test('filter by name, zone or city; group by the time their clocks show; next overlap in words', async ({
    cadence,
  }) => {
    const { page } = await openTeammates(cadence.open, [
      person('Lea', BERLIN),
      person('Pia', 'Europe/Paris'),
      person('Petr', 'Europe/Prague'),
      person('Zoe', 'Europe/Zurich'),
      person('Ana', 'America/New_York'),
      person('Ken', 'Asia/Tokyo'),
      person('Ravi', 'Asia/Kolkata'),
    ]);
    const teammateRows = page.locator('.teammate-row:not(.teammate-heads)');
    await expect(teammateRows).toHaveCount(7);
    const filter = page.getByLabel('Filter');
    await filter.fill('new york');
    await expect(teammateRows).toHaveCount(1);
    await expect(teammateRows).toContainText('Ana');
    await filter.fill('EUROPE');
    await expect(teammateRows).toHaveCount(4);
    await filter.fill('zurich');
    await expect(teammateRows).toHaveText(/Zoe/);
    await expect(page.getByText('1 of 7')).toBeVisible();
    await filter.fill('ke');
    await expect(teammateRows).toHaveText(/Ken/);
    await filter.fill('');

    await page.getByLabel('Group by local time').check();
    const groups = page.locator('.zone-header');
    await expect(groups).toHaveText([
      'New York · 6 h behind you · 1 person',
      'Berlin, Paris, Prague, Zurich · same time as you · 4 people',
      'Kolkata · 4 h 30 min ahead of you · 1 person',
      'Tokyo · 8 h ahead of you · 1 person',
    ]);

    // New York works 15:00–23:00 here, Kolkata 04:30–12:30, Tokyo 01:00–09:00: never with 09:00–17:30
    await expect(row(page, 'Ana')).toContainText('Overlap now, until 17:30');
    await expect(row(page, 'Ravi')).toContainText('Overlap tomorrow, 9:00–12:30');
    await expect(row(page, 'Ken')).toContainText('No overlap in the next two weeks');
    for (const size of SIZES) {
      await page.setViewportSize(size);
      for (const theme of THEMES) {
        await page.emulateMedia({ colorScheme: theme });
        await fitsTheWindow(page);
        await cadence.shot(`teammates-grouped-${size.name}-${theme}`);
        await noSeriousAxeViolations(page);
      }
    }
  });

  test('the add form is folded until wanted; a zone is found by its city; errors speak to people', async ({
    cadence,
  }) => {
    const { page } = await openTeammates(cadence.open, [person('Ana', 'America/New_York')]);
    const toggle = page.getByRole('button', { name: 'Add a teammate' });
    const form = page.getByRole('form', { name: 'Add a teammate' });
    // folded: from the button, the next stop is the list's filter
    await expect(form).toHaveCount(0);
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await toggle.focus();
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Filter')).toBeFocused();

    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(form.getByLabel('Name')).toBeFocused();
    await page.keyboard.type('Sam');
    const zone = form.getByRole('combobox', { name: 'Time zone' });
    await zone.fill('new york');
    const suggestions = form.getByRole('listbox');
    await expect(suggestions.getByRole('option').first()).toContainText('New York');
    await zone.press('ArrowDown');
    await expect(suggestions.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
    await zone.press('Enter');
    await expect(zone).toHaveValue('America/New_York');
    await expect(suggestions).toBeHidden();
    await form.getByRole('button', { name: 'Add' }).click();
    await expect(form.getByRole('status')).toHaveText('Sam was added.');
    await expect(row(page, 'Sam')).toContainText('America/New_York');
    // ready for the next person
    await expect(form.getByLabel('Name')).toBeFocused();

    // a city alone is enough when it names one zone
    await form.getByLabel('Name').fill('Rui');
    await zone.fill('lisbon');
    await zone.press('Escape');
    await expect(form).toBeVisible();
    await form.getByLabel('From').fill('07:00');
    await form.getByLabel('To').fill('15:00');
    await form.getByRole('button', { name: 'Add' }).click();
    await expect(row(page, 'Rui')).toContainText('Europe/Lisbon');
    // The form is cleared once the service has answered: only then is it ready for the next name,
    // and nothing of Rui stays in it, his hours included.
    await expect(form.getByRole('status')).toHaveText('Rui was added.');
    // On the user's clock (the en-GB locale's here, which writes 9:00).
    await expect(form.getByLabel('From')).toHaveValue(/^0?9:00$/);
    await expect(form.getByLabel('To')).toHaveValue('17:00');

    // a name already in the list is flagged, not refused
    await form.getByLabel('Name').fill('ana');
    await expect(form.getByRole('note')).toContainText('There is already a teammate called ana');
    await form.getByLabel('Name').fill('Zed');
    await expect(form.getByRole('note')).toHaveCount(0);

    await zone.fill('Mars/Base');
    await form.getByRole('button', { name: 'Add' }).click();
    await expect(form.getByText('Unknown time zone — try a city like Europe/Lisbon')).toBeVisible();
    await expect(zone).toBeFocused();
    await expect(zone).toHaveAttribute('aria-invalid', 'true');
    await expect(row(page, 'Zed')).toHaveCount(0);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      for (const theme of THEMES) {
        await page.emulateMedia({ colorScheme: theme });
        await fitsTheWindow(page);
        await cadence.shot(`teammates-form-${size.name}-${theme}`);
        await noSeriousAxeViolations(page);
      }
    }
    // the open suggestions too, at the narrow size
    await zone.fill('san');
    await expect(suggestions).toBeVisible();
    await fitsTheWindow(page);
    const list = await suggestions.boundingBox();
    expect(list!.x + list!.width).toBeLessThanOrEqual(420);
    await cadence.shot('teammates-zone-picker-narrow-dark');
    await noSeriousAxeViolations(page);

    // folding it again puts the focus back on the button that opened it
    await zone.press('Escape');
    await zone.press('Escape');
    await expect(form).toHaveCount(0);
    await expect(toggle).toBeFocused();
  });

  for (const [size, theme] of [
    [SIZES[0], 'light'],
    [SIZES[1], 'dark'],
  ] as const) {
    test(`removing someone can be undone, with their hours; the focus stays in the list (${size.name}, ${theme})`, async ({
      cadence,
    }) => {
      const tenToFive = [{ start: '10:00', end: '17:00' }];
      const week = {
        '1': tenToFive,
        '2': tenToFive,
        '3': tenToFive,
        '4': tenToFive,
        '5': tenToFive,
        '6': [],
        '7': [],
      };
      const { page, service } = await openTeammates(cadence.open, [
        person('Ana', BERLIN),
        person('Rui', 'Europe/Lisbon', week),
        person('Zoe', 'Europe/Zurich'),
      ]);
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme: theme });
      await page.getByLabel('Sort by').selectOption('name');
      await row(page, 'Rui').getByRole('button', { name: 'Remove Rui' }).click();
      await expect(row(page, 'Rui')).toHaveCount(0);
      // not the page: the next teammate's button
      await expect(page.getByRole('button', { name: 'Remove Zoe' })).toBeFocused();
      const notice = page.getByRole('alert').filter({ hasText: 'Rui was removed.' });
      await fitsTheWindow(page);
      await noSeriousAxeViolations(page);
      await notice.getByRole('button', { name: 'Undo' }).click();
      await expect(row(page, 'Rui')).toHaveCount(1);
      await expect(page.getByRole('button', { name: 'Remove Rui' })).toBeFocused();
      const stored = await fetch(`${service.url}/api/query/teammates`, {
        method: 'POST',
        headers: { authorization: `Bearer ${service.token}`, 'content-type': 'application/json' },
        body: '{}',
      }).then((r) => r.json() as Promise<{ value: { name: string; todayBar: unknown[] }[] }>);
      expect(stored.value.find((t) => t.name === 'Rui')).toMatchObject({
        todayBar: [{ from: 10 / 24, to: 17 / 24 }],
      });

      // the last one removed: the focus goes to the filter
      await page.getByLabel('Filter').fill('zoe');
      await row(page, 'Zoe').getByRole('button', { name: 'Remove Zoe' }).click();
      await expect(page.getByLabel('Filter')).toBeFocused();
    });
  }

  test('2,000 people render as a virtual list, filter and group at once', async ({ cadence }) => {
    const { page } = await openTeammates(cadence.open, manyTeammates(2000));
    await expect(page.getByText('2000 of 2000')).toBeVisible();
    const rendered = await page.locator('.teammate-row:not(.teammate-heads)').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(40);
    await page.getByLabel('Filter').fill('Person 1999');
    await expect(page.locator('.teammate-row:not(.teammate-heads)')).toHaveCount(1);
    await expect(page.getByText('1 of 2000')).toBeVisible();
    await page.getByLabel('Filter').fill('lisbon');
    await page.getByLabel('Group by local time').check();
    await expect(page.locator('.zone-header')).toHaveText(['Lisbon · 1 h behind you · 400 people']);
  });
});
