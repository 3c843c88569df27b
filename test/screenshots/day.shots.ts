// Screenshots of what the day says (`npm run screenshots`): lunch started late with focus planned into it,
// the notes for tomorrow on the next day, the priorities on a weekend, the ritual with carried priorities,
// and a day closed early. The real service under libfaketime in Berlin, at both sizes, light and dark.
import { emptyIntents, type Intents } from '../../shared/intents';
import { expect, test } from '../e2e/fixtures';
import { pageShooter, SCHEMES, SIZES } from './shotKit';

const shoot = pageShooter('day');
const ZONE = 'Europe/Berlin';

/** The closing of `date` at 17:30, with priorities and notes for the next workday. */
function closedOn(date: string, priorities: string[], carryOver: string): Intents {
  const intents = emptyIntents();
  intents.shutdowns.push({ date, completedAt: `${date}T16:30:00.000Z`, done: '', carryOver, priorities });
  return intents;
}

for (const size of SIZES)
  for (const scheme of SCHEMES)
    test(`the day's words, ${size.name}, ${scheme}`, async ({ cadence, page }) => {
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme: scheme });
      const suffix = `${size.name}-${scheme}`;

      // 12:05, lunch not started; focus planned at 12:45, inside the lunch it would be.
      const lunch = closedOn('2026-11-24', ['Ship the importer'], 'Ask Ana about the CSV dates.');
      lunch.focus.push({ id: 'planned', startAt: '2026-11-25T11:45:00.000Z', plannedMinutes: 50 });
      await cadence.open({
        zone: ZONE,
        intents: lunch,
        settings: { lunch: { enabled: true, earliestStart: '12:00', latestStart: '12:30', minutes: 45 } },
        serve: { faketime: '2026-11-25 12:05:00' },
      });
      await expect(page.getByLabel('Lunch prompt')).toBeVisible();
      await shoot(page, `lunch-prompt-${suffix}`);
      await page.getByRole('button', { name: 'Start lunch' }).click();
      await expect(page.getByLabel('Lunch', { exact: true })).toBeVisible();
      await shoot(page, `lunch-running-${suffix}`);

      // Saturday: Friday's list is Monday's, with Friday's notes.
      await cadence.open({
        zone: ZONE,
        intents: closedOn('2026-11-27', ['Review Ana’s PR', 'Plan the sprint'], 'Start with the PR.'),
        serve: { faketime: '2026-11-28 10:00:00' },
      });
      await expect(page.getByRole('heading', { name: 'Priorities for Monday' })).toBeVisible();
      await shoot(page, `weekend-priorities-${suffix}`);

      // Wednesday 10:05: Tuesday's two priorities carried, then the day closed early.
      const early = closedOn('2026-11-24', ['Ship the importer', 'Plan the sprint'], 'Call the bank.');
      early.focus.push({ id: 'later', startAt: '2026-11-25T13:00:00.000Z', plannedMinutes: 50 });
      await cadence.open({ zone: ZONE, intents: early, serve: { faketime: '2026-11-25 10:05:00' } });
      await expect(page.getByRole('heading', { name: 'Notes from yesterday' })).toBeVisible();
      await shoot(page, `notes-today-${suffix}`);
      await page.getByRole('button', { name: 'Close the day…' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Next' }).click();
      await dialog.getByRole('button', { name: 'Next' }).click();
      await expect(dialog).toContainText('Add one more.');
      await shoot(page, `ritual-carried-${suffix}`);
      await dialog.getByRole('button', { name: 'Next' }).click();
      await shoot(page, `ritual-early-${suffix}`);
      await dialog.getByRole('button', { name: 'Close the day early' }).click();
      await expect(dialog.getByRole('heading')).toHaveText('Day closed early.');
      await shoot(page, `closed-early-${suffix}`);
    });
