// Screenshots of every view for people to look at (`npm run screenshots`): the real service under libfaketime
// on a Wednesday morning in Berlin, with a week of history, teammates around the world and priorities.
import { DEFAULT_TEAMMATE_WEEK, emptyIntents, type Intents } from '../../shared/intents';
import { expect, test } from '../e2e/fixtures';
import { pageShooter, SCHEMES, SIZES } from './shotKit';

const shoot = pageShooter('views');
const ZONE = 'Europe/Berlin';
const NOW = '2026-11-25 11:20:00';
const EVENING = '2026-11-25 19:35:00';
/** A weekly focus goal of six hours, in blocks of 45 to 90 minutes. */
const GOAL = {
  weeklyHours: 6,
  minBlockMinutes: 45,
  maxBlockMinutes: 90,
  preferred: 'morning',
  start: 'auto',
} as const;

const PEOPLE: [string, string][] = [
  ['Ana Souza', 'Europe/Lisbon'],
  ['Jonas Weber', 'Europe/Berlin'],
  ['Camille Durand', 'Europe/Paris'],
  ['Priya Raman', 'Asia/Kolkata'],
  ['Kenji Sato', 'Asia/Tokyo'],
  ['Maya Cohen', 'America/New_York'],
  ['Leo Martins', 'America/Sao_Paulo'],
  ['Olivia Brown', 'Australia/Sydney'],
];

/** Three weeks of work before Wednesday 25 November 2026, today's morning, and Tuesday's closing. */
function sampleIntents(): Intents {
  const intents = emptyIntents();
  const start = Date.UTC(2026, 10, 4);
  for (let day = 0; day < 21; day++) {
    const date = new Date(start + day * 86_400_000);
    const weekday = date.getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const iso = date.toISOString().slice(0, 10);
    const at = (h: number, m = 0) => new Date(Date.UTC(2026, 10, 4 + day, h - 1, m)).toISOString();
    intents.focus.push({ id: `m${day}`, startAt: at(9, 30), plannedMinutes: 50 + (day % 3) * 20 });
    if (day % 2) intents.focus.push({ id: `a${day}`, startAt: at(14), plannedMinutes: 90 });
    if (day % 4 !== 3)
      intents.lunches.push({ date: iso, status: 'taken', startedAt: at(12, 10), minutes: 45 });
    else intents.lunches.push({ date: iso, status: 'skipped' });
    // The morning unlock the activity source notes, and two late evenings a week (one marked urgent).
    intents.activity.push({ from: at(8, 45), to: at(8, 45) });
    if (day % 7 === 1 || day % 7 === 3) {
      intents.activity.push({ from: at(20), to: at(21, 10) });
      if (day % 7 === 1) intents.nudges.push({ date: iso, at: at(20, 30), answer: 'urgent' });
    }
    if (day % 5 !== 4)
      intents.shutdowns.push({
        date: iso,
        completedAt: at(17, 30 + (day % 3) * 15),
        done: 'Importer work',
        carryOver: '',
        priorities: ['Ship the importer', 'Review Ana’s PR', 'Plan the sprint'],
        ...(day === 20 ? { carried: [{ text: 'Write the release notes', from: '2026-11-23' }] } : {}),
      });
  }
  intents.focus.push({ id: 'today', startAt: '2026-11-25T08:40:00.000Z', plannedMinutes: 80 });
  intents.focus.push({ id: 'later', startAt: '2026-11-25T14:00:00.000Z', plannedMinutes: 50 });
  intents.ticks.push({ setOn: '2026-11-24', text: 'Review Ana’s PR', at: '2026-11-25T09:00:00.000Z' });
  intents.teammates = PEOPLE.map(([name, timeZone], i) => ({
    id: `p${i}`,
    name,
    timeZone,
    week: DEFAULT_TEAMMATE_WEEK,
    weekendDays: [6, 7],
    source: 'manual' as const,
  }));
  return intents;
}

for (const size of SIZES)
  for (const scheme of SCHEMES)
    test(`every view, ${size.name}, ${scheme}`, async ({ cadence, page }) => {
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme: scheme });
      const suffix = `${size.name}-${scheme}`;
      const { service } = await cadence.open({
        zone: ZONE,
        intents: sampleIntents(),
        settings: { focusGoal: { ...GOAL, start: 'prompt' } },
        serve: { faketime: NOW },
      });
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await shoot(page, `today-${suffix}`);
      for (const [view, ready] of [
        ['Teammates', page.getByText('Ana Souza')],
        ['Week', page.locator('.chart canvas').first()],
        ['Settings', page.getByRole('button', { name: 'Save settings' })],
      ] as const) {
        await page.getByRole('button', { name: view, exact: true }).click();
        await expect(ready).toBeVisible();
        await shoot(page, `${view.toLowerCase()}-${suffix}`);
      }
      await page.getByRole('button', { name: 'Today', exact: true }).click();
      await page.getByRole('button', { name: 'Close the day…' }).click();
      const dialog = page.getByRole('dialog');
      await expect(dialog.getByRole('heading')).toHaveText('What got done today?');
      await shoot(page, `ritual-done-${suffix}`);
      await dialog.getByRole('button', { name: 'Next' }).click();
      await shoot(page, `ritual-carry-${suffix}`);
      await dialog.getByRole('button', { name: 'Next' }).click();
      await dialog.getByRole('button', { name: 'Next' }).click();
      await shoot(page, `ritual-close-${suffix}`);
      await dialog.getByRole('button', { name: 'Not now' }).click();
      await service.stop('SIGKILL');
      await expect(page.getByLabel('Status: Not connected')).toBeVisible();
      await shoot(page, `not-connected-${suffix}`);
      // A first start: onboarding.
      await cadence.open({ zone: ZONE, settings: null, serve: { faketime: NOW } });
      await expect(page.getByRole('dialog')).toBeVisible();
      await shoot(page, `onboarding-${suffix}`);
      // The same Wednesday in the evening: the day closed at 17:40, the computer in use since.
      const evening = sampleIntents();
      evening.shutdowns.push({
        date: '2026-11-25',
        completedAt: '2026-11-25T16:40:00.000Z',
        done: 'Importer work',
        carryOver: '',
        priorities: ['Ship the importer'],
      });
      evening.activity.push({ from: '2026-11-25T17:50:00.000Z', to: '2026-11-25T18:35:00.000Z' });
      await cadence.open({
        zone: ZONE,
        intents: evening,
        settings: { focusGoal: GOAL },
        serve: { faketime: EVENING },
      });
      await expect(page.getByRole('alert', { name: 'Working after hours' })).toBeVisible();
      await shoot(page, `after-hours-${suffix}`);
      // The next morning's first planned block, waiting for its click.
      await cadence.open({
        zone: ZONE,
        intents: {
          ...sampleIntents(),
          goalOffers: [{ key: 'goal:2026-11-26:0', startAt: '2026-11-26T08:00:00.000Z', plannedMinutes: 90 }],
        },
        settings: { focusGoal: { ...GOAL, start: 'prompt' } },
        serve: { faketime: '2026-11-26 09:02:00' },
      });
      await expect(page.getByRole('alert', { name: 'Planned focus' })).toBeVisible();
      await shoot(page, `goal-prompt-${suffix}`);
    });
