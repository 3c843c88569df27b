import { cli } from '../fakes/processHarness';
import { expect, noSeriousAxeViolations, test } from './fixtures';

test.describe('at the right moments (the real service under libfaketime)', () => {
  test('the lunch prompt appears when the window opens, and lunch runs', async ({ cadence }) => {
    const { page } = await cadence.open({
      zone: 'Europe/Berlin',
      serve: { faketime: '2026-11-25 11:59:50' },
    });
    // Not the end of the day: the headline says what comes next.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Working · next: lunch at 12:00.');
    await expect(page.getByLabel('Lunch prompt')).toHaveCount(0);
    await expect(page.getByLabel('Lunch prompt')).toBeVisible({ timeout: 15_000 });
    await cadence.shot('today-lunch-prompt');
    await page.getByRole('button', { name: 'Start lunch' }).click();
    await expect(page.getByLabel('Lunch', { exact: true })).toContainText(/Back at 12:4\d/);
    await expect(page.getByLabel('Status: At lunch')).toBeVisible();
  });

  test('snoozing lunch says when Cadence asks again, in the right plural', async ({ cadence }) => {
    const { page } = await cadence.open({
      zone: 'Europe/Berlin',
      serve: { faketime: '2026-11-25 12:05:00' },
    });
    // The banner and the timeline agree on when lunch ends.
    await expect(page.getByLabel('Lunch prompt')).toContainText('Step away for 45 minutes, until 12:50');
    await expect(page.getByRole('listitem').filter({ hasText: 'Lunch (planned)' })).toContainText(
      '12:05–12:50',
    );
    await page.getByRole('button', { name: 'In 15 min' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Lunch later' })).toContainText(
      /Cadence asks again at 12:20/,
    );
    await expect(page.getByLabel('Lunch prompt')).toHaveCount(0);
  });

  test('the full shutdown ritual closes Friday until Monday, and Monday shows the priorities', async ({
    cadence,
  }) => {
    const { page, service } = await cadence.open({
      zone: 'Europe/Berlin',
      serve: { faketime: '2026-11-27 17:25:00' },
    });
    await expect(page.getByLabel('End of day')).toContainText('Your day ends at 17:30');
    await page.getByRole('button', { name: 'Close the day' }).first().click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('heading')).toHaveText('What got done today?');
    await dialog.getByLabel('Done today').fill('Shipped the importer');
    await dialog.getByRole('button', { name: 'Next' }).click();
    await dialog.getByLabel('Notes for tomorrow').fill('Docs for the importer');
    await dialog.getByRole('button', { name: 'Next' }).click();
    await dialog.getByLabel('Priority 1').fill('Review Ana’s PR');
    await dialog.getByLabel('Priority 2').fill('Plan the sprint');
    await cadence.shot('ritual-priorities');
    await noSeriousAxeViolations(page);
    await dialog.getByRole('button', { name: 'Next' }).click();
    await dialog.getByRole('button', { name: 'Close the day' }).click();
    await expect(dialog).toContainText('You are off until Mon 30 Nov, 9:00');
    await cadence.shot('ritual-closed');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'You closed the day. Work resumes Mon 30 Nov, 9:00.',
    );
    await expect(page.getByLabel('Status: Off')).toBeVisible();
    const monday = await fetch(`${service.url}/api/query/plan`, {
      method: 'POST',
      headers: { authorization: `Bearer ${service.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ date: '2026-11-30' }),
    }).then((r) => r.json() as Promise<{ value: { priorities: string[] } }>);
    expect(monday.value.priorities).toEqual(['Review Ana’s PR', 'Plan the sprint']);
  });

  test('snoozing the end of the day stops at the limit', async ({ cadence }) => {
    const { page } = await cadence.open({
      zone: 'Europe/Berlin',
      serve: { faketime: '2026-11-27 17:52:00' },
    });
    await expect(page.getByLabel('End of day')).toContainText('22 minutes past the end of your day');
    await expect(page.getByRole('button', { name: '10 more minutes' })).toHaveCount(0);
  });

  test('“10 more minutes” really extends the day, and the ritual stays one click away', async ({
    cadence,
  }) => {
    const { page } = await cadence.open({
      zone: 'Europe/Berlin',
      serve: { faketime: '2026-11-27 17:31:00' },
    });
    await page.getByRole('button', { name: '10 more minutes' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(
      /^Working a little longer, until .*41/,
    );
    await expect(page.getByLabel(/^Status: Working/)).toBeVisible();
    await page.getByRole('button', { name: 'Close the day…' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
  });

  test('“10 more minutes” asked before the end gives the ten minutes past the end, and says so at once', async ({
    cadence,
  }) => {
    // 17:22 on a day that ends at 17:30: the prompt has come, the day is not over yet.
    const { page, dir } = await cadence.open({
      zone: 'Europe/Berlin',
      serve: { faketime: '2026-11-27 17:22:00' },
    });
    await page.getByRole('button', { name: '10 more minutes' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(/until (17:40|5:40)/);
    const status = await cli(dir, ['status'], { TZ: 'Europe/Berlin' });
    expect(status.stdout).toMatch(/until (17:40|5:40)/);
  });

  test('after hours with the day still open, closing it leads and focus steps back', async ({ cadence }) => {
    const { page } = await cadence.open({
      zone: 'Europe/Berlin',
      serve: { faketime: '2026-11-27 18:30:00' },
    });
    await expect(page.getByRole('heading', { level: 1 })).toContainText('the day is still open');
    // One button leads (the end-of-day banner's, or the headline's once the banner is gone).
    await expect(page.getByRole('button', { name: 'Close the day', exact: true })).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'Close the day', exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Focus 50 min' })).toBeHidden();
    await cadence.shot('today-after-hours');
    await page.getByText('Focus anyway…').click();
    await expect(page.getByRole('button', { name: 'Focus 50 min' })).toBeVisible();
  });

  test('closing the day hours early is said before it happens, and can be undone for a few minutes', async ({
    cadence,
  }) => {
    const { page } = await cadence.open({
      zone: 'Europe/Berlin',
      serve: { faketime: '2026-11-27 14:10:00' },
    });
    await page.getByRole('button', { name: 'Close the day…' }).click();
    const dialog = page.getByRole('dialog');
    for (let i = 0; i < 3; i++) await dialog.getByRole('button', { name: 'Next' }).click();
    await expect(dialog.getByRole('note').filter({ hasText: 'early' })).toContainText(/3 h 20 min early/);
    await expect(dialog.getByRole('note').filter({ hasText: 'Nothing is written down' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Close the day early' }).click();
    await expect(dialog.getByRole('heading')).toHaveText('Day closed early.');
    await expect(page.getByLabel('Status: Off')).toBeVisible();
    await dialog.getByRole('button', { name: 'Undo: reopen the day' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByLabel(/^Status: Working/)).toBeVisible();
  });
});
