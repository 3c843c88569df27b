import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { emptyIntents, type Intents } from '../../shared/intents';
import { serve } from '../fakes/processHarness';
import { at } from '../unit/shared/domainFixtures';
import { expect, noSeriousAxeViolations, test } from './fixtures';
import { figure } from './weekSteps';

const ZONE = 'Europe/Berlin';
/** Thursday 26 November 2026, mid-morning: Monday to Wednesday of this week are behind. */
const THURSDAY = '2026-11-26 10:00:00';
const SIZES = [
  { width: 1280, height: 800 },
  { width: 420, height: 700 },
] as const;

const isoAt = (local: string) => new Date(at(local, ZONE)).toISOString();

function focus(intents: Intents, date: string, minutes: number): void {
  intents.focus.push({ id: `f-${date}`, startAt: isoAt(`${date}T10:00`), plannedMinutes: minutes });
}
function lunch(intents: Intents, date: string): void {
  intents.lunches.push({ date, status: 'taken', startedAt: isoAt(`${date}T12:15`), minutes: 45 });
}
/** The machine unlocked in the morning: the activity source notes the moment (no polling in hours). */
function unlocked(intents: Intents, date: string, time = '08:50'): void {
  intents.activity.push({ from: isoAt(`${date}T${time}`), to: isoAt(`${date}T${time}`) });
}
function close(intents: Intents, date: string, time = '17:30'): void {
  intents.shutdowns.push({
    date,
    completedAt: isoAt(`${date}T${time}`),
    done: '',
    carryOver: '',
    priorities: [],
  });
}

/**
 * Three weeks of ordinary days (40 minutes of focus, lunch, closed on time), then this week: Monday as
 * usual but longer, Tuesday without lunch and closed ten minutes late, Wednesday never closed.
 */
function seededWeeks(): Intents {
  const intents = emptyIntents();
  for (const date of [
    ...['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06'],
    ...['2026-11-09', '2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13'],
    ...['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20'],
  ]) {
    unlocked(intents, date);
    focus(intents, date, 40);
    lunch(intents, date);
    close(intents, date);
  }
  for (const date of ['2026-11-23', '2026-11-24', '2026-11-25']) unlocked(intents, date);
  focus(intents, '2026-11-23', 90);
  lunch(intents, '2026-11-23');
  close(intents, '2026-11-23');
  focus(intents, '2026-11-24', 50);
  intents.lunches.push({ date: '2026-11-24', status: 'skipped' });
  close(intents, '2026-11-24', '17:40');
  focus(intents, '2026-11-25', 60);
  lunch(intents, '2026-11-25');
  return intents;
}

/** Active at the machine in the evening, and the after-hours nudge answered "Urgent — I'm on it". */
function urgentEvening(intents: Intents, date: string): void {
  intents.activity.push({ from: isoAt(`${date}T19:00`), to: isoAt(`${date}T20:30`) });
  intents.nudges.push({ date, at: isoAt(`${date}T19:20`), answer: 'urgent' });
}

const GOAL_8H = {
  focusGoal: {
    weeklyHours: 8,
    minBlockMinutes: 45,
    maxBlockMinutes: 120,
    preferred: 'morning',
    start: 'prompt',
  },
} as const;

async function openWeek(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Week', exact: true }).click();
}

/** Nothing reaches past the window's right edge, so nothing scrolls sideways. */
async function expectNoSidewaysScrolling(page: Page): Promise<void> {
  // Polled: the charts take their new width a frame after the window's.
  const overflow = () =>
    page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const wide = [...document.querySelectorAll('.week *')]
        .filter((element) => element.getBoundingClientRect().right > width + 0.5)
        .map((element) => element.tagName.toLowerCase() + (element.className ? `.${element.className}` : ''));
      return { scroll: document.documentElement.scrollWidth - width, wide };
    });
  await expect.poll(overflow).toEqual({ scroll: 0, wide: [] });
}

/**
 * The contrast of the x axis' day labels against the chart's background: the labels are drawn on a
 * canvas, out of axe's sight, in the colour most used by the fully opaque pixels under the bars.
 */
async function axisLabelContrast(page: Page, chart: number): Promise<number> {
  return page.evaluate((index) => {
    const figure = document.querySelectorAll<HTMLElement>('.chart')[index]!;
    const canvas = figure.querySelector('canvas')!;
    const context = canvas.getContext('2d')!;
    const band = 30 * devicePixelRatio;
    const pixels = context.getImageData(0, canvas.height - band, canvas.width, band).data;
    const counts = new Map<string, number>();
    for (let i = 0; i < pixels.length; i += 4) {
      if (pixels[i + 3] !== 255) continue;
      const key = `${pixels[i]},${pixels[i + 1]},${pixels[i + 2]}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const text = [...counts]
      .sort((a, b) => b[1] - a[1])[0]?.[0]
      .split(',')
      .map(Number) ?? [0, 0, 0];
    const background = getComputedStyle(figure).backgroundColor.match(/\d+/g)!.slice(0, 3).map(Number);
    const luminance = (rgb: number[]) => {
      const [r, g, b] = rgb.map((c) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const [light, dark] = [luminance(text), luminance(background)].sort((a, b) => b - a);
    return (light! + 0.05) / (dark! + 0.05);
  }, chart);
}

test.describe('the week review (the real service under libfaketime)', () => {
  test('reviews this week so far in calendar weeks, and names the days that went without', async ({
    cadence,
  }) => {
    const { page } = await cadence.open({
      zone: ZONE,
      settings: { locale: 'en-GB' },
      intents: seededWeeks(),
      serve: { faketime: THURSDAY },
    });
    await openWeek(page);
    const review = page.getByRole('region', { name: 'This week so far' });
    // Wednesday was never closed: its span ends with lunch, the last sign of the user Cadence saw.
    await expect(review.locator('.review-sentence')).toHaveText([
      'Your workdays ran 1 h 27 min shorter than on the same days of a usual week: 7 h 13 min from first to last activity, against 8 h 40 min.',
    ]);
    await expect(review).toContainText('Lunch skipped on Tuesday.');
    await expect(review).toContainText('Wednesday was never closed.');
    // Monday to Wednesday against Monday to Wednesday of the three weeks Cadence was used before.
    await expect(page.getByRole('table', { name: 'This week against your last 3 weeks' })).toBeVisible();
    await expect(review).toContainText('Monday to Wednesday so far, against the same days of those weeks');
    await expect(figure(page, 'Focus')).toHaveText(['3 h 20 min', '2 h']);
    await expect(figure(page, 'Lunches taken')).toHaveText(['2 of 3', '3 of 3']);
    await expect(figure(page, 'Closed on time')).toHaveText(['2 of 3', '3 of 3']);
    await expect(figure(page, 'After hours')).toHaveText(['10 min', '0 min']);
    await expect(figure(page, 'Late evenings')).toHaveText(['0', '0']);
    // Calendar weeks from Monday, as in en-GB, labelled as the rest of the app writes days.
    await expect(page.getByRole('table', { name: 'Week by week' }).getByRole('rowheader')).toHaveText([
      'Week of Mon 2 Nov',
      'Week of Mon 9 Nov',
      'Last week',
      'This week',
    ]);
    const thisWeek = page
      .getByRole('table', { name: 'Week by week' })
      .getByRole('row')
      .filter({ hasText: 'This week' });
    await expect(thisWeek).toContainText('3 h 20 min');
    await expect(thisWeek).toContainText('17:40');

    for (const size of SIZES) {
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.setViewportSize(size);
        await page.emulateMedia({ colorScheme });
        await expect(page.locator('.chart canvas')).toHaveCount(2);
        await expectNoSidewaysScrolling(page);
        // Redrawn in the theme's colours at once, without a reload.
        for (const chart of [0, 1])
          await expect.poll(() => axisLabelContrast(page, chart)).toBeGreaterThanOrEqual(4.5);
        await noSeriousAxeViolations(page);
        await cadence.shot(`week-${size.width}-${colorScheme}`);
      }
    }
  });

  test('the days shown can be exported as CSV, the same figures as the review', async ({ cadence }) => {
    const { page } = await cadence.open({
      zone: ZONE,
      settings: { locale: 'en-GB' },
      intents: seededWeeks(),
      serve: { faketime: THURSDAY },
    });
    await openWeek(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export these days as CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^cadence-days-\d{4}-\d\d-\d\d-2026-11-26\.csv$/);
    const lines = fs.readFileSync((await download.path())!, 'utf8').split('\r\n');
    expect(lines[0]).toBe(
      'date,workday,focus_minutes,meeting_minutes,meetings,lunch_taken,after_hours_minutes,weekend_minutes,day_closed_at,' +
        'closed_on_time,first_active,last_active,span_minutes,urgent',
    );
    // Monday of this week: unlocked at 08:50, focus from 10:00, lunch, the day closed on time at 17:30.
    expect(lines.find((line) => line.startsWith('2026-11-23,'))).toBe(
      '2026-11-23,true,90,0,0,true,0,0,17:30,true,08:50,17:30,520,false',
    );
    // Wednesday was never closed: not closed on time, and its span ends with lunch.
    expect(lines.find((line) => line.startsWith('2026-11-25,'))).toBe(
      '2026-11-25,true,60,0,0,true,0,0,,,08:50,13:00,250,false',
    );
  });

  test('weeks start on Sunday where the settings say so (the en-US week)', async ({ cadence }) => {
    const { page } = await cadence.open({
      zone: ZONE,
      settings: { locale: 'en-US', weekStart: 7 },
      intents: seededWeeks(),
      serve: { faketime: THURSDAY },
    });
    await openWeek(page);
    await expect(page.getByRole('table', { name: 'Week by week' }).getByRole('rowheader')).toHaveText([
      'Week of Sun, Nov 1',
      'Week of Sun, Nov 8',
      'Last week',
      'This week',
    ]);
    // Sunday to Thursday against Sunday to Thursday; the usual shutdown in the locale's 12-hour clock.
    await expect(page.getByRole('region', { name: 'This week so far' })).toContainText(
      'Sunday to Wednesday so far, against the same days of those weeks',
    );
    await expect(figure(page, 'Focus')).toHaveText(['3 h 20 min', '2 h']);
    await expect(
      page.getByRole('table', { name: 'Week by week' }).getByRole('row').filter({ hasText: 'This week' }),
    ).toContainText(/5:40\sPM/);
  });

  test('on the first day of a week, reviews last week whole', async ({ cadence }) => {
    const intents = seededWeeks();
    for (const date of ['2026-11-26', '2026-11-27']) {
      focus(intents, date, 40);
      lunch(intents, date);
    }
    close(intents, '2026-11-26');
    const { page } = await cadence.open({
      zone: ZONE,
      settings: { locale: 'en-GB' },
      intents,
      serve: { faketime: '2026-11-30 09:30:00' },
    });
    await openWeek(page);
    const review = page.getByRole('region', { name: 'Last week' });
    await expect(page.getByRole('table', { name: 'Last week against the 3 weeks before' })).toBeVisible();
    await expect(figure(page, 'Focus')).toHaveText(['4 h 40 min', '3 h 20 min']);
    await expect(figure(page, 'Lunches taken')).toHaveText(['4 of 5', '5 of 5']);
    await expect(figure(page, 'Closed on time')).toHaveText(['3 of 5', '5 of 5']);
    await expect(review).toContainText('Lunch skipped on Tuesday.');
    await expect(review).toContainText('Wednesday and Friday were never closed.');
  });

  test('a week of late evenings, all marked urgent, read on the Monday after', async ({ cadence }) => {
    const intents = emptyIntents();
    for (const start of ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23'])
      for (let i = 0; i < 5; i++) {
        const date = `2026-11-${String(Number(start.slice(8)) + i).padStart(2, '0')}`;
        unlocked(intents, date);
        focus(intents, date, 40);
        lunch(intents, date);
        close(intents, date);
      }
    for (const date of ['2026-11-24', '2026-11-25', '2026-11-26']) urgentEvening(intents, date);
    const { page } = await cadence.open({
      zone: ZONE,
      settings: { locale: 'en-GB', ...GOAL_8H },
      intents,
      serve: { faketime: '2026-11-30 09:30:00' },
    });
    await openWeek(page);
    const review = page.getByRole('region', { name: 'Last week' });
    await expect(review.locator('.review-sentence')).toHaveText([
      'Three late evenings last week, on Tuesday, Wednesday, and Thursday, all marked urgent.',
      'Your workdays ran 1 h 48 min longer than in a usual week: 10 h 28 min from first to last activity, against 8 h 40 min.',
    ]);
    await expect(figure(page, 'Late evenings')).toHaveText(['3 (3 urgent)', '0']);
    await expect(figure(page, 'After hours')).toHaveText(['4 h 30 min', '0 min']);
    await expect(figure(page, 'Average workday span')).toHaveText(['10 h 28 min', '8 h 40 min']);
    await expect(figure(page, 'Focus')).toHaveText(['3 h 20 min of 8 h', '3 h 20 min']);
    for (const size of SIZES) {
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.setViewportSize(size);
        await page.emulateMedia({ colorScheme });
        await expectNoSidewaysScrolling(page);
        await noSeriousAxeViolations(page);
        await cadence.shot(`review-late-${size.width}-${colorScheme}`);
      }
    }
  });

  test('a new user sees this week alone, with no comparison, and the focus goal', async ({ cadence }) => {
    const intents = emptyIntents();
    for (const date of ['2026-11-23', '2026-11-24', '2026-11-25']) {
      focus(intents, date, 60);
      lunch(intents, date);
      close(intents, date);
    }
    const { page } = await cadence.open({
      zone: ZONE,
      settings: { locale: 'en-GB', ...GOAL_8H },
      intents,
      serve: { faketime: THURSDAY },
    });
    await openWeek(page);
    const review = page.getByRole('region', { name: 'This week so far' });
    await expect(review.locator('.review-sentence')).toHaveText([
      'Your usual shows here once a full week with Cadence is behind you.',
      'Monday to Wednesday: 3 h of your 8 h focus goal.',
    ]);
    await expect(page.getByRole('table', { name: 'This week', exact: true })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: 'Your usual' })).toHaveCount(0);
    await expect(figure(page, 'Focus')).toHaveText(['3 h of 8 h']);
    await expect(review).toContainText('Monday to Wednesday so far; today counts once it is closed.');
  });

  test('on the second day of a week, Monday is set against the usual Mondays', async ({ cadence }) => {
    // The seeded weeks up to Monday: Tuesday has only just begun.
    const intents = seededWeeks();
    const untilMonday = (record: { date: string }) => record.date < '2026-11-24';
    intents.focus = intents.focus.filter((block) => block.id < 'f-2026-11-23');
    intents.lunches = intents.lunches.filter(untilMonday);
    intents.shutdowns = intents.shutdowns.filter(untilMonday);
    focus(intents, '2026-11-23', 180);
    const { page } = await cadence.open({
      zone: ZONE,
      settings: { locale: 'en-GB', ...GOAL_8H },
      intents,
      serve: { faketime: '2026-11-24 10:00:00' },
    });
    await openWeek(page);
    const review = page.getByRole('region', { name: 'This week so far' });
    // 40 minutes: a usual Monday, not a usual week.
    await expect(review.locator('.review-sentence')).toHaveText([
      'Focus time came to 3 h, against 40 min on the same days of a usual week.',
      'Monday: 3 h of your 8 h focus goal.',
    ]);
    await expect(figure(page, 'Focus')).toHaveText(['3 h of 8 h', '40 min']);
    await expect(figure(page, 'Lunches taken')).toHaveText(['1 of 1', '1 of 1']);
  });

  test('figures older days did not measure are unknown, and say so', async ({ cadence }) => {
    // An upgraded user: the earlier weeks are stored summaries from before span and closing were measured.
    const intents = seededWeeks();
    for (const start of ['2026-11-02', '2026-11-09', '2026-11-16'])
      for (let i = 0; i < 7; i++) {
        const date = `2026-11-${String(Number(start.slice(8)) + i).padStart(2, '0')}`;
        const workday = i < 5;
        intents.days.push({
          date,
          workday,
          focusMinutes: workday ? 40 : 0,
          meetingMinutes: 0,
          meetings: 0,
          lunchTaken: workday,
          afterHoursMinutes: 0,
          weekendMinutes: 0,
          shutdownAt: workday ? '17:30' : null,
        });
      }
    const { page } = await cadence.open({
      zone: ZONE,
      settings: { locale: 'en-GB' },
      intents,
      serve: { faketime: THURSDAY },
    });
    await openWeek(page);
    await expect(figure(page, 'Average workday span')).toHaveText(['7 h 13 min', /^—/]);
    const unknown = figure(page, 'Closed on time').nth(1).locator('[title]');
    await expect(unknown).toHaveAttribute('title', 'not measured before this version');
    await noSeriousAxeViolations(page);
    await expect(figure(page, 'Focus')).toHaveText(['3 h 20 min', '2 h']);
  });
});

test.describe('when the service is gone', () => {
  test('the week keeps its last figures, marked as such, and reloads when the service is back', async ({
    cadence,
  }) => {
    const { page, dir, service } = await cadence.open({
      zone: ZONE,
      settings: { locale: 'en-GB' },
      intents: seededWeeks(),
      serve: { faketime: THURSDAY },
    });
    await openWeek(page);
    const review = page.getByRole('region', { name: 'This week so far' });
    await expect(review).toContainText('Wednesday was never closed.');
    await service.stop('SIGKILL');
    const stale = page.getByRole('status').filter({ hasText: 'as they were last shown' });
    await expect(stale).toBeVisible();
    await expect(review).toContainText('Wednesday was never closed.');
    await expect(page.locator('.chart canvas')).toHaveCount(2);
    await cadence.shot('week-stale');
    // Meanwhile Wednesday was closed after all (by the CLI, say): the week shows it once the service is back.
    const intents = seededWeeks();
    close(intents, '2026-11-25');
    fs.writeFileSync(path.join(dir, 'intents.json'), JSON.stringify(intents));
    const again = await serve(dir, {
      faketime: THURSDAY,
      env: { TZ: ZONE },
      args: ['--port', String(service.port)],
    });
    await expect(stale).toHaveCount(0, { timeout: 15_000 });
    await expect(review).not.toContainText('never closed');
    await expect(review).toContainText('Lunch skipped on Tuesday.');
    await again.stop();
  });

  test('a week view first opened while the service is gone loads when it is back', async ({ cadence }) => {
    const { page, dir, service } = await cadence.open({
      zone: ZONE,
      settings: { locale: 'en-GB' },
      intents: seededWeeks(),
      serve: { faketime: THURSDAY },
    });
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await service.stop('SIGKILL');
    await expect(page.getByRole('alert').filter({ hasText: 'Lost the connection' })).toBeVisible();
    await openWeek(page);
    await expect(page.getByRole('status').filter({ hasText: 'could not be loaded' })).toBeVisible();
    const again = await serve(dir, {
      faketime: THURSDAY,
      env: { TZ: ZONE },
      args: ['--port', String(service.port)],
    });
    await expect(page.getByRole('region', { name: 'This week so far' })).toContainText(
      'Lunch skipped on Tuesday.',
      { timeout: 15_000 },
    );
    await expect(page.locator('.chart canvas')).toHaveCount(2);
    await again.stop();
  });
});
