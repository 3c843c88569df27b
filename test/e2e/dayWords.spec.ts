import { cli } from '../fakes/processHarness';
import { emptyIntents, type Intents } from '../../shared/intents';
import { everyDay } from '../unit/shared/domainFixtures';
import { expect, noSeriousAxeViolations, test } from './fixtures';

// What the day says, at both window sizes, in Berlin (Mon–Fri 09:00–17:30) under libfaketime: lunch's
// one end, the notes for tomorrow, the priorities on a weekend, closing early, and the tab's title.
const ZONE = 'Europe/Berlin';
const SIZES = [
  { name: 'wide', width: 1280, height: 800 },
  { name: 'popover', width: 420, height: 700 },
] as const;

/** A closing of `date` with priorities for the next workday and notes. */
function closed(date: string, completedAt: string, priorities: string[], carryOver = ''): Intents {
  const intents = emptyIntents();
  intents.shutdowns.push({ date, completedAt, done: '', carryOver, priorities });
  return intents;
}

for (const size of SIZES) {
  test.describe(`the day's words at ${size.width}×${size.height}`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test('lunch started late has one end: prompt, banner, headline, timeline and the CLI say 12:50', async ({
      cadence,
    }) => {
      // Lunch may start 12:00–12:30; focus is planned at 12:45, so the window has no room for 45 minutes.
      const intents = emptyIntents();
      intents.focus.push({ id: 'planned', startAt: '2026-11-25T11:45:00.000Z', plannedMinutes: 50 });
      const { page, dir } = await cadence.open({
        zone: ZONE,
        intents,
        settings: { lunch: { enabled: true, earliestStart: '12:00', latestStart: '12:30', minutes: 45 } },
        serve: { faketime: '2026-11-25 12:05:30' },
      });
      const prompt = page.getByLabel('Lunch prompt');
      await expect(prompt).toContainText('Step away for 45 minutes, until 12:50.');
      await expect(prompt).toContainText('Focus is planned at 12:45, before you are back');
      // Nothing is connected: the prompt promises no status.
      await expect(prompt).not.toContainText('your status');
      await expect(page.getByRole('listitem').filter({ hasText: 'Lunch (planned)' })).toContainText(
        '12:05–12:50',
      );
      await cadence.shot(`day-lunch-prompt-${size.name}`);

      await page.getByRole('button', { name: 'Start lunch' }).click();
      const banner = page.getByLabel('Lunch', { exact: true });
      await expect(banner).toContainText('Back at 12:50.');
      await expect(banner).toContainText('Focus is planned at 12:45');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('At lunch until 12:50.');
      await expect(page.getByRole('listitem').filter({ hasText: /^Lunch ·/ })).toContainText(
        '12:05–12:50 · 45 min',
      );
      await expect(
        page.getByRole('listitem').filter({ hasText: 'Focus (planned, over lunch)' }),
      ).toBeVisible();
      await cadence.shot(`day-lunch-running-${size.name}`);
      await noSeriousAxeViolations(page);

      const status = await cli(dir, ['status'], { LANG: 'en_GB.UTF-8', TZ: ZONE });
      expect(status.stdout).toContain('At lunch until 12:50');
      const plan = await cli(dir, ['plan'], { LANG: 'en_GB.UTF-8', TZ: ZONE });
      expect(plan.stdout).toMatch(/12:05–12:50 +lunch, now/);
      expect(plan.stdout).toMatch(/12:45–13:35 +focus \(planned, over lunch: move it\?\)/);
    });

    test('notes for tomorrow come back the next day, and a ritual opened then starts empty', async ({
      cadence,
    }) => {
      // Every day 00:00–23:59, ten times faster: the window stays open over midnight.
      const { page, dir } = await cadence.open({
        zone: ZONE,
        settings: { week: everyDay([{ start: '00:00', end: '23:59' }]), weekendDays: [] },
        serve: { faketime: '@2026-11-25 23:57:30 x10' },
      });
      await page.getByRole('button', { name: 'Close the day' }).first().click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Done today').fill('Shipped the importer');
      await dialog.getByRole('button', { name: 'Next' }).click();
      await dialog
        .getByLabel('Notes for tomorrow')
        .fill('Call the bank before ten.\nThe key is in the drawer.');
      await dialog.getByRole('button', { name: 'Next' }).click();
      await dialog.getByLabel('Priority 1').fill('Ship the importer');
      await dialog.getByRole('button', { name: 'Next' }).click();
      await dialog.getByRole('button', { name: 'Close the day' }).click();
      await expect(dialog.getByRole('heading')).toHaveText('Day closed. Well done.');
      // Nothing is connected: no status elsewhere says so.
      await expect(dialog).not.toContainText('says so too');
      await dialog.getByRole('button', { name: 'Done' }).click();

      // Past midnight, the next day's Today shows the notes under its priorities.
      const card = page.getByRole('region', { name: "Today's priorities" });
      await expect(card.getByRole('heading', { name: 'Notes from yesterday' })).toBeVisible({
        timeout: 30_000,
      });
      await expect(card).toContainText('Call the bank before ten.');
      await expect(card).toContainText('The key is in the drawer.');
      await expect(card.getByRole('checkbox', { name: 'Ship the importer' })).toBeVisible();
      await cadence.shot(`day-notes-next-day-${size.name}`);

      // The ritual for the new day starts empty.
      await page.getByRole('button', { name: 'Close the day…' }).click();
      await expect(dialog.getByLabel('Done today')).toHaveValue('');
      await dialog.getByRole('button', { name: 'Next' }).click();
      await expect(dialog.getByLabel('Notes for tomorrow')).toHaveValue('');
      await dialog.getByRole('button', { name: 'Not now' }).click();

      const plan = await cli(dir, ['plan'], { LANG: 'en_GB.UTF-8', TZ: ZONE });
      expect(plan.stdout).toContain(
        'Notes from yesterday:\n  > Call the bank before ten.\n  > The key is in the drawer.',
      );
    });

    test('on Saturday the priorities read as Monday’s, with Friday’s notes', async ({ cadence }) => {
      const { page, dir } = await cadence.open({
        zone: ZONE,
        intents: closed('2026-11-27', '2026-11-27T16:30:00.000Z', ['Review Ana’s PR'], 'Start with the PR.'),
        serve: { faketime: '2026-11-28 10:00:00' },
      });
      const card = page.getByRole('region', { name: 'Priorities for Monday' });
      await expect(card.getByRole('checkbox', { name: 'Review Ana’s PR' })).toBeVisible();
      await expect(card).toContainText('Start with the PR.');
      await expect(page.getByText("Today's priorities")).toHaveCount(0);
      await cadence.shot(`day-weekend-priorities-${size.name}`);
      await noSeriousAxeViolations(page);
      const plan = await cli(dir, ['plan'], { LANG: 'en_GB.UTF-8', TZ: ZONE });
      expect(plan.stdout).toContain('Priorities for Monday 30 November: 1. Review Ana’s PR');
    });

    test('closing at 10:05 says it is early and what follows; nothing is snoozed after; the tab counts focus', async ({
      cadence,
    }) => {
      const intents = closed('2026-11-24', '2026-11-24T16:30:00.000Z', [
        'Ship the importer',
        'Plan the sprint',
      ]);
      intents.focus.push({ id: 'later', startAt: '2026-11-25T13:00:00.000Z', plannedMinutes: 50 });
      const { page, dir } = await cadence.open({
        zone: ZONE,
        intents,
        serve: { faketime: '2026-11-25 10:05:00' },
      });
      await expect(page).toHaveTitle('Cadence');
      await page.getByRole('button', { name: 'Focus 25 min' }).click();
      await expect(page).toHaveTitle('25 min left - Cadence');

      await page.getByRole('button', { name: 'Close the day…' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Next' }).click();
      await dialog.getByRole('button', { name: 'Next' }).click();
      // Two carried: room for one more, and one box.
      await expect(dialog).toContainText('Carried: Ship the importer · Plan the sprint. Add one more.');
      await expect(dialog.getByLabel(/^Priority \d/)).toHaveCount(1);
      await cadence.shot(`day-ritual-carried-${size.name}`);
      await dialog.getByRole('button', { name: 'Next' }).click();
      await expect(dialog.getByRole('note').filter({ hasText: 'early' })).toContainText(
        'this closes it 7 h 25 min early, and the rest of today is yours, with no lunch or end-of-day prompts. Focus planned at 14:00 still starts',
      );
      await dialog.getByRole('button', { name: 'Close the day early' }).click();
      await expect(dialog.getByRole('heading')).toHaveText('Day closed early.');
      await expect(dialog.getByRole('note')).toContainText(
        'Closed 7 h 25 min early: the rest of today is yours, with no lunch or end-of-day prompts.',
      );
      await expect(dialog).not.toContainText('says so too');
      await cadence.shot(`day-closed-early-${size.name}`);
      // Closing stopped the focus block: the tab no longer counts.
      await expect(page).toHaveTitle('Cadence');
      await dialog.getByRole('button', { name: 'Done' }).click();
      // The closed day plans no lunch.
      await expect(page.getByRole('listitem').filter({ hasText: 'Lunch' })).toHaveCount(0);

      const env = { LANG: 'en_GB.UTF-8', TZ: ZONE };
      const lunch = await cli(dir, ['lunch', 'snooze', '7'], env);
      expect(lunch.code).not.toBe(0);
      expect(lunch.stdout + lunch.stderr).toContain('You closed the day, so there is nothing to snooze');
      const end = await cli(dir, ['shutdown', 'snooze', '10'], env);
      expect(end.stdout + end.stderr).toContain('You closed the day, so there is nothing to snooze');
      await expect(page.getByText(/snoozed/i)).toHaveCount(0);
    });
  });
}
