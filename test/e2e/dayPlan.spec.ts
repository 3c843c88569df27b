import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { emptyIntents, type Intents } from '../../shared/intents';
import { expect, test } from './fixtures';

// A working week in Berlin (Mon–Fri 09:00–17:30, lunch from 12:00 for 45 minutes), at chosen instants.
const ZONE = 'Europe/Berlin';
const SIZES = [
  { name: 'wide', width: 1280, height: 800 },
  { name: 'popover', width: 420, height: 700 },
] as const;

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

async function noSidewaysScroll(page: Page): Promise<void> {
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0);
}

/** Monday 23 November closed with two priorities; Tuesday never closed. */
function mondayClosed(): Intents {
  const intents = emptyIntents();
  intents.shutdowns.push({
    date: '2026-11-23',
    completedAt: '2026-11-23T16:30:00.000Z',
    done: '',
    carryOver: '',
    priorities: ['Ship the importer', 'Review Ana’s PR'],
  });
  return intents;
}

test.describe('priorities, ticked and carried (under libfaketime)', () => {
  test('ticked on Today, carried by the ritual with the day they come from', async ({ cadence }) => {
    const { page, service } = await cadence.open({
      zone: ZONE,
      intents: mondayClosed(),
      serve: { faketime: '2026-11-24 17:22:00' },
    });
    const list = page.getByRole('list', { name: "Today's priorities" });
    await expect(list.getByRole('listitem')).toHaveText(['Ship the importer', 'Review Ana’s PR']);
    await list.getByRole('checkbox', { name: 'Review Ana’s PR' }).check();
    await expect(list.getByRole('checkbox', { name: 'Review Ana’s PR' })).toBeChecked();
    // Kept: a reload shows it ticked.
    await page.reload();
    await expect(page.getByRole('checkbox', { name: 'Review Ana’s PR' })).toBeChecked();

    const opener = page.getByRole('button', { name: 'Close the day' }).first();
    await opener.click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('list', { name: /tick what is done/ }).getByRole('checkbox')).toHaveCount(
      2,
    );
    await dialog.getByRole('button', { name: 'Next' }).click();
    // What is not done is offered to carry, ticked by default.
    await expect(dialog.getByRole('group', { name: 'Not done yet: carry to tomorrow?' })).toBeVisible();
    await expect(dialog.getByRole('checkbox', { name: 'Ship the importer' })).toBeChecked();
    await expect(dialog.getByRole('checkbox', { name: 'Review Ana’s PR' })).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Next' }).click();
    await expect(dialog).toContainText('Carried: Ship the importer');
    // Enter takes a priority and moves to the next box, and from the last to the final step.
    await dialog.getByLabel('Priority 1').fill('Write the release notes');
    await page.keyboard.press('Enter');
    await expect(dialog.getByLabel('Priority 2')).toBeFocused();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('heading')).toHaveText('Ready to close the day?');
    await dialog.getByRole('button', { name: 'Close the day' }).click();
    await expect(dialog).toContainText('Day closed');
    const wednesday = await fetch(`${service.url}/api/query/plan`, {
      method: 'POST',
      headers: { authorization: `Bearer ${service.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ date: '2026-11-25' }),
    }).then((r) => r.json() as Promise<{ value: { agenda: { items: unknown[] } } }>);
    expect(wednesday.value.agenda.items).toEqual([
      { text: 'Write the release notes', from: null, done: false },
      { text: 'Ship the importer', from: '2026-11-24', done: false },
    ]);
  });

  test('a carried priority says where it comes from; a list for a day never closed is labelled', async ({
    cadence,
  }) => {
    const intents = mondayClosed();
    intents.shutdowns[0] = {
      ...intents.shutdowns[0]!,
      priorities: ['Write the release notes'],
      carried: [{ text: 'Ship the importer', from: '2026-11-20' }],
    };
    const { page } = await cadence.open({ zone: ZONE, intents, serve: { faketime: '2026-11-25 09:30:00' } });
    const list = page.getByRole('list', { name: "Today's priorities" });
    await expect(list.getByRole('listitem').nth(1)).toContainText('Ship the importer');
    await expect(list.getByRole('listitem').nth(1)).toContainText('from Friday');
    await expect(page.getByText('Written for yesterday, a day that was never closed.')).toBeVisible();
  });
});

test.describe('planned focus blocks (under libfaketime)', () => {
  test('planned in a free gap, said as what comes next, moved and cancelled', async ({ cadence }) => {
    const { page } = await cadence.open({ zone: ZONE, serve: { faketime: '2026-11-25 10:00:00' } });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Working · next: lunch at 12:00.');
    // The free time after lunch: 12:45–17:30.
    await page
      .getByRole('listitem')
      .filter({ hasText: /12:45–17:30/ })
      .getByRole('button', { name: 'Plan 50 min focus' })
      .click();
    const planned = page.locator('.planned');
    await expect(planned).toContainText('12:45–13:35');
    await page.getByRole('button', { name: 'Move focus 12:45–13:35' }).click();
    await page.getByLabel('New start').fill('15:00');
    await page.getByRole('button', { name: 'Move', exact: true }).click();
    await expect(
      page.getByRole('alert').or(page.getByRole('status')).filter({ hasText: 'Focus moved to 15:00' }),
    ).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: 'Focus (planned)' })).toContainText(
      '15:00–15:50',
    );
    await page.getByRole('button', { name: 'Cancel focus 15:00–15:50' }).click();
    await expect(page.getByRole('listitem').filter({ hasText: 'Focus (planned)' })).toHaveCount(0);
  });

  test('a block lunch cannot avoid is flagged, and a block moved onto another is refused in words', async ({
    cadence,
  }) => {
    const intents = emptyIntents();
    intents.focus.push({ id: 'long', startAt: '2026-11-25T10:30:00.000Z', plannedMinutes: 150 });
    intents.focus.push({ id: 'late', startAt: '2026-11-25T15:00:00.000Z', plannedMinutes: 25 });
    // The refusal is the service's, on the clock chosen: 24 hours, whatever the service's locale writes.
    const { page } = await cadence.open({
      zone: ZONE,
      intents,
      settings: { clock: '24h' },
      serve: { faketime: '2026-11-25 10:00:00' },
    });
    await expect(page.getByRole('listitem').filter({ hasText: 'Focus (planned, over lunch)' })).toBeVisible();
    await expect(page.locator('.planned')).toContainText('over lunch: move it?');
    await page.getByRole('button', { name: 'Move focus 11:30–14:00' }).click();
    await page.getByLabel('New start').fill('15:30');
    await page.getByRole('button', { name: 'Move', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('That overlaps the focus block at 16:00–16:25.');
  });
});

test.describe('the headline and the clock', () => {
  test('times follow the 12-hour choice in the window too', async ({ cadence }) => {
    const { page } = await cadence.open({
      zone: ZONE,
      settings: { clock: '12h' },
      serve: { faketime: '2026-11-25 10:00:00' },
    });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Working · next: lunch at 12:00 pm.');
    await expect(page.getByRole('listitem').filter({ hasText: 'Lunch (planned)' })).toContainText('12:00 pm');
  });
});

test.describe('keyboard and sizes', () => {
  test('after an action the focus lands on the page, never on its body', async ({ cadence }) => {
    const { page } = await cadence.open({ zone: ZONE, serve: { faketime: '2026-11-25 10:00:00' } });
    const onBody = () => page.evaluate(() => document.activeElement === document.body);
    await page.getByRole('button', { name: 'Focus 25 min' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Status: Focusing')).toBeVisible();
    await expect.poll(onBody).toBe(false);
    await page.getByRole('button', { name: 'Stop focus' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Status: Working')).toBeVisible();
    await expect.poll(onBody).toBe(false);
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    const plan = page.getByRole('button', { name: 'Plan 50 min focus' }).last();
    await plan.focus();
    await page.keyboard.press('Enter');
    const cancel = page.getByRole('button', { name: /^Cancel focus/ });
    await cancel.focus();
    await page.keyboard.press('Enter');
    await expect(cancel).toHaveCount(0);
    await expect.poll(onBody).toBe(false);
  });

  for (const size of SIZES)
    for (const scheme of ['light', 'dark'] as const)
      test(`the ritual keeps the focus inside, Escape closes it and the focus returns (${size.name}, ${scheme})`, async ({
        cadence,
      }) => {
        const { page } = await cadence.open({
          zone: ZONE,
          intents: mondayClosed(),
          serve: { faketime: '2026-11-24 15:00:00' },
        });
        await page.setViewportSize(size);
        await page.emulateMedia({ colorScheme: scheme });
        await expect(page.getByRole('list', { name: "Today's priorities" })).toBeVisible();
        await noSidewaysScroll(page);
        expect(await seriousViolations(page)).toEqual([]);
        const opener = page.getByRole('button', { name: 'Close the day…' });
        await opener.focus();
        await page.keyboard.press('Enter');
        const dialog = page.getByRole('dialog');
        await expect(dialog.getByRole('heading')).toHaveText('What got done today?');
        for (let i = 0; i < 12; i++) {
          await page.keyboard.press('Tab');
          expect(await dialog.evaluate((box) => box.contains(document.activeElement))).toBe(true);
        }
        await page.keyboard.press('Shift+Tab');
        expect(await dialog.evaluate((box) => box.contains(document.activeElement))).toBe(true);
        await noSidewaysScroll(page);
        expect(await seriousViolations(page)).toEqual([]);
        await cadence.shot(`ritual-${size.name}-${scheme}`);
        await page.keyboard.press('Escape');
        await expect(dialog).toHaveCount(0);
        await expect(opener).toBeFocused();
      });
});
