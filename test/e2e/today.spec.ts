import { everyDay } from '../unit/shared/domainFixtures';
import { expect, noSeriousAxeViolations, test } from './fixtures';

const allDay = { week: everyDay([{ start: '00:00', end: '23:59' }]), weekendDays: [] };

test('start a focus block, see the time left, extend and stop it', async ({ cadence }) => {
  const { page } = await cadence.open({ settings: allDay });
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Working');
  await page.getByRole('button', { name: 'Focus 25 min' }).click();
  await expect(page.getByLabel('Status: Focusing')).toBeVisible();
  await expect(page.getByLabel('Focus time left')).toContainText(/2[45]:\d\d/);
  await cadence.shot('today-focus');
  await noSeriousAxeViolations(page);
  await page.getByRole('button', { name: '+10 min' }).click();
  await expect(page.getByLabel('Focus time left')).toContainText(/3[45]:\d\d/);
  await page.getByRole('button', { name: 'Stop focus' }).click();
  await expect(page.getByLabel('Status: Working')).toBeVisible();
  // Stopped within its first minute, the block did not happen: the timeline shows no 0-minute block.
  await expect(page.getByRole('listitem').filter({ hasText: 'Focus (stopped early)' })).toHaveCount(0);
});

test('a focus block until a time of day, and a clear refusal of one in the past', async ({ cadence }) => {
  const { page } = await cadence.open({ settings: allDay });
  // A minute past midnight has passed at any time but that minute ("until midnight" is tonight's).
  await page.getByLabel('Focus until').fill('00:01');
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  // Real time: around noon the lunch prompt is an alert too, so the refusal is found by its words.
  await expect(page.getByRole('alert').filter({ hasText: 'has already passed today' })).toBeVisible();
});
